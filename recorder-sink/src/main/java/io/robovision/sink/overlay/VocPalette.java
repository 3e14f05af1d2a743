package io.robovision.sink.overlay;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Pascal VOC's colour map (the standard bit-interleaved palette: index 0 black, 1 (128,0,0) RGB, 2 (0,128,0), 3 (128,128,0), ...), as a 256-entry BGR lookup table. */
public final class VocPalette {
  /** Number of entries: a CV_8UC1 class mask can address exactly this many classes. */
  static final int SIZE = 256;

  /** Returns a new 1x256 CV_8UC3 table in BGR order, for {@code cv::LUT}; the caller closes it. */
  public Mat lut() {
    Mat table = new Mat(1, SIZE, CV_8UC3);
    try (UByteIndexer cells = table.createIndexer()) {
      for (int index = 0; index < SIZE; index++) {
        int rgb = rgb(index);
        cells.put(0, index, 0, rgb & 0xFF);
        cells.put(0, index, 1, (rgb >> 8) & 0xFF);
        cells.put(0, index, 2, (rgb >> 16) & 0xFF);
      }
    }
    return table;
  }

  /** Returns a new BGR scalar for {@code classIndex} in [0, 255]. */
  public Scalar bgr(int classIndex) {
    if (classIndex < 0 || classIndex >= SIZE) {
      throw new IllegalArgumentException("class index must be in [0, " + (SIZE - 1) + "], got " + classIndex);
    }
    int rgb = rgb(classIndex);
    return new Scalar(rgb & 0xFF, (rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF, 0);
  }

  /**
   * Spreads the index bits over the colour channels, most significant colour bit first, so that
   * neighbouring class indices get clearly different colours.
   */
  private static int rgb(int index) {
    int r = 0;
    int g = 0;
    int b = 0;
    int bits = index;
    for (int shift = 7; shift >= 0; shift--) {
      r |= (bits & 1) << shift;
      g |= ((bits >> 1) & 1) << shift;
      b |= ((bits >> 2) & 1) << shift;
      bits >>= 3;
    }
    return (r << 16) | (g << 8) | b;
  }
}
