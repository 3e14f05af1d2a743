package io.robovision.capture.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FramePacerTest {
  private static final long MS = 1_000_000;

  @Test
  void aCameraAtTheCapKeepsEveryFrameDespiteJitter() {
    assertThat(kept(10, 10, 30)).isEqualTo(600);
  }

  @Test
  void aFasterCameraIsHeldToTheCap() {
    assertThat(kept(30, 10, 5)).isBetween(598, 601);
    assertThat(kept(12, 10, 5)).isBetween(598, 601);
  }

  @Test
  void aSlowerCameraKeepsEveryFrameAndNoCapKeepsAll() {
    assertThat(kept(5, 10, 20)).isEqualTo(300);
    assertThat(kept(30, 0, 5)).isEqualTo(1800);
  }

  @Test
  void aBurstyStreamKeepsItsFramesOnItsOwnClock() {
    // 25 frames/s that arrive five at a time: on arrival time the cap of 25 kept 2 of each 5.
    FramePacer pacer = new FramePacer(25, 0);
    int kept = 0;
    for (int i = 0; i < 1500; i++) {
      if (pacer.dueAt(i * 40 * MS, i / 5 * 200 * MS)) {
        kept++;
      }
    }
    assertThat(kept).isEqualTo(1500);
    FramePacer onArrival = new FramePacer(25, 0);
    int keptOnArrival = 0;
    for (int i = 0; i < 1500; i++) {
      if (onArrival.dueAt(-1, i / 5 * 200 * MS)) {
        keptOnArrival++;
      }
    }
    assertThat(keptOnArrival).isBetween(595, 605);
  }

  @Test
  void aFasterStreamIsHeldToTheCapOnItsClock() {
    FramePacer pacer = new FramePacer(10, 0);
    int kept = 0;
    for (int i = 0; i < 1800; i++) {
      if (pacer.dueAt(Math.round(i * 1e9 / 30), Math.round(i * 1e9 / 30))) {
        kept++;
      }
    }
    assertThat(kept).isBetween(598, 601);
  }

  @Test
  void aStreamWhoseClockRestartsOrLeapsStartsAnew() {
    FramePacer pacer = new FramePacer(10, 0);
    assertThat(pacer.dueAt(50_000 * MS, 50_000 * MS)).isTrue();
    assertThat(pacer.dueAt(50_010 * MS, 50_010 * MS)).isFalse();
    // A reconnect starts the stream's clock at 0 again; a stall leaps it ahead.
    assertThat(pacer.dueAt(0, 0)).isTrue();
    assertThat(pacer.dueAt(10 * MS, 10 * MS)).isFalse();
    assertThat(pacer.dueAt(60_000 * MS, 60_000 * MS)).isTrue();
    assertThat(pacer.dueAt(60_100 * MS, 60_100 * MS)).isTrue();
  }

  @Test
  void aStreamThatRepeatsEveryOtherStampIsStillHeldToTheCap() {
    // 30 frames/s whose every second frame repeats the previous stamp, so it reaches the pacer without one.
    FramePacer pacer = new FramePacer(10, 0);
    int kept = 0;
    for (int i = 0; i < 1800; i++) {
      long arrival = Math.round(i * 1e9 / 30);
      if (pacer.dueAt(i % 2 == 0 ? arrival : -1, arrival)) {
        kept++;
      }
    }
    assertThat(kept).isBetween(598, 601);
  }

  @Test
  void aStreamWhoseStampStaysStuckFallsBackToArrivalTime() {
    // One stamp, then none: the frames are paced on arrival, at the cap.
    FramePacer pacer = new FramePacer(10, 0);
    int kept = 0;
    for (int i = 0; i < 1800; i++) {
      long arrival = Math.round(i * 1e9 / 30);
      if (pacer.dueAt(i == 0 ? 0 : -1, arrival)) {
        kept++;
      }
    }
    assertThat(kept).isBetween(598, 602);
  }

  /** Frames kept in one minute of a camera at {@code cameraFps}, each arriving up to {@code jitterMs} late or early. */
  private static int kept(double cameraFps, double capFps, int jitterMs) {
    FramePacer pacer = new FramePacer(capFps, 0);
    Random random = new Random(1);
    int kept = 0;
    int frames = (int) Math.round(60 * cameraFps);
    for (int i = 0; i < frames; i++) {
      long arrival = Math.round(i * 1e9 / cameraFps) + (random.nextInt(2 * jitterMs + 1) - jitterMs) * MS;
      if (pacer.dueAt(-1, arrival)) {
        kept++;
      }
    }
    return kept;
  }
}
