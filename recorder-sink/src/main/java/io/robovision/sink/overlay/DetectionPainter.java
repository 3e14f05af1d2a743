package io.robovision.sink.overlay;

import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import io.robovision.schemas.Detection;
import io.robovision.sink.overlay.OverlayStyle.TextExtent;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Draws detection boxes with a "name confidence" tag on top of each. */
final class DetectionPainter {
  /**
   * Saturated colours (RGB) that stay visible on video and differ from their neighbours, so that
   * consecutive class indices are told apart; detections use their own label space, not the mask's.
   */
  private static final List<Integer> BOX_COLOURS_RGB = List.of(
      0xFF3B30, 0x34C759, 0x0A84FF, 0xFFCC00, 0xAF52DE, 0x00C7BE,
      0xFF9500, 0xFF2D92, 0x8EE000, 0x5AC8FA, 0xFF6F61, 0xC7A4FF);

  /** Draws every detection that overlaps the frame, clipping boxes and tags to it. */
  void draw(Mat frame, List<Detection> detections, OverlayStyle style) {
    for (Detection detection : detections) {
      PixelBox box = PixelBox.clip(detection, frame.cols(), frame.rows());
      if (box != null) {
        try (Scalar colour = colourOf(detection.getClass$())) {
          drawBox(frame, box, colour, style);
          drawTag(frame, box, label(detection), colour, style);
        }
      }
    }
  }

  private static void drawBox(Mat frame, PixelBox box, Scalar colour, OverlayStyle style) {
    try (Point from = new Point(box.left(), box.top()); Point to = new Point(box.right(), box.bottom())) {
      rectangle(frame, from, to, colour, style.lineThickness(), LINE_8, 0);
    }
  }

  private static void drawTag(Mat frame, PixelBox box, String text, Scalar colour, OverlayStyle style) {
    TextExtent extent = style.measure(text);
    int pad = style.padding();
    int width = extent.width() + 2 * pad;
    int height = extent.height() + 2 * pad;
    int left = clamp(box.left(), 0, frame.cols() - width);
    int top = box.top() - height;
    if (top < 0) {
      // No room above the box: tuck the tag inside it, under the top edge.
      top = box.top();
    }
    top = clamp(top, 0, frame.rows() - height);
    try (Point from = new Point(left, top);
        Point to = new Point(left + width - 1, top + height - 1);
        Scalar ink = OverlayStyle.inkOn(colour)) {
      rectangle(frame, from, to, colour, FILLED, LINE_8, 0);
      style.drawText(frame, text, left + pad, top + pad + extent.ascent(), ink);
    }
  }

  private static String label(Detection detection) {
    String name = detection.getName();
    if (name == null || name.isBlank()) {
      name = "class " + detection.getClass$();
    }
    return String.format(Locale.ROOT, "%s %.2f", name, detection.getConfidence());
  }

  private static Scalar colourOf(int classIndex) {
    int rgb = BOX_COLOURS_RGB.get(Math.floorMod(classIndex, BOX_COLOURS_RGB.size()));
    return new Scalar(rgb & 0xFF, (rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF, 0);
  }

  /** Keeps {@code value} in [min, max], preferring {@code min} when the range is empty (tag wider than the frame). */
  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(value, max));
  }

  /** A detection box in inclusive integer pixel coordinates, inside the frame. */
  record PixelBox(int left, int top, int right, int bottom) {
    /** The part of {@code detection}'s box inside a {@code width}x{@code height} frame, or null if none is. */
    static PixelBox clip(Detection detection, int width, int height) {
      float xmin = detection.getXmin();
      float ymin = detection.getYmin();
      float xmax = detection.getXmax();
      float ymax = detection.getYmax();
      // Written so that NaN coordinates also count as outside.
      boolean overlaps = xmax > 0 && ymax > 0 && xmin < width && ymin < height && xmax > xmin && ymax > ymin;
      if (!overlaps) {
        return null;
      }
      int left = clamp(Math.round(xmin), 0, width - 1);
      int top = clamp(Math.round(ymin), 0, height - 1);
      // xmax/ymax are exclusive edges; a sub-pixel box still gets one pixel.
      int right = clamp(Math.round(xmax) - 1, left, width - 1);
      int bottom = clamp(Math.round(ymax) - 1, top, height - 1);
      return new PixelBox(left, top, right, bottom);
    }
  }
}
