package io.robovision.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The class histogram against a plain count, on masks whose pixel count is and is not a multiple of four. */
class SegmentationMaskTest {
  private static final int CLASSES = 21;

  @Test
  void countsEveryPixelOfEachClass() {
    Random random = new Random(7);
    for (int width : new int[] {1, 2, 3, 5, 320}) {
      byte[] classes = new byte[width * 3];
      // Runs of one class, as in real masks, and classes past the ones asked for, which are left out.
      for (int i = 0; i < classes.length; i++) {
        classes[i] = random.nextInt(4) == 0 || i == 0 ? (byte) random.nextInt(CLASSES + 4) : classes[i - 1];
      }
      long[] expected = new long[CLASSES];
      for (byte value : classes) {
        if ((value & 0xFF) < CLASSES) {
          expected[value & 0xFF]++;
        }
      }
      assertThat(new SegmentationMask(classes, width, 3).histogram(CLASSES)).as("width %d", width)
          .containsExactly(expected);
    }
  }
}
