package io.robovision.capture.source.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Turns the instance mask (pixel = 1-based index of the object that owns it) into the class label mask and the exact
 * boxes of the objects that are visible enough to be worth detecting. As in Pascal VOC, a thin band along every border
 * between two classes is labelled void, because which side an antialiased, JPEG-blurred border pixel belongs to is
 * not something a model can or should be scored on.
 */
final class GroundTruthExtractor {
  /** Below this share of its unoccluded, uncropped area an object is too hidden to label with a box. */
  static final double MIN_VISIBLE_FRACTION = 0.2;
  /**
   * How far the void band reaches to each side of a border, in pixels, so it is twice this wide: close to VOC's
   * 5-pixel band on its 500-pixel images, scaled to our 320-pixel frames.
   */
  static final int VOID_REACH = 2;

  private GroundTruthExtractor() {
  }

  /** Writes the class of every owned pixel into {@code labels} and returns the boxes; both Mats are continuous. */
  static List<GroundTruthBox> extract(Mat instances, Mat labels, List<DrawnObject> objects) {
    int width = instances.cols();
    int height = instances.rows();
    int count = objects.size();
    byte[] owners = new byte[width * height];
    instances.data().get(owners);
    byte[] classOfOwner = new byte[count + 1];
    for (int i = 0; i < count; i++) {
      classOfOwner[i + 1] = (byte) objects.get(i).kind().vocClass();
    }
    int[] minX = filled(count + 1, Integer.MAX_VALUE);
    int[] minY = filled(count + 1, Integer.MAX_VALUE);
    int[] maxX = filled(count + 1, -1);
    int[] maxY = filled(count + 1, -1);
    int[] visible = new int[count + 1];
    byte[] classes = new byte[width * height];
    for (int y = 0, i = 0; y < height; y++) {
      for (int x = 0; x < width; x++, i++) {
        int owner = owners[i] & 0xFF;
        if (owner == 0) {
          continue;
        }
        classes[i] = classOfOwner[owner];
        visible[owner]++;
        minX[owner] = Math.min(minX[owner], x);
        maxX[owner] = Math.max(maxX[owner], x);
        minY[owner] = Math.min(minY[owner], y);
        maxY[owner] = Math.max(maxY[owner], y);
      }
    }
    labels.data().put(classes);
    markBorders(labels);
    List<GroundTruthBox> boxes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int owner = i + 1;
      DrawnObject object = objects.get(i);
      if (visible[owner] > 0 && visible[owner] >= MIN_VISIBLE_FRACTION * object.fullArea()) {
        ObjectKind kind = object.kind();
        boxes.add(new GroundTruthBox(kind.vocClass(), kind.cocoClass(), kind.label(),
            minX[owner], minY[owner], maxX[owner], maxY[owner]));
      }
    }
    return boxes;
  }

  /** Sets every pixel whose neighbourhood holds more than one class to void. */
  private static void markBorders(Mat labels) {
    int side = 2 * VOID_REACH + 1;
    try (Size size = new Size(side, side);
        Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_RECT, size);
        Mat highest = new Mat();
        Mat lowest = new Mat();
        Mat border = new Mat()) {
      opencv_imgproc.dilate(labels, highest, kernel);
      opencv_imgproc.erode(labels, lowest, kernel);
      // compare() gives 255, which is VOID, on the border and 0 elsewhere, so max() stamps void in place.
      opencv_core.compare(highest, lowest, border, opencv_core.CMP_NE);
      opencv_core.max(labels, border, labels);
    }
  }

  private static int[] filled(int length, int value) {
    int[] array = new int[length];
    Arrays.fill(array, value);
    return array;
  }
}
