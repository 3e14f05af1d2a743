package io.robovision.capture.source;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A BGR image as grabbed, a VOC label mask when the source knows the truth, its capture time, and the source's own
 * presentation time in microseconds where it has a rising one (else -1).
 */
public record CapturedFrame(Mat image, Mat groundTruth, long captureTimeMillis, long streamMicros)
    implements AutoCloseable {
  /** A frame from a source without a clock of its own. */
  public CapturedFrame(Mat image, Mat groundTruth, long captureTimeMillis) {
    this(image, groundTruth, captureTimeMillis, -1);
  }

  @Override
  public void close() {
    image.close();
    if (groundTruth != null) {
      groundTruth.close();
    }
  }
}
