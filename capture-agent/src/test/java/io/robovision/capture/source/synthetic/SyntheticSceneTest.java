package io.robovision.capture.source.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.HashSet;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class SyntheticSceneTest {
  private static final int WIDTH = 160;
  private static final int HEIGHT = 120;
  private static final Set<Byte> OBJECT_CLASSES = Set.of((byte) VocClasses.BICYCLE, (byte) VocClasses.BUS,
      (byte) VocClasses.CAR, (byte) VocClasses.CAT, (byte) VocClasses.DOG, (byte) VocClasses.PERSON);

  @Test
  void sameSeedAndFrameRenderIdenticalFramesWhateverWasRenderedBefore() {
    SyntheticScene fresh = new SyntheticScene(11, WIDTH, HEIGHT);
    SyntheticScene used = new SyntheticScene(11, WIDTH, HEIGHT);
    used.render(500).close();
    used.render(3).close();

    try (SceneFrame expected = fresh.render(42); SceneFrame actual = used.render(42)) {
      assertThat(MatBytes.of(actual.image())).isEqualTo(MatBytes.of(expected.image()));
      assertThat(MatBytes.of(actual.labels())).isEqualTo(MatBytes.of(expected.labels()));
      assertThat(actual.boxes()).isEqualTo(expected.boxes());
    }
  }

  @Test
  void differentSeedsRenderDifferentScenes() {
    try (SceneFrame first = new SyntheticScene(1, WIDTH, HEIGHT).render(0);
        SceneFrame second = new SyntheticScene(2, WIDTH, HEIGHT).render(0)) {
      assertThat(MatBytes.of(first.image())).isNotEqualTo(MatBytes.of(second.image()));
      assertThat(MatBytes.of(first.labels())).isNotEqualTo(MatBytes.of(second.labels()));
    }
  }

  @Test
  void framesHaveTheRequestedSizeAndTypes() {
    try (SceneFrame frame = new SyntheticScene(5, 33, 47).render(9)) {
      assertThat(frame.image().cols()).isEqualTo(33);
      assertThat(frame.image().rows()).isEqualTo(47);
      assertThat(frame.image().type()).isEqualTo(CV_8UC3);
      assertThat(frame.labels().cols()).isEqualTo(33);
      assertThat(frame.labels().rows()).isEqualTo(47);
      assertThat(frame.labels().type()).isEqualTo(CV_8UC1);
    }
  }

  @Test
  void rejectsFramesSmallerThan32PixelsAndNegativeIndices() {
    assertThatThrownBy(() -> new SyntheticScene(1, 31, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31x100");
    assertThatThrownBy(() -> new SyntheticScene(1, 100, 8))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32x32");
    assertThatThrownBy(() -> new SyntheticScene(1, 64, 64).render(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void labelsHoldOnlyObjectClassesAndSeveralClassesAppear() {
    Set<Byte> seen = new HashSet<>();
    for (long seed = 0; seed < 4; seed++) {
      SyntheticScene scene = new SyntheticScene(seed, WIDTH, HEIGHT);
      for (long frame : new long[] {0, 25, 50}) {
        try (SceneFrame rendered = scene.render(frame)) {
          for (byte label : MatBytes.of(rendered.labels())) {
            if (label != VocClasses.BACKGROUND && label != (byte) VocClasses.VOID) {
              assertThat(OBJECT_CLASSES).contains(label);
              seen.add(label);
            }
          }
        }
      }
    }
    assertThat(seen).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void everyBoxIsTightAroundPixelsOfItsClass() {
    int boxes = 0;
    for (long seed = 0; seed < 12; seed++) {
      try (SceneFrame frame = new SyntheticScene(seed, WIDTH, HEIGHT).render(seed * 37)) {
        byte[] labels = MatBytes.of(frame.labels());
        for (GroundTruthBox box : frame.boxes()) {
          boxes++;
          assertThat(box.name()).isEqualTo(VocClasses.NAMES.get(box.vocClass()));
          assertThat(CocoClasses.NAMES.get(box.cocoClass())).isEqualTo(box.name());
          assertThat(box.xmin()).isBetween(0, box.xmax());
          assertThat(box.ymin()).isBetween(0, box.ymax());
          assertThat(box.xmax()).isLessThan(WIDTH);
          assertThat(box.ymax()).isLessThan(HEIGHT);
          byte label = (byte) box.vocClass();
          assertThat(countInRect(labels, label, box.xmin(), box.ymin(), box.xmax(), box.ymax()))
              .as("inside %s", box).isPositive();
          // Each edge touches the object's own pixels, which there are mostly its void outline.
          assertThat(countInRect(labels, label, box.xmin(), box.ymin(), box.xmin(), box.ymax())
              + countInRect(labels, (byte) VocClasses.VOID, box.xmin(), box.ymin(), box.xmin(), box.ymax()))
              .as("left edge of %s", box).isPositive();
          assertThat(countInRect(labels, label, box.xmax(), box.ymin(), box.xmax(), box.ymax())
              + countInRect(labels, (byte) VocClasses.VOID, box.xmax(), box.ymin(), box.xmax(), box.ymax()))
              .as("right edge of %s", box).isPositive();
          assertThat(countInRect(labels, label, box.xmin(), box.ymin(), box.xmax(), box.ymin())
              + countInRect(labels, (byte) VocClasses.VOID, box.xmin(), box.ymin(), box.xmax(), box.ymin()))
              .as("top edge of %s", box).isPositive();
          assertThat(countInRect(labels, label, box.xmin(), box.ymax(), box.xmax(), box.ymax())
              + countInRect(labels, (byte) VocClasses.VOID, box.xmin(), box.ymax(), box.xmax(), box.ymax()))
              .as("bottom edge of %s", box).isPositive();
        }
      }
    }
    assertThat(boxes).isGreaterThan(12);
  }

  @Test
  void consecutiveFramesMoveALittle() {
    long changedPixels = 0;
    for (long seed = 1; seed <= 5; seed++) {
      SyntheticScene scene = new SyntheticScene(seed, WIDTH, HEIGHT);
      try (SceneFrame now = scene.render(10); SceneFrame next = scene.render(11);
          SceneFrame later = scene.render(60)) {
        byte[] nowLabels = MatBytes.of(now.labels());
        int changedNext = differing(nowLabels, MatBytes.of(next.labels()));
        assertThat(changedNext).as("seed %d", seed).isLessThan(nowLabels.length / 15);
        assertThat(changedNext).as("seed %d", seed)
            .isLessThan(differing(nowLabels, MatBytes.of(later.labels())));
        assertThat(meanAbsoluteDifference(now.image(), next.image())).as("seed %d", seed)
            .isGreaterThan(0).isLessThan(15);
        changedPixels += changedNext;
      }
    }
    assertThat(changedPixels).isPositive();
  }

  @Test
  void sceneStaysPopulatedForThousandsOfFrames() {
    for (long seed = 1; seed <= 3; seed++) {
      SyntheticScene scene = new SyntheticScene(seed, WIDTH, HEIGHT);
      int frames = 0;
      int boxes = 0;
      for (long frame = 0; frame <= 20_000; frame += 997) {
        try (SceneFrame rendered = scene.render(frame)) {
          byte[] labels = MatBytes.of(rendered.labels());
          int objectPixels = labels.length - countInRect(labels, (byte) 0, 0, 0, WIDTH - 1, HEIGHT - 1);
          assertThat(objectPixels).as("seed %d frame %d", seed, frame).isPositive();
          frames++;
          boxes += rendered.boxes().size();
        }
      }
      assertThat(boxes).as("seed %d", seed).isGreaterThanOrEqualTo(frames);
    }
  }

  private static int countInRect(byte[] labels, byte label, int x0, int y0, int x1, int y1) {
    int count = 0;
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        count += labels[y * WIDTH + x] == label ? 1 : 0;
      }
    }
    return count;
  }

  private static int differing(byte[] first, byte[] second) {
    int count = 0;
    for (int i = 0; i < first.length; i++) {
      count += first[i] != second[i] ? 1 : 0;
    }
    return count;
  }

  private static double meanAbsoluteDifference(Mat first, Mat second) {
    byte[] a = MatBytes.of(first);
    byte[] b = MatBytes.of(second);
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
    }
    return (double) sum / a.length;
  }
}
