package io.robovision.sink;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Images encoded as the capture agent and the worker send them, for building test records. */
final class Encoded {
  private Encoded() {
  }

  /** {@code image} in the format of {@code extension}, e.g. ".jpg" or ".png". */
  static byte[] bytes(String extension, Mat image) {
    try (BytePointer buffer = new BytePointer()) {
      imencode(extension, image, buffer);
      byte[] bytes = new byte[(int) buffer.limit()];
      buffer.get(bytes);
      return bytes;
    }
  }
}
