package io.robovision.capture.source.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Turns the instance mask (pixel = 1-based index of the object that owns it) into the class label mask and the exact
 * boxes of the objects that are visible enough to be worth detecting.
 */
final class GroundTruthExtractor {
  /** Below this share of its unoccluded, uncropped area an object is too hidden to label with a box. */
  static final double MIN_VISIBLE_FRACTION = 0.2;

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

  private static int[] filled(int length, int value) {
    int[] array = new int[length];
    Arrays.fill(array, value);
    return array;
  }
}
