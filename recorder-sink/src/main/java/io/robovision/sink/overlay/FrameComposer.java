package io.robovision.sink.overlay;

import static org.bytedeco.opencv.global.opencv_core.hconcat;

import io.robovision.schemas.Detection;
import java.time.Instant;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Builds the picture that is recorded for a frame, in the configured {@link OutputVariant}, stamped with its capture time. */
public final class FrameComposer implements AutoCloseable {
  private final OverlayRenderer renderer;
  private final OutputVariant variant;
  private final TimestampPainter timestamp = new TimestampPainter();

  public FrameComposer(OverlayRenderer renderer, OutputVariant variant) {
    this.renderer = renderer;
    this.variant = variant;
  }

  /**
   * Returns a new CV_8UC3 Mat, which the caller closes: the frame's size, or twice its width side by side.
   *
   * @param bgrFrame the decoded camera frame
   * @param mask     CV_8UC1 class indices of the frame's size
   */
  public Mat compose(Mat bgrFrame, Mat mask, List<Detection> detections, Instant captureTime) {
    Mat out = switch (variant) {
      case ORIGINAL -> bgrFrame.clone();
      case OVERLAY -> renderer.render(bgrFrame, mask, detections);
      case SIDE_BY_SIDE -> sideBySide(bgrFrame, mask, detections);
    };
    timestamp.draw(out, captureTime, OverlayStyle.forFrameHeight(out.rows()));
    return out;
  }

  private Mat sideBySide(Mat bgrFrame, Mat mask, List<Detection> detections) {
    Mat both = new Mat();
    try (Mat overlay = renderer.render(bgrFrame, mask, detections)) {
      hconcat(bgrFrame, overlay, both);
    }
    return both;
  }

  @Override
  public void close() {
    renderer.close();
  }
}
