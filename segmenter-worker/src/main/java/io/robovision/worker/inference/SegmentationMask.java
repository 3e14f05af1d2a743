package io.robovision.worker.inference;

/** A class-index mask at frame size: one byte per pixel, row-major. */
public record SegmentationMask(byte[] classes, int width, int height) {
  public SegmentationMask {
    if (classes.length != width * height) {
      throw new IllegalArgumentException("mask of " + width + "x" + height + " needs " + width * height
          + " bytes, got " + classes.length);
    }
  }
}
