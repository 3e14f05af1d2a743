package io.robovision.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.robovision.capture.source.synthetic.SceneFrame;
import io.robovision.capture.source.synthetic.SyntheticScene;
import io.robovision.capture.source.synthetic.VocClasses;
import io.robovision.worker.inference.SegmentationMask;
import io.robovision.worker.result.ClassExtents;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoScenesTest {
  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;
  private static final int MIN_PIXELS = 300;

  @Test
  void theDefaultTwoCamerasShowEverySyntheticClass() {
    Set<Integer> shown = new HashSet<>();
    for (long seed = Demo.DEFAULT_FIRST_SEED; seed < Demo.DEFAULT_FIRST_SEED + 2; seed++) {
      SyntheticScene scene = new SyntheticScene(seed, WIDTH, HEIGHT);
      long[] pixels = new long[VocClasses.NAMES.size()];
      int frames = 0;
      for (long index = 0; index < 150; index += 15, frames++) {
        try (SceneFrame frame = scene.render(index)) {
          byte[] labels = new byte[WIDTH * HEIGHT];
          frame.labels().data().get(labels);
          long[] histogram = ClassExtents.of(new SegmentationMask(labels, WIDTH, HEIGHT), pixels.length).counts();
          for (int c = 0; c < pixels.length; c++) {
            pixels[c] += histogram[c];
          }
        }
      }
      for (int c = 1; c < pixels.length; c++) {
        if (pixels[c] / frames >= MIN_PIXELS) {
          shown.add(c);
        }
      }
    }
    assertThat(shown).containsExactlyInAnyOrder(VocClasses.BICYCLE, VocClasses.BUS, VocClasses.CAR, VocClasses.CAT,
        VocClasses.DOG, VocClasses.PERSON);
  }
}
