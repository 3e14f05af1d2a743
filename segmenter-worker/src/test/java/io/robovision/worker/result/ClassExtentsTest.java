package io.robovision.worker.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.robovision.worker.inference.SegmentationMask;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Counts and boxes against a plain scan per class, on masks of odd and even widths. */
class ClassExtentsTest {
  private static final int CLASSES = 21;

  @Test
  void countsAndBoundsEveryClass() {
    Random random = new Random(7);
    for (int width : new int[] {1, 2, 3, 5, 320}) {
      int height = 4;
      byte[] classes = new byte[width * height];
      // Runs of one class, as in real masks, and classes past the ones asked for, which are left out.
      for (int i = 0; i < classes.length; i++) {
        classes[i] = random.nextInt(4) == 0 || i == 0 ? (byte) random.nextInt(CLASSES + 4) : classes[i - 1];
      }
      ClassExtents extents = ClassExtents.of(new SegmentationMask(classes, width, height), CLASSES);
      for (int c = 0; c < CLASSES; c++) {
        long count = 0;
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = -1;
        int bottom = -1;
        for (int i = 0; i < classes.length; i++) {
          if ((classes[i] & 0xFF) == c) {
            count++;
            left = Math.min(left, i % width);
            right = Math.max(right, i % width);
            top = Math.min(top, i / width);
            bottom = Math.max(bottom, i / width);
          }
        }
        assertThat(extents.counts()[c]).as("width %d, class %d count", width, c).isEqualTo(count);
        if (count > 0) {
          assertThat(new int[] {extents.left()[c], extents.top()[c], extents.right()[c], extents.bottom()[c]})
              .as("width %d, class %d box", width, c).containsExactly(left, top, right, bottom);
          assertThat(extents.width(c)).isEqualTo(right - left + 1);
          assertThat(extents.height(c)).isEqualTo(bottom - top + 1);
        }
      }
    }
  }
}
