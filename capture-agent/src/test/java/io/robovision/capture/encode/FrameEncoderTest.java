package io.robovision.capture.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import io.robovision.schemas.Frame;
import io.robovision.schemas.ImageEncoding;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class FrameEncoderTest {
  @Test
  void scalesToTheOutputSizeAndKeepsLabelsExact() {
    try (Mat image = new Mat(120, 160, opencv_core.CV_8UC3, new Scalar(10, 200, 30, 0));
        Mat labels = new Mat(120, 160, opencv_core.CV_8UC1, new Scalar(0))) {
      try (Mat left = labels.colRange(0, 80)) {
        left.put(new Scalar(15));
      }
      Frame frame = new FrameEncoder(80, 60, 80).encode("cam", 3, 1000, image, labels);
      assertThat(frame.getWidth()).isEqualTo(80);
      assertThat(frame.getHeight()).isEqualTo(60);
      assertThat(frame.getEncoding()).isEqualTo(ImageEncoding.JPEG);
      assertThat(frame.getSequence()).isEqualTo(3);
      byte[] png = new byte[frame.getGroundTruth().getData().remaining()];
      frame.getGroundTruth().getData().duplicate().get(png);
      try (BytePointer data = new BytePointer(png); Mat buffer = new Mat(1, png.length, opencv_core.CV_8UC1, data);
          Mat decoded = imdecode(buffer, IMREAD_UNCHANGED); UByteIndexer pixels = decoded.createIndexer()) {
        assertThat(decoded.cols()).isEqualTo(80);
        assertThat(pixels.get(30, 0)).isEqualTo(15);
        assertThat(pixels.get(30, 39)).isEqualTo(15);
        assertThat(pixels.get(30, 40)).isEqualTo(0);
      }
    }
  }

  @Test
  void keepsTheSourceSizeWhenAskedTo() {
    try (Mat image = new Mat(50, 70, opencv_core.CV_8UC3, new Scalar(0, 0, 0, 0))) {
      Frame frame = new FrameEncoder(0, 0, 90).encode("cam", 0, 0, image, null);
      assertThat(frame.getWidth()).isEqualTo(70);
      assertThat(frame.getGroundTruth()).isNull();
      assertThat(frame.getImage().remaining()).isGreaterThan(100);
    }
  }
}
