package io.robovision.capture.source.synthetic;

import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.fillConvexPoly;

import java.util.SplittableRandom;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Scatters background distractors over the image: tilted rectangles and blobs in muted colours, shapes no object class
 * is made of alone, so a model must learn the classes' structure rather than "anything that is not flat".
 */
final class Clutter {
  private static final int MAX_ITEMS = 10;
  private static final double MIN_SIZE = 0.04;
  private static final double SIZE_RANGE = 0.3;
  private static final double RECTANGLE_SHARE = 0.6;

  private Clutter() {
  }

  /** Call inside a PointerScope. */
  static void paint(Mat image, SplittableRandom random) {
    int items = random.nextInt(MAX_ITEMS + 1);
    int shorterSide = Math.min(image.cols(), image.rows());
    for (int i = 0; i < items; i++) {
      Bgr colour = Palette.muted(random);
      double centerX = random.nextDouble(image.cols());
      double centerY = random.nextDouble(image.rows());
      double halfWidth = shorterSide * (MIN_SIZE + SIZE_RANGE * random.nextDouble()) / 2;
      double halfHeight = halfWidth * (0.3 + 1.7 * random.nextDouble());
      double angle = random.nextDouble(180);
      if (random.nextDouble() < RECTANGLE_SHARE) {
        rectangle(image, colour, centerX, centerY, halfWidth, halfHeight, Math.toRadians(angle));
      } else {
        ellipse(image, new Point((int) centerX, (int) centerY),
            new Size((int) Math.ceil(halfWidth), (int) Math.ceil(halfHeight)), angle, 0, 360,
            colour.scalar(), -1, LINE_AA, 0);
      }
    }
  }

  private static void rectangle(Mat image, Bgr colour, double centerX, double centerY, double halfWidth,
      double halfHeight, double angle) {
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    int[] corners = new int[8];
    int[][] signs = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
    for (int i = 0; i < 4; i++) {
      double x = signs[i][0] * halfWidth;
      double y = signs[i][1] * halfHeight;
      corners[2 * i] = (int) Math.round(centerX + x * cos - y * sin);
      corners[2 * i + 1] = (int) Math.round(centerY + x * sin + y * cos);
    }
    try (IntPointer coordinates = new IntPointer(corners)) {
      fillConvexPoly(image, new Point(coordinates), 4, colour.scalar(), LINE_AA, 0);
    }
  }
}
