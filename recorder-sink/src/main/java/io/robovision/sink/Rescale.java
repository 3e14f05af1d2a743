package io.robovision.sink;

import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Brings a picture or mask to a given size, in place of the original. */
final class Rescale {
  private Rescale() {
  }

  /** {@code mat} itself when it has that size already; else a scaled copy, and {@code mat} is freed. */
  static Mat to(Mat mat, int cols, int rows, int interpolation) {
    if (mat.cols() == cols && mat.rows() == rows) {
      return mat;
    }
    Mat scaled = new Mat();
    resize(mat, scaled, new Size(cols, rows), 0, 0, interpolation);
    mat.close();
    return scaled;
  }
}
