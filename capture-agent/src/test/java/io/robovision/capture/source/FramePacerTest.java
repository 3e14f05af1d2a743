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

  /** Frames kept in one minute of a camera at {@code cameraFps}, each arriving up to {@code jitterMs} late or early. */
  private static int kept(double cameraFps, double capFps, int jitterMs) {
    FramePacer pacer = new FramePacer(capFps, 0);
    Random random = new Random(1);
    int kept = 0;
    int frames = (int) Math.round(60 * cameraFps);
    for (int i = 0; i < frames; i++) {
      long arrival = Math.round(i * 1e9 / cameraFps) + (random.nextInt(2 * jitterMs + 1) - jitterMs) * MS;
      if (pacer.due(arrival)) {
        kept++;
      }
    }
    return kept;
  }
}
