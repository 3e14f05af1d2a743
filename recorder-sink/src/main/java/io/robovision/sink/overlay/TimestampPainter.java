package io.robovision.sink.overlay;

import io.robovision.sink.overlay.OverlayStyle.TextExtent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Writes the capture time (UTC, to the millisecond) in the bottom-left corner, on a dark backdrop. */
final class TimestampPainter {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);
  private static final double BACKDROP_OPACITY = 0.6;

  void draw(Mat frame, Instant captureTime, OverlayStyle style) {
    String text = FORMAT.format(captureTime);
    TextExtent extent = style.measure(text);
    int pad = style.padding();
    int width = Math.min(frame.cols(), extent.width() + 2 * pad);
    int height = Math.min(frame.rows(), extent.height() + 2 * pad);
    try (Rect area = new Rect(0, frame.rows() - height, width, height); Mat backdrop = frame.apply(area)) {
      backdrop.convertTo(backdrop, -1, 1 - BACKDROP_OPACITY, 0);
    }
    try (Scalar white = new Scalar(255, 255, 255, 0)) {
      style.drawText(frame, text, pad, frame.rows() - pad - extent.descent(), white);
    }
  }
}
