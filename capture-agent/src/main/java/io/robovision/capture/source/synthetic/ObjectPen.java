package io.robovision.capture.source.synthetic;

import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;

import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws one object's primitives, given in local coordinates, antialiased into the image and with identical geometry
 * hard-edged (LINE_8) into the mask, so the mask is exact ground truth for what the image shows. Allocates native
 * temporaries, so use it inside a PointerScope.
 */
final class ObjectPen {
  /** Sub-pixel bits handed to OpenCV so slow motion and small objects move smoothly instead of snapping. */
  private static final int SHIFT = 4;
  private static final double SUBPIXELS = 1 << SHIFT;
  private static final int FILLED = -1;

  private final Mat image;
  private final Mat mask;
  private final Scalar maskValue;
  private final Placement placement;

  private ObjectPen(Mat image, Mat mask, int maskValue, Placement placement) {
    this.image = image;
    this.mask = mask;
    this.maskValue = new Scalar(maskValue);
    this.placement = placement;
  }

  static ObjectPen drawing(Mat image, Mat mask, int maskValue, Placement placement) {
    return new ObjectPen(image, mask, maskValue, placement);
  }

  /** A pen that only marks the object's footprint (value 255) into a mask, used to measure its unoccluded area. */
  static ObjectPen footprint(Mat mask, Placement placement) {
    return new ObjectPen(null, mask, 255, placement);
  }

  void polygon(Bgr colour, double... localXy) {
    int corners = localXy.length / 2;
    int[] fixed = new int[corners * 2];
    for (int i = 0; i < corners; i++) {
      fixed[2 * i] = fixedX(localXy[2 * i], localXy[2 * i + 1]);
      fixed[2 * i + 1] = fixedY(localXy[2 * i], localXy[2 * i + 1]);
    }
    int[] counts = {corners};
    Point origin = new Point(0, 0);
    try (IntPointer coordinates = new IntPointer(fixed)) {
      Point points = new Point(coordinates);
      if (image != null) {
        fillPoly(image, points, counts, 1, colour.scalar(), LINE_AA, SHIFT, origin);
      }
      fillPoly(mask, points, counts, 1, maskValue, LINE_8, SHIFT, origin);
    }
  }

  void ellipse(Bgr colour, double localX, double localY, double radiusX, double radiusY, double angleDegrees) {
    Point center = center(localX, localY);
    Size axes = new Size(fixedLength(radiusX), fixedLength(radiusY));
    double angle = placement.angle(angleDegrees);
    if (image != null) {
      opencv_imgproc.ellipse(image, center, axes, angle, 0, 360, colour.scalar(), FILLED, LINE_AA, SHIFT);
    }
    opencv_imgproc.ellipse(mask, center, axes, angle, 0, 360, maskValue, FILLED, LINE_8, SHIFT);
  }

  void circle(Bgr colour, double localX, double localY, double radius) {
    stroke(center(localX, localY), fixedLength(radius), colour, FILLED);
  }

  /**
   * Marks a disc as the object's in the mask only, leaving the image alone: the way COCO's polygons, which torchvision's
   * VOC-label weights learned from, count a bicycle wheel whole, spokes and gaps included.
   */
  void silhouetteDisc(double localX, double localY, double radius) {
    opencv_imgproc.circle(mask, center(localX, localY), fixedLength(radius), maskValue, FILLED, LINE_8, SHIFT);
  }

  /** A circle outline of the given band width centred on the radius, leaving its inside untouched. */
  void ring(Bgr colour, double localX, double localY, double radius, double bandWidth) {
    stroke(center(localX, localY), fixedLength(radius), colour, thickness(bandWidth));
  }

  /** A straight stroke with rounded ends, as wide as {@code width} local units but at least one pixel. */
  void line(Bgr colour, double width, double x1, double y1, double x2, double y2) {
    Point from = center(x1, y1);
    Point to = center(x2, y2);
    int thickness = thickness(width);
    if (image != null) {
      opencv_imgproc.line(image, from, to, colour.scalar(), thickness, LINE_AA, SHIFT);
    }
    opencv_imgproc.line(mask, from, to, maskValue, thickness, LINE_8, SHIFT);
  }

  /** Connected strokes through the given points; the rounded ends make the joints look like bent limbs. */
  void polyline(Bgr colour, double width, double... localXy) {
    for (int i = 2; i + 1 < localXy.length; i += 2) {
      line(colour, width, localXy[i - 2], localXy[i - 1], localXy[i], localXy[i + 1]);
    }
  }

  private void stroke(Point center, int radius, Bgr colour, int thickness) {
    if (image != null) {
      opencv_imgproc.circle(image, center, radius, colour.scalar(), thickness, LINE_AA, SHIFT);
    }
    opencv_imgproc.circle(mask, center, radius, maskValue, thickness, LINE_8, SHIFT);
  }

  private Point center(double localX, double localY) {
    return new Point(fixedX(localX, localY), fixedY(localX, localY));
  }

  private int fixedX(double localX, double localY) {
    return (int) Math.round(placement.x(localX, localY) * SUBPIXELS);
  }

  private int fixedY(double localX, double localY) {
    return (int) Math.round(placement.y(localX, localY) * SUBPIXELS);
  }

  private int fixedLength(double localLength) {
    return (int) Math.max(1, Math.round(placement.length(localLength) * SUBPIXELS));
  }

  private int thickness(double localWidth) {
    return (int) Math.max(1, Math.round(placement.length(localWidth)));
  }
}
