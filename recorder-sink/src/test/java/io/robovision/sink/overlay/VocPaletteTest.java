package io.robovision.sink.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VocPaletteTest {
  private final VocPalette palette = new VocPalette();

  @ParameterizedTest(name = "class {0} is RGB({1},{2},{3})")
  @CsvSource({
    "0, 0, 0, 0",
    "1, 128, 0, 0",
    "2, 0, 128, 0",
    "3, 128, 128, 0",
    "4, 0, 0, 128",
    "8, 64, 0, 0",
    "12, 64, 0, 128",
    "15, 192, 128, 128",
    "20, 0, 64, 128",
    "255, 224, 224, 192"
  })
  void knownVocColours(int classIndex, int r, int g, int b) {
    try (Scalar bgr = palette.bgr(classIndex)) {
      assertThat(new double[] {bgr.get(0), bgr.get(1), bgr.get(2)}).containsExactly(b, g, r);
    }
  }

  @Test
  void lookupTableMatchesScalarsInBgrOrder() {
    try (Mat lut = palette.lut(); UByteIndexer cells = lut.createIndexer()) {
      assertThat(lut.rows()).isEqualTo(1);
      assertThat(lut.cols()).isEqualTo(256);
      assertThat(lut.type()).isEqualTo(CV_8UC3);
      for (int index = 0; index < 256; index++) {
        try (Scalar bgr = palette.bgr(index)) {
          for (int channel = 0; channel < 3; channel++) {
            assertThat(cells.get(0, index, channel))
                .as("class %d channel %d", index, channel)
                .isEqualTo((int) bgr.get(channel));
          }
        }
      }
    }
  }

  @Test
  void rejectsIndicesOutsideTheTable() {
    assertThatThrownBy(() -> palette.bgr(256)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256");
    assertThatThrownBy(() -> palette.bgr(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }
}
