package io.robovision.sink.overlay;

import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import io.robovision.sink.overlay.OverlayStyle.TextExtent;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Draws a key of colour swatches and class names in the top-left corner of a frame. */
final class Legend {
  /** Fraction of the underlying video hidden by the legend's backdrop: enough for white text to read on any scene. */
  private static final double BACKDROP_OPACITY = 0.6;

  private final List<String> classNames;
  private final VocPalette palette;

  Legend(List<String> classNames, VocPalette palette) {
    this.classNames = classNames;
    this.palette = palette;
  }

  /** Draws one row per entry of {@code classes} (already sorted), clipped to the frame. */
  void draw(Mat frame, List<Integer> classes, OverlayStyle style) {
    if (classes.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>(classes.size());
    int textWidth = 0;
    int ascent = 0;
    int descent = 0;
    for (int classIndex : classes) {
      String name = nameOf(classIndex);
      TextExtent extent = style.measure(name);
      names.add(name);
      textWidth = Math.max(textWidth, extent.width());
      ascent = Math.max(ascent, extent.ascent());
      descent = Math.max(descent, extent.descent());
    }
    int pad = style.padding();
    int rowHeight = ascent + descent;
    int swatch = rowHeight;
    int left = pad;
    int top = pad;
    int width = pad + swatch + pad + textWidth + pad;
    int height = pad + classes.size() * (rowHeight + pad);
    darken(frame, left, top, width, height);

    try (Scalar white = new Scalar(255, 255, 255, 0)) {
      for (int row = 0; row < classes.size(); row++) {
        int rowTop = top + pad + row * (rowHeight + pad);
        int swatchLeft = left + pad;
        try (Scalar colour = palette.bgr(classes.get(row));
            Point from = new Point(swatchLeft, rowTop);
            Point to = new Point(swatchLeft + swatch - 1, rowTop + swatch - 1)) {
          rectangle(frame, from, to, colour, FILLED, LINE_8, 0);
          // Dark palette entries (e.g. 64,0,0) vanish on the dark backdrop without an outline.
          rectangle(frame, from, to, white, 1, LINE_8, 0);
        }
        style.drawText(frame, names.get(row), swatchLeft + swatch + pad, rowTop + ascent, white);
      }
    }
  }

  private String nameOf(int classIndex) {
    return classIndex < classNames.size() ? classNames.get(classIndex) : "class " + classIndex;
  }

  private static void darken(Mat frame, int left, int top, int width, int height) {
    int right = Math.min(left + width, frame.cols());
    int bottom = Math.min(top + height, frame.rows());
    if (right <= left || bottom <= top) {
      return;
    }
    try (Rect area = new Rect(left, top, right - left, bottom - top); Mat backdrop = frame.apply(area)) {
      backdrop.convertTo(backdrop, -1, 1 - BACKDROP_OPACITY, 0);
    }
  }
}
