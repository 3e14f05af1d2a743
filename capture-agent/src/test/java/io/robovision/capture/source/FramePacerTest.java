package io.robovision.capture.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.IntToLongFunction;
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
    assertThat(paced(25, 1500, i -> i * 40 * MS, i -> i / 5 * 200 * MS)).isEqualTo(1500);
    assertThat(paced(25, 1500, i -> -1, i -> i / 5 * 200 * MS)).isBetween(595, 605);
  }

  @Test
  void aFasterStreamIsHeldToTheCapOnItsClock() {
    assertThat(paced(10, 1800, FramePacerTest::at30Fps, FramePacerTest::at30Fps)).isBetween(598, 601);
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
    assertThat(paced(10, 1800, i -> i % 2 == 0 ? at30Fps(i) : -1, FramePacerTest::at30Fps)).isBetween(598, 601);
  }

  @Test
  void aStreamWhoseStampStaysStuckFallsBackToArrivalTime() {
    // One stamp, then none: the frames are paced on arrival, at the cap.
    assertThat(paced(10, 1800, i -> i == 0 ? 0 : -1, FramePacerTest::at30Fps)).isBetween(598, 602);
  }

  /** Frames kept in one minute of a camera at {@code cameraFps}, each arriving up to {@code jitterMs} late or early. */
  private static int kept(double cameraFps, double capFps, int jitterMs) {
    Random random = new Random(1);
    return paced(capFps, (int) Math.round(60 * cameraFps), i -> -1,
        i -> Math.round(i * 1e9 / cameraFps) + (random.nextInt(2 * jitterMs + 1) - jitterMs) * MS);
  }

  /** Frames a pacer at {@code capFps} keeps of {@code frames}, the i-th stamped and arriving as the functions say. */
  private static int paced(double capFps, int frames, IntToLongFunction stamp, IntToLongFunction arrival) {
    FramePacer pacer = new FramePacer(capFps, 0);
    int kept = 0;
    for (int i = 0; i < frames; i++) {
      if (pacer.dueAt(stamp.applyAsLong(i), arrival.applyAsLong(i))) {
        kept++;
      }
    }
    return kept;
  }

  private static long at30Fps(int frame) {
    return Math.round(frame * 1e9 / 30);
  }
}
