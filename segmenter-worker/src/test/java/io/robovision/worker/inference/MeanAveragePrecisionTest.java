package io.robovision.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeanAveragePrecisionTest {
  @Test
  void perfectDetectionsScoreOne() {
    MeanAveragePrecision map = new MeanAveragePrecision(0.5);
    map.add(List.of(box(0, 0, 10, 10, 0.9f, 0), box(20, 20, 40, 40, 0.8f, 2)),
        List.of(truth(0, 0, 10, 10, 0), truth(21, 21, 41, 41, 2)));
    assertThat(map.perClass()).containsEntry(0, 1.0).containsEntry(2, 1.0);
    assertThat(map.mean()).isEqualTo(1.0);
  }

  @Test
  void aMissedTruthHalvesTheRecallAndAFalsePositiveAboveTheHitLowersPrecision() {
    MeanAveragePrecision map = new MeanAveragePrecision(0.5);
    map.add(List.of(box(50, 50, 60, 60, 0.9f, 0), box(0, 0, 10, 10, 0.8f, 0)),
        List.of(truth(0, 0, 10, 10, 0), truth(100, 100, 110, 110, 0)));
    // One hit at rank 2: recall 0.5 at precision 0.5.
    assertThat(map.mean()).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void aDuplicateOfAMatchedTruthCountsAsFalsePositive() {
    MeanAveragePrecision map = new MeanAveragePrecision(0.5);
    map.add(List.of(box(0, 0, 10, 10, 0.9f, 1), box(1, 0, 11, 10, 0.8f, 1)), List.of(truth(0, 0, 10, 10, 1)));
    map.add(List.of(box(0, 0, 10, 10, 0.7f, 1)), List.of(truth(0, 0, 10, 10, 1)));
    // Ranked hit, miss, hit: precision 1 at recall 0.5, 2/3 at recall 1.
    assertThat(map.perClass().get(1)).isCloseTo(0.5 + 0.5 * 2 / 3.0, within(1e-12));
  }

  @Test
  void aWrongClassOrTooLittleOverlapIsNoHitAndClassesWithoutTruthDoNotCount() {
    MeanAveragePrecision map = new MeanAveragePrecision(0.5);
    map.add(List.of(box(0, 0, 10, 10, 0.9f, 3), box(0, 0, 10, 4, 0.9f, 0)), List.of(truth(0, 0, 10, 10, 0)));
    assertThat(map.perClass()).containsOnlyKeys(0).containsEntry(0, 0.0);
  }

  @Test
  void isUndefinedWithoutTruths() {
    assertThat(new MeanAveragePrecision(0.5).mean()).isNaN();
  }

  private static BoxDetection box(float xmin, float ymin, float xmax, float ymax, float confidence, int classIndex) {
    return new BoxDetection(xmin, ymin, xmax, ymax, confidence, classIndex, "class" + classIndex);
  }

  private static BoxDetection truth(float xmin, float ymin, float xmax, float ymax, int classIndex) {
    return box(xmin, ymin, xmax, ymax, 1, classIndex);
  }
}
