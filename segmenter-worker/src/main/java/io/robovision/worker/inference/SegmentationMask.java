package io.robovision.worker.inference;

/** A class-index mask at frame size: one byte per pixel, row-major. */
public record SegmentationMask(byte[] classes, int width, int height) {
  public SegmentationMask {
    if (classes.length != width * height) {
      throw new IllegalArgumentException("mask of " + width + "x" + height + " needs " + width * height
          + " bytes, got " + classes.length);
    }
  }

  /** Pixels per class index, for classes 0..classCount-1. */
  public long[] histogram(int classCount) {
    long[] counts = new long[Math.max(classCount, 256)];
    for (byte value : classes) {
      counts[value & 0xFF]++;
    }
    return java.util.Arrays.copyOf(counts, classCount);
  }
}
