package io.robovision.sink.recording;

/**
 * A picture size that OpenH264 encodes: each side at least 16 pixels, and at most 36 864 macroblocks of 16x16 (the
 * largest frame of H.264 level 5.1, e.g. 4096x2304), counted after {@link EvenSizePadder}'s padding.
 */
public record EncodedSize(int width, int height) {
  static final int MIN_SIDE = 16;
  static final int MAX_MACROBLOCKS = 36_864;
  private static final int MACROBLOCK = 16;

  /** Whether OpenH264 encodes pictures of this size. */
  public static boolean encodable(int width, int height) {
    int evenWidth = width + width % 2;
    int evenHeight = height + height % 2;
    return evenWidth >= MIN_SIDE && evenHeight >= MIN_SIDE
        && (long) blocks(evenWidth) * blocks(evenHeight) <= MAX_MACROBLOCKS;
  }

  /**
   * The size to record pictures of {@code width}x{@code height} at: the same when encodable, else scaled with the
   * aspect ratio kept, down to the largest frame or up to the smallest; e.g. a 12-megapixel 4000x3000 camera is
   * recorded at 3542x2656.
   */
  public static EncodedSize fit(int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("a picture has at least one pixel a side, got " + width + "x" + height);
    }
    if (encodable(width, height)) {
      return new EncodedSize(width, height);
    }
    double scale = Math.min(width, height) < MIN_SIDE
        ? (double) MIN_SIDE / Math.min(width, height)
        : Math.sqrt((double) MAX_MACROBLOCKS * MACROBLOCK * MACROBLOCK / ((double) width * height));
    EncodedSize size = scaled(width, height, scale);
    while (!encodable(size.width(), size.height())) {
      scale *= 0.999;
      size = scaled(width, height, scale);
    }
    return size;
  }

  private static EncodedSize scaled(int width, int height, double scale) {
    return new EncodedSize(even(width * scale), even(height * scale));
  }

  /** Even, so that no padding is needed, and at least the smallest side. */
  private static int even(double side) {
    int rounded = (int) Math.ceil(side);
    return Math.max(MIN_SIDE, rounded + rounded % 2);
  }

  private static int blocks(int side) {
    return (side + MACROBLOCK - 1) / MACROBLOCK;
  }
}
