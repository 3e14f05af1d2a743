package io.robovision.worker.result;

import io.robovision.worker.inference.SegmentationMask;
import java.util.Arrays;

/** Pixel count and inclusive bounding box of every class of a mask, from one pass over it. */
public record ClassExtents(long[] counts, int[] left, int[] top, int[] right, int[] bottom) {
  /** Classes 0..classCount-1; indices at or above classCount are counted nowhere. */
  public static ClassExtents of(SegmentationMask mask, int classCount) {
    int slots = Math.max(classCount, 256);
    long[] counts = new long[slots];
    int[] left = new int[slots];
    int[] top = new int[slots];
    int[] right = new int[slots];
    int[] bottom = new int[slots];
    Arrays.fill(left, Integer.MAX_VALUE);
    Arrays.fill(top, Integer.MAX_VALUE);
    Arrays.fill(right, -1);
    Arrays.fill(bottom, -1);
    byte[] classes = mask.classes();
    int width = mask.width();
    for (int y = 0, i = 0; y < mask.height(); y++) {
      for (int x = 0; x < width; x++, i++) {
        int c = classes[i] & 0xFF;
        counts[c]++;
        if (x < left[c]) {
          left[c] = x;
        }
        if (x > right[c]) {
          right[c] = x;
        }
        if (y < top[c]) {
          top[c] = y;
        }
        bottom[c] = y;
      }
    }
    return new ClassExtents(Arrays.copyOf(counts, classCount), Arrays.copyOf(left, classCount),
        Arrays.copyOf(top, classCount), Arrays.copyOf(right, classCount), Arrays.copyOf(bottom, classCount));
  }

  public int width(int classIndex) {
    return right[classIndex] - left[classIndex] + 1;
  }

  public int height(int classIndex) {
    return bottom[classIndex] - top[classIndex] + 1;
  }
}
