package io.robovision.worker.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.robovision.schemas.Instance;
import io.robovision.worker.inference.SegmentationMask;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceFinderTest {
  private static final List<String> CLASSES = List.of("__background__", "car", "person");

  /** A 10x6 mask: two cars (one touching only diagonally, so 8-connected), a person, and a one-pixel person speck. */
  private static SegmentationMask mask() {
    String[] rows = {
        "1100000000",
        "1100000220",
        "0010000220",
        "0000000220",
        "0111000000",
        "0000000002"};
    byte[] classes = new byte[60];
    for (int y = 0; y < rows.length; y++) {
      for (int x = 0; x < 10; x++) {
        classes[y * 10 + x] = (byte) (rows[y].charAt(x) - '0');
      }
    }
    return new SegmentationMask(classes, 10, 6);
  }

  private static List<Instance> find(double minArea, SegmentationMask mask) {
    return new InstanceFinder(CLASSES, minArea).find(mask, ClassExtents.of(mask, CLASSES.size()));
  }

  private static Instance instance(int classIndex, String name, int area, int xmin, int ymin, int xmax, int ymax) {
    return Instance.newBuilder().setClass$(classIndex).setName(name).setArea(area)
        .setXmin(xmin).setYmin(ymin).setXmax(xmax).setYmax(ymax).build();
  }

  @Test
  void findsEveryBlobOfEveryObjectClassWithInclusiveBoxes() {
    assertThat(find(0, mask())).containsExactly(
        instance(1, "car", 5, 0, 0, 2, 2),
        instance(1, "car", 3, 1, 4, 3, 4),
        instance(2, "person", 6, 7, 1, 8, 3),
        instance(2, "person", 1, 9, 5, 9, 5));
  }

  @Test
  void leavesOutSpecksBelowAPixelCount() {
    assertThat(find(4, mask())).extracting(Instance::getArea).containsExactly(5, 6);
  }

  @Test
  void readsAnAreaBelowOneAsAShareOfTheFrame() {
    // 5 % of 60 pixels is 3 pixels.
    assertThat(find(0.05, mask())).extracting(Instance::getArea).containsExactly(5, 3, 6);
  }

  @Test
  void anEmptySceneHasNoInstances() {
    assertThat(find(0, new SegmentationMask(new byte[12], 4, 3))).isEmpty();
  }
}
