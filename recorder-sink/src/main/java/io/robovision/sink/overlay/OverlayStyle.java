package io.robovision.sink.overlay;

import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.getTextSize;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Text and line sizes for overlay elements, grown with the frame so labels stay legible from 320x240 to full HD. */
record OverlayStyle(double fontScale, int textThickness, int lineThickness, int padding) {
  /** Frames up to this height use the smallest settings, which are still readable at 320x240. */
  private static final double BASE_HEIGHT = 360.0;
  private static final double BASE_FONT_SCALE = 0.4;
  private static final int FONT = FONT_HERSHEY_SIMPLEX;

  /** The style for a frame {@code height} pixels tall. */
  static OverlayStyle forFrameHeight(int height) {
    double growth = Math.max(1.0, height / BASE_HEIGHT);
    return new OverlayStyle(
        BASE_FONT_SCALE * growth,
        (int) Math.round(growth),
        (int) Math.round(2 * growth),
        (int) Math.round(3 * growth));
  }

  /** Measures {@code text} as it would be drawn by {@link #drawText}. */
  TextExtent measure(String text) {
    int[] baseline = new int[1];
    try (Size size = getTextSize(text, FONT, fontScale, textThickness, baseline)) {
      return new TextExtent(size.width(), size.height(), baseline[0]);
    }
  }

  /** Draws {@code text} with its baseline starting at ({@code x}, {@code baselineY}). */
  void drawText(Mat image, String text, int x, int baselineY, Scalar ink) {
    try (Point origin = new Point(x, baselineY)) {
      putText(image, text, origin, FONT, fontScale, ink, textThickness, LINE_AA, false);
    }
  }

  /** Black or white, whichever reads better on a {@code background} given in BGR. */
  static Scalar inkOn(Scalar background) {
    double luma = 0.114 * background.get(0) + 0.587 * background.get(1) + 0.299 * background.get(2);
    return luma > 140 ? new Scalar(0, 0, 0, 0) : new Scalar(255, 255, 255, 0);
  }

  /** Pixel extent of a text line: {@code ascent} above the baseline, {@code descent} below it. */
  record TextExtent(int width, int ascent, int descent) {
    int height() {
      return ascent + descent;
    }
  }
}
