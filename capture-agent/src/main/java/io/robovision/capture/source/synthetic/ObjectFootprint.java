package io.robovision.capture.source.synthetic;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Measures how many pixels an object covers when nothing occludes or crops it, by drawing it alone onto a canvas large
 * enough for any rotation; this is the reference against which its visible share is judged.
 */
final class ObjectFootprint {
  /** Room for limbs such as a waving arm that reach past the nominal half-height. */
  private static final double REACH_MARGIN = 0.2;
  private static final int PIXEL_MARGIN = 3;

  private ObjectFootprint() {
  }

  static int area(ObjectKind kind, Appearance look, double phase, Placement placement) {
    int radius = (int) Math.ceil(placement.scale() * (Math.hypot(kind.halfWidth(), 0.5) + REACH_MARGIN))
        + PIXEL_MARGIN;
    int side = 2 * radius + 2;
    // Keeping the sub-pixel offset makes the rasterisation identical to the one in the frame.
    double offsetX = placement.centerX() - Math.floor(placement.centerX());
    double offsetY = placement.centerY() - Math.floor(placement.centerY());
    try (Mat canvas = new Mat(side, side, CV_8UC1, new Scalar(0))) {
      Placement centred = placement.movedTo(radius + offsetX, radius + offsetY);
      kind.shape().draw(ObjectPen.footprint(canvas, centred), look, phase);
      return countNonZero(canvas);
    }
  }
}
