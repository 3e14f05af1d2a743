package io.robovision.capture.source.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class GroundTruthExtractorTest {
  @Test
  void boxesAreExactExtentsOfOwnedPixelsAndHiddenObjectsAreSkipped() {
    try (Mat instances = new Mat(40, 60, CV_8UC1, new Scalar(0));
        Mat labels = new Mat(40, 60, CV_8UC1)) {
      fill(instances, new Rect(10, 5, 10, 10), 1);
      fill(instances, new Rect(30, 20, 20, 10), 2);
      fill(instances, new Rect(28, 18, 18, 13), 3);
      instances.ptr(39, 59).put((byte) 1);
      List<DrawnObject> objects = List.of(
          new DrawnObject(ObjectKind.PERSON, 101),
          new DrawnObject(ObjectKind.DOG, 190),
          new DrawnObject(ObjectKind.CAR, 234));

      List<GroundTruthBox> boxes = GroundTruthExtractor.extract(instances, labels, objects);

      // The car hides all but a 4x10 strip of the dog, just over a fifth of it, so the dog is still boxed; in the
      // labels that strip lies wholly within the void band along the dog's borders.
      assertThat(boxes).containsExactly(
          new GroundTruthBox(VocClasses.PERSON, CocoClasses.PERSON, "person", 10, 5, 59, 39),
          new GroundTruthBox(VocClasses.DOG, CocoClasses.DOG, "dog", 46, 20, 49, 29),
          new GroundTruthBox(VocClasses.CAR, CocoClasses.CAR, "car", 28, 18, 45, 30));
      byte[] classes = MatBytes.of(labels);
      assertThat(classes[9 * 60 + 14]).isEqualTo((byte) VocClasses.PERSON);
      assertThat(classes[5 * 60 + 10]).isEqualTo((byte) VocClasses.VOID);
      assertThat(classes[25 * 60 + 47]).isEqualTo((byte) VocClasses.VOID);
      assertThat(classes[25 * 60 + 36]).isEqualTo((byte) VocClasses.CAR);
      assertThat(classes[0]).isEqualTo((byte) VocClasses.BACKGROUND);
    }
  }

  @Test
  void bordersBetweenClassesAreAVoidBandTwiceTheReachWideAndNothingElseIs() {
    try (Mat instances = new Mat(20, 40, CV_8UC1, new Scalar(0));
        Mat labels = new Mat(20, 40, CV_8UC1)) {
      fill(instances, new Rect(20, 0, 20, 20), 1);

      GroundTruthExtractor.extract(instances, labels, List.of(new DrawnObject(ObjectKind.BUS, 400)));

      byte[] row = new byte[40];
      System.arraycopy(MatBytes.of(labels), 10 * 40, row, 0, 40);
      int reach = GroundTruthExtractor.VOID_REACH;
      for (int x = 0; x < 40; x++) {
        byte expected = x < 20 - reach ? (byte) VocClasses.BACKGROUND
            : x < 20 + reach ? (byte) VocClasses.VOID : (byte) VocClasses.BUS;
        assertThat(row[x]).as("column %d", x).isEqualTo(expected);
      }
    }
  }

  @Test
  void objectsMostlyHiddenGetNoBoxButKeepTheirLabels() {
    try (Mat instances = new Mat(20, 20, CV_8UC1, new Scalar(0));
        Mat labels = new Mat(20, 20, CV_8UC1)) {
      fill(instances, new Rect(0, 0, 6, 6), 1);

      List<GroundTruthBox> boxes = GroundTruthExtractor.extract(instances, labels,
          List.of(new DrawnObject(ObjectKind.CAT, 200)));

      assertThat(boxes).isEmpty();
      assertThat(MatBytes.of(labels)[0]).isEqualTo((byte) VocClasses.CAT);
    }
  }

  private static void fill(Mat mat, Rect area, int value) {
    try (Mat region = new Mat(mat, area)) {
      region.put(new Scalar(value));
    }
  }
}
