package io.robovision.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.robovision.schemas.Detection;
import io.robovision.schemas.Frame;
import io.robovision.schemas.ImageEncoding;
import io.robovision.schemas.Mask;
import io.robovision.schemas.MaskEncoding;
import io.robovision.schemas.SegmentResult;
import io.robovision.schemas.SegmentStatus;
import io.robovision.schemas.StageTimings;
import io.robovision.sink.overlay.FrameComposer;
import io.robovision.sink.overlay.OutputVariant;
import io.robovision.sink.overlay.OverlayRenderer;
import io.robovision.telemetry.Telemetry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class FrameRendererTest {
  private static final List<String> CLASSES = List.of("background", "person");
  private final SinkStats stats = new SinkStats(new Telemetry(), CLASSES);
  private final FrameRenderer renderer =
      new FrameRenderer(new FrameComposer(new OverlayRenderer(CLASSES, 0.5), OutputVariant.OVERLAY), stats);

  @Test
  void aMaskThatIsNotOneByteOfClassIndexAPixelIsLeftOutAndCounted() {
    try (Mat grey = new Mat(48, 64, CV_8UC3, Scalar.all(90));
        Mat colourMask = new Mat(48, 64, CV_8UC3, Scalar.all(1));
        Mat wideMask = new Mat(48, 64, CV_16UC1, Scalar.all(1));
        Mat first = renderer.render(frame(grey, null), result(colourMask, List.of()));
        Mat second = renderer.render(frame(grey, null), result(wideMask, List.of()))) {
      assertThat(first.cols()).isEqualTo(64);
      assertThat(second.rows()).isEqualTo(48);
    }
    assertThat(stats.withoutMaskCount()).isEqualTo(2);
  }

  @Test
  void groundTruthIsScoredOnlyWhenItHoldsOneClassIndexAPixel() {
    try (Mat grey = new Mat(48, 64, CV_8UC3, Scalar.all(90));
        Mat mask = new Mat(48, 64, CV_8UC1, Scalar.all(1));
        Mat colourTruth = new Mat(48, 64, CV_8UC3, Scalar.all(1));
        Mat wideTruth = new Mat(48, 64, CV_16UC1, Scalar.all(1));
        Mat truth = new Mat(48, 64, CV_8UC1, Scalar.all(1));
        Mat first = renderer.render(frame(grey, colourTruth), result(mask, List.of()));
        Mat second = renderer.render(frame(grey, wideTruth), result(mask, List.of()))) {
      assertThat(first).isNotNull();
      assertThat(second).isNotNull();
      assertThat(stats.accuracy().pixels()).isZero();
      renderer.render(frame(grey, truth), result(mask, List.of())).close();
    }
    assertThat(stats.accuracy().pixels()).isEqualTo(48 * 64);
    assertThat(stats.accuracy().iou(1)).isEqualTo(1.0);
  }

  @Test
  void oddSizesAndBoxesAreDrawn() {
    List<Detection> boxes = List.of(new Detection(Float.NaN, 1f, Float.POSITIVE_INFINITY, -1e30f, 0.5f, -7, ""),
        new Detection(-1e9f, -1e9f, 1e9f, 1e9f, Float.NaN, 1000, "x".repeat(500)));
    try (Mat dot = new Mat(1, 1, CV_8UC3, Scalar.all(9));
        Mat grey = new Mat(48, 64, CV_8UC3, Scalar.all(90));
        Mat tinyMask = new Mat(1, 1, CV_8UC1, Scalar.all(1));
        Mat voidMask = new Mat(48, 64, CV_8UC1, Scalar.all(255));
        Mat onePixel = renderer.render(frame(dot, null), result(tinyMask, boxes));
        Mat scaledMask = renderer.render(frame(grey, null), result(tinyMask, boxes));
        Mat unknownClasses = renderer.render(frame(grey, null), result(voidMask, boxes))) {
      assertThat(onePixel.cols()).isEqualTo(1);
      assertThat(scaledMask.cols()).isEqualTo(64);
      assertThat(unknownClasses.cols()).isEqualTo(64);
    }
    assertThat(stats.undecodableCount()).isZero();
  }

  @Test
  void aFrameThatCannotBeDrawnIsCountedInsteadOfStoppingTheSink() {
    FrameComposer closed = new FrameComposer(new OverlayRenderer(CLASSES, 0.5), OutputVariant.OVERLAY);
    closed.close();
    try (Mat grey = new Mat(48, 64, CV_8UC3, Scalar.all(90)); Mat mask = new Mat(48, 64, CV_8UC1, Scalar.all(1))) {
      assertThat(new FrameRenderer(closed, stats).render(frame(grey, null), result(mask, List.of()))).isNull();
      Frame corrupt = Frame.newBuilder(frame(grey, null)).setImage(ByteBuffer.wrap(new byte[] {1, 2, 3})).build();
      assertThat(renderer.render(corrupt, result(mask, List.of()))).isNull();
    }
    assertThat(stats.undecodableCount()).isEqualTo(2);
  }

  private static Mask mask(Mat mask) {
    return new Mask(mask.cols(), mask.rows(), MaskEncoding.PNG, ByteBuffer.wrap(Encoded.bytes(".png", mask)));
  }

  private static Frame frame(Mat image, Mat truth) {
    Frame.Builder frame = Frame.newBuilder().setCameraId("cam").setSequence(0).setCaptureTime(Instant.EPOCH)
        .setWidth(image.cols()).setHeight(image.rows()).setEncoding(ImageEncoding.JPEG)
        .setImage(ByteBuffer.wrap(Encoded.bytes(".jpg", image)));
    if (truth != null) {
      frame.setGroundTruth(mask(truth));
    }
    return frame.build();
  }

  private static SegmentResult result(Mat mask, List<Detection> detections) {
    return SegmentResult.newBuilder().setCameraId("cam").setSequence(0).setCaptureTime(Instant.EPOCH)
        .setStatus(SegmentStatus.OK).setMask(mask(mask)).setCoverage(List.of()).setDetections(detections)
        .setModelId("test").setWorkerId("test").setTimings(new StageTimings(0.0, 0.0, 0.0, 0.0, 0.0)).build();
  }
}
