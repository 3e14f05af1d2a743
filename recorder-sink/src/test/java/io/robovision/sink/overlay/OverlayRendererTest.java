package io.robovision.sink.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.robovision.schemas.Detection;
import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverlayRendererTest {
  private static final List<String> VOC = List.of(
      "background", "aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat", "chair", "cow",
      "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa", "train", "tvmonitor");
  private static final int PERSON = 15;
  private static final double ALPHA = 0.45;

  private final OverlayRenderer renderer = new OverlayRenderer(VOC, ALPHA);

  @AfterEach
  void closeRenderer() {
    renderer.close();
  }

  @Test
  void leavesBackgroundIdenticalAndBlendsClassPixels() {
    try (Mat frame = textured(640, 480);
        Mat mask = maskWith(640, 480, new int[] {200, 150, 120, 100}, PERSON);
        Mat out = renderer.render(frame, mask, List.of());
        UByteIndexer in = frame.createIndexer();
        UByteIndexer classes = mask.createIndexer();
        UByteIndexer result = out.createIndexer()) {
      int[] personBgr = {128, 128, 192};
      int blended = 0;
      // The legend lives in the top rows; everything below it is checked pixel by pixel.
      for (int y = 80; y < 480; y++) {
        for (int x = 0; x < 640; x++) {
          for (int c = 0; c < 3; c++) {
            int original = in.get(y, x, c);
            if (classes.get(y, x) == 0) {
              assertThat(result.get(y, x, c)).as("background pixel (%d,%d) channel %d", x, y, c)
                  .isEqualTo(original);
            } else {
              double expected = (1 - ALPHA) * original + ALPHA * personBgr[c];
              assertThat((double) result.get(y, x, c)).as("person pixel (%d,%d) channel %d", x, y, c)
                  .isCloseTo(expected, offset(1.0));
              blended++;
            }
          }
        }
      }
      assertThat(blended).isEqualTo(120 * 100 * 3);
    }
  }

  @Test
  void drawsLegendOnlyWhenAClassIsPresent() {
    try (Mat frame = uniform(320, 240, 128);
        Mat background = new Mat(240, 320, CV_8UC1, new Scalar(0));
        Mat withPerson = maskWith(320, 240, new int[] {200, 150, 60, 50}, PERSON);
        Mat plain = renderer.render(frame, background, List.of());
        Mat annotated = renderer.render(frame, withPerson, List.of())) {
      assertThat(changedPixels(frame, plain, new Rect(0, 0, 320, 240))).isZero();
      Rect corner = new Rect(0, 0, 60, 20);
      assertThat(changedPixels(frame, annotated, corner)).isGreaterThan(300);
      assertThat(countPixels(annotated, corner, 200, 255)).as("white legend text").isGreaterThan(20);
      assertThat(countPixels(annotated, corner, 0, 80)).as("dark legend backdrop").isGreaterThan(100);
    }
  }

  @Test
  void legendGrowsWithOneRowPerClass() {
    try (Mat frame = uniform(320, 240, 128);
        Mat oneClass = maskWith(320, 240, new int[] {200, 150, 60, 50}, PERSON);
        Mat twoClasses = maskWith(320, 240, new int[] {200, 150, 60, 50}, PERSON)) {
      paint(twoClasses, new int[] {200, 50, 60, 50}, 12);
      try (Mat one = renderer.render(frame, oneClass, List.of());
          Mat two = renderer.render(frame, twoClasses, List.of())) {
        Rect secondRow = new Rect(0, 22, 60, 16);
        assertThat(changedPixels(frame, one, secondRow)).isZero();
        assertThat(changedPixels(frame, two, secondRow)).isGreaterThan(200);
      }
    }
  }

  @Test
  void namesClassesBeyondTheListInsteadOfFailing() {
    try (Mat frame = uniform(320, 240, 128);
        Mat mask = maskWith(320, 240, new int[] {100, 100, 40, 40}, 200);
        Mat out = renderer.render(frame, mask, List.of(detection(10, 50, 60, 90, 999, "")))) {
      assertThat(changedPixels(frame, out, new Rect(0, 0, 60, 20))).isGreaterThan(300);
      assertThat(changedPixels(frame, out, new Rect(10, 50, 50, 40))).isGreaterThan(0);
    }
  }

  @Test
  void drawsBoxOutlineAndTagAboveIt() {
    try (Mat frame = uniform(640, 480, 128);
        Mat mask = new Mat(480, 640, CV_8UC1, new Scalar(0));
        Mat out = renderer.render(frame, mask, List.of(detection(100, 150, 300, 350, 0, "person")))) {
      assertThat(changed(frame, out, 200, 150)).as("top edge").isTrue();
      assertThat(changed(frame, out, 200, 349)).as("bottom edge").isTrue();
      assertThat(changed(frame, out, 100, 250)).as("left edge").isTrue();
      assertThat(changed(frame, out, 299, 250)).as("right edge").isTrue();
      assertThat(changed(frame, out, 200, 250)).as("box interior").isFalse();
      assertThat(changedPixels(frame, out, new Rect(100, 130, 40, 18))).as("tag above the box").isGreaterThan(300);
      assertThat(changedPixels(frame, out, new Rect(0, 0, 640, 120))).as("nothing far above").isZero();
    }
  }

  @Test
  void keepsTagInsideFrameAndClipsBoxesCrossingTheBorder() {
    try (Mat frame = uniform(320, 240, 128);
        Mat mask = new Mat(240, 320, CV_8UC1, new Scalar(0));
        Mat out = renderer.render(frame, mask, List.of(
            detection(-40, 0, 360, 120, 2, "car"),
            detection(400, 300, 500, 400, 3, "outside"),
            detection(Float.NaN, 10, 50, 50, 4, "broken")))) {
      assertThat(changed(frame, out, 0, 60)).as("box clipped to left column").isTrue();
      assertThat(changed(frame, out, 319, 60)).as("box clipped to right column").isTrue();
      assertThat(changedPixels(frame, out, new Rect(2, 2, 30, 12))).as("tag tucked inside the box").isGreaterThan(100);
      assertThat(changedPixels(frame, out, new Rect(0, 121, 320, 119))).as("below the box").isZero();
    }
  }

  @Test
  void rendersFramesSmallerThanTheLegendAndTags() {
    try (Mat frame = textured(9, 7);
        Mat mask = maskWith(9, 7, new int[] {2, 2, 3, 3}, PERSON);
        Mat out = renderer.render(frame, mask, List.of(detection(1, 1, 8, 6, 5, "bottle")))) {
      assertThat(out.cols()).isEqualTo(9);
      assertThat(out.rows()).isEqualTo(7);
      assertThat(changedPixels(frame, out, new Rect(0, 0, 9, 7))).isGreaterThan(0);
    }
  }

  @Test
  void doesNotModifyItsInputs() {
    try (Mat frame = textured(320, 240);
        Mat mask = maskWith(320, 240, new int[] {10, 10, 100, 100}, PERSON);
        Mat frameBefore = frame.clone();
        Mat maskBefore = mask.clone();
        Mat out = renderer.render(frame, mask, List.of(detection(20, 20, 80, 80, 1, "bike")))) {
      assertThat(out.address()).isNotEqualTo(frame.address());
      assertThat(out.data().address()).isNotEqualTo(frame.data().address());
      assertThat(out.type()).isEqualTo(CV_8UC3);
      assertThat(out.cols()).isEqualTo(320);
      assertThat(out.rows()).isEqualTo(240);
      assertThat(changedPixels(frameBefore, frame, new Rect(0, 0, 320, 240))).isZero();
      assertThat(changedPixels(maskBefore, mask, new Rect(0, 0, 320, 240))).isZero();
    }
  }

  @Test
  void rejectsMaskOfAnotherSizeNamingBothSizes() {
    try (Mat frame = uniform(640, 480, 0); Mat mask = new Mat(240, 320, CV_8UC1, new Scalar(0))) {
      assertThatThrownBy(() -> renderer.render(frame, mask, List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("320x240")
          .hasMessageContaining("640x480");
    }
  }

  @Test
  void rejectsWrongPixelTypes() {
    try (Mat grey = new Mat(240, 320, CV_8UC1, new Scalar(0)); Mat colour = uniform(320, 240, 0)) {
      assertThatThrownBy(() -> renderer.render(grey, grey, List.of())).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> renderer.render(colour, colour, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.1, 1.01, Double.NaN})
  void rejectsAlphaOutsideUnitInterval(double alpha) {
    assertThatThrownBy(() -> new OverlayRenderer(VOC, alpha))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alpha");
  }

  @Test
  void fullAlphaPaintsThePaletteColour() {
    try (OverlayRenderer opaque = new OverlayRenderer(VOC, 1.0);
        Mat frame = textured(320, 240);
        Mat mask = maskWith(320, 240, new int[] {200, 150, 20, 20}, PERSON);
        Mat out = opaque.render(frame, mask, List.of());
        UByteIndexer result = out.createIndexer()) {
      assertThat(new int[] {result.get(160, 210, 0), result.get(160, 210, 1), result.get(160, 210, 2)})
          .containsExactly(128, 128, 192);
    }
  }

  private static Detection detection(float xmin, float ymin, float xmax, float ymax, int classIndex, String name) {
    return Detection.newBuilder()
        .setXmin(xmin).setYmin(ymin).setXmax(xmax).setYmax(ymax)
        .setConfidence(0.87f).setClass$(classIndex).setName(name)
        .build();
  }

  private static Mat uniform(int width, int height, int level) {
    return new Mat(height, width, CV_8UC3, new Scalar(level, level, level, 0));
  }

  /** A frame whose every pixel and channel differs from its neighbours, so blending errors cannot hide. */
  private static Mat textured(int width, int height) {
    Mat frame = new Mat(height, width, CV_8UC3);
    try (UByteIndexer pixels = frame.createIndexer()) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          for (int c = 0; c < 3; c++) {
            pixels.put(y, x, c, (x * 7 + y * 3 + c * 85) & 0xFF);
          }
        }
      }
    }
    return frame;
  }

  /** A background mask with {@code classIndex} in the rectangle {x, y, width, height}. */
  private static Mat maskWith(int width, int height, int[] rect, int classIndex) {
    Mat mask = new Mat(height, width, CV_8UC1, new Scalar(0));
    paint(mask, rect, classIndex);
    return mask;
  }

  private static void paint(Mat mask, int[] rect, int classIndex) {
    try (Rect area = new Rect(rect[0], rect[1], rect[2], rect[3]);
        Mat region = mask.apply(area);
        Scalar value = new Scalar(classIndex)) {
      region.put(value);
    }
  }

  private static boolean changed(Mat before, Mat after, int x, int y) {
    try (Rect pixel = new Rect(x, y, 1, 1)) {
      return changedPixels(before, after, pixel) > 0;
    }
  }

  private static int changedPixels(Mat before, Mat after, Rect area) {
    int changed = 0;
    try (UByteIndexer a = before.createIndexer(); UByteIndexer b = after.createIndexer()) {
      for (int y = area.y(); y < area.y() + area.height(); y++) {
        for (int x = area.x(); x < area.x() + area.width(); x++) {
          for (int c = 0; c < before.channels(); c++) {
            if (a.get(y, x, c) != b.get(y, x, c)) {
              changed++;
              break;
            }
          }
        }
      }
    }
    return changed;
  }

  /** Pixels in {@code area} whose three channels all lie in [low, high]. */
  private static int countPixels(Mat image, Rect area, int low, int high) {
    int count = 0;
    try (UByteIndexer pixels = image.createIndexer()) {
      for (int y = area.y(); y < area.y() + area.height(); y++) {
        for (int x = area.x(); x < area.x() + area.width(); x++) {
          boolean inRange = true;
          for (int c = 0; c < 3; c++) {
            int value = pixels.get(y, x, c);
            inRange &= value >= low && value <= high;
          }
          if (inRange) {
            count++;
          }
        }
      }
    }
    return count;
  }
}
