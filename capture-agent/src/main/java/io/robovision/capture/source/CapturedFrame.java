package io.robovision.capture.source;

import org.bytedeco.opencv.opencv_core.Mat;

/** A BGR image as grabbed, its capture time, and a VOC label mask when the source knows the truth. */
public record CapturedFrame(Mat image, Mat groundTruth, long captureTimeMillis) implements AutoCloseable {
  @Override
  public void close() {
    image.close();
    if (groundTruth != null) {
      groundTruth.close();
    }
  }
}
