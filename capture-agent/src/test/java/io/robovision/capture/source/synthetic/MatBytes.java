package io.robovision.capture.source.synthetic;

import org.bytedeco.opencv.opencv_core.Mat;

/** Copies a continuous Mat's pixels into a Java array so tests can compare and inspect them. */
final class MatBytes {
  private MatBytes() {
  }

  static byte[] of(Mat mat) {
    byte[] bytes = new byte[(int) (mat.total() * mat.elemSize())];
    mat.data().get(bytes);
    return bytes;
  }
}
