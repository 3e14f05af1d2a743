package io.robovision.worker.inference;

/**
 * Where a frame lands in YOLOv5's square letterbox: scaled to fit with its aspect ratio kept, centred, the odd pixel of
 * padding on the right or bottom; and the way from letterbox coordinates back to the frame.
 */
record Letterbox(int frameWidth, int frameHeight, int size, int scaledWidth, int scaledHeight, int left, int top) {
  static Letterbox fit(int frameWidth, int frameHeight, int size) {
    if (frameWidth <= 0 || frameHeight <= 0) {
      throw new IllegalArgumentException("cannot letterbox an empty frame of " + frameWidth + "x" + frameHeight);
    }
    double scale = Math.min((double) size / frameWidth, (double) size / frameHeight);
    // rint rounds halves to even like Python's round(), so ties land on the same pixel as in YOLOv5 and training.
    int scaledWidth = (int) Math.rint(frameWidth * scale);
    int scaledHeight = (int) Math.rint(frameHeight * scale);
    int left = (int) Math.round((size - scaledWidth) / 2.0 - 0.1);
    int top = (int) Math.round((size - scaledHeight) / 2.0 - 0.1);
    return new Letterbox(frameWidth, frameHeight, size, scaledWidth, scaledHeight, left, top);
  }

  int right() {
    return size - scaledWidth - left;
  }

  int bottom() {
    return size - scaledHeight - top;
  }

  /** Horizontal letterbox coordinate to the frame, clipped to its edges. */
  float toFrameX(float x) {
    return clip((x - left) * frameWidth / (float) scaledWidth, frameWidth);
  }

  /** Vertical letterbox coordinate to the frame, clipped to its edges. */
  float toFrameY(float y) {
    return clip((y - top) * frameHeight / (float) scaledHeight, frameHeight);
  }

  private static float clip(float value, int limit) {
    return Math.max(0, Math.min(limit, value));
  }
}
