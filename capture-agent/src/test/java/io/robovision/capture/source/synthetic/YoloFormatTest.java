package io.robovision.capture.source.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YoloFormatTest {
  @Test
  void wholeFrameBoxIsCentredWithFullSize() {
    GroundTruthBox box = new GroundTruthBox(VocClasses.BUS, CocoClasses.BUS, "bus", 0, 0, 199, 99);

    assertThat(YoloFormat.line(box, 200, 100)).isEqualTo("5 0.500000 0.500000 1.000000 1.000000");
  }

  @Test
  void inclusiveBoundsCountBothEdgePixels() {
    GroundTruthBox box = new GroundTruthBox(VocClasses.PERSON, CocoClasses.PERSON, "person", 10, 20, 19, 59);

    assertThat(YoloFormat.line(box, 200, 100)).isEqualTo("0 0.075000 0.400000 0.050000 0.400000");
  }
}
