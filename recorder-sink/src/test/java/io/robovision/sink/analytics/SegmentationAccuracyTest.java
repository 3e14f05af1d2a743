package io.robovision.sink.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SegmentationAccuracyTest {
  @Test
  void meanIouOverTheClassesPresent() {
    SegmentationAccuracy accuracy = new SegmentationAccuracy(3);
    assertThat(accuracy.meanIou()).isNaN();
    accuracy.add(new byte[] {0, 0, 1, 1}, new byte[] {0, 1, 1, 1});
    assertThat(accuracy.iou(0)).isCloseTo(0.5, within(1e-9));
    assertThat(accuracy.iou(1)).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(accuracy.iou(2)).isNaN();
    assertThat(accuracy.meanIou()).isCloseTo((0.5 + 2 / 3.0) / 2, within(1e-9));
    assertThat(accuracy.pixels()).isEqualTo(4);
  }
}
