package io.robovision.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {
  @Test
  void keepsTheBestOfOverlappingBoxesOfOneClassAndEveryClassOnItsOwn() {
    BoxDetection weaker = box(0, 0, 10, 10, 0.6f, 1);
    BoxDetection stronger = box(1, 0, 11, 10, 0.9f, 1);
    BoxDetection otherClass = box(0, 0, 10, 10, 0.5f, 2);
    assertThat(new NonMaxSuppression(0.5f, 100).apply(List.of(weaker, otherClass, stronger)))
        .containsExactly(stronger, otherClass);
  }

  @Test
  void aSuppressedBoxSuppressesNothing() {
    BoxDetection first = box(0, 0, 10, 10, 0.9f, 0);
    BoxDetection middle = box(4, 0, 14, 10, 0.8f, 0);
    BoxDetection last = box(8, 0, 18, 10, 0.7f, 0);
    assertThat(new NonMaxSuppression(0.4f, 100).apply(List.of(last, middle, first))).containsExactly(first, last);
  }

  @Test
  void anOverlapExactlyAtTheThresholdSuppresses() {
    BoxDetection kept = box(0, 0, 10, 10, 0.9f, 0);
    BoxDetection halfInside = box(0, 0, 10, 5, 0.8f, 0);
    assertThat(new NonMaxSuppression(0.5f, 100).apply(List.of(kept, halfInside))).containsExactly(kept);
    assertThat(new NonMaxSuppression(0.51f, 100).apply(List.of(kept, halfInside))).containsExactly(kept, halfInside);
  }

  @Test
  void stopsAtTheDetectionCap() {
    List<BoxDetection> apart = List.of(box(0, 0, 1, 1, 0.1f, 0), box(5, 5, 6, 6, 0.3f, 0), box(9, 9, 10, 10, 0.2f, 0));
    assertThat(new NonMaxSuppression(0.5f, 2).apply(apart)).extracting(BoxDetection::confidence)
        .containsExactly(0.3f, 0.2f);
  }

  private static BoxDetection box(float xmin, float ymin, float xmax, float ymax, float confidence, int classIndex) {
    return new BoxDetection(xmin, ymin, xmax, ymax, confidence, classIndex, "class" + classIndex);
  }
}
