package io.robovision.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LetterboxTest {
  @Test
  void aFrameThatFitsIsOnlyPaddedTopAndBottom() {
    Letterbox letterbox = Letterbox.fit(320, 240, 320);
    assertThat(letterbox.scaledWidth()).isEqualTo(320);
    assertThat(letterbox.scaledHeight()).isEqualTo(240);
    assertThat(letterbox.left()).isZero();
    assertThat(letterbox.right()).isZero();
    assertThat(letterbox.top()).isEqualTo(40);
    assertThat(letterbox.bottom()).isEqualTo(40);
  }

  @Test
  void aLargerFrameIsScaledDownToFitTheLongSide() {
    Letterbox letterbox = Letterbox.fit(1280, 720, 640);
    assertThat(letterbox.scaledWidth()).isEqualTo(640);
    assertThat(letterbox.scaledHeight()).isEqualTo(360);
    assertThat(letterbox.top()).isEqualTo(140);
    assertThat(letterbox.bottom()).isEqualTo(140);
  }

  @Test
  void theOddPaddingPixelGoesRightLikeYolov5() {
    Letterbox letterbox = Letterbox.fit(100, 300, 320);
    assertThat(letterbox.scaledWidth()).isEqualTo(107);
    assertThat(letterbox.scaledHeight()).isEqualTo(320);
    assertThat(letterbox.left()).isEqualTo(106);
    assertThat(letterbox.right()).isEqualTo(107);
    assertThat(letterbox.top()).isZero();
  }

  @Test
  void mapsLetterboxPixelsBackToTheFrameAndClipsToItsEdges() {
    Letterbox unscaled = Letterbox.fit(320, 240, 320);
    assertThat(unscaled.toFrameX(100)).isEqualTo(100);
    assertThat(unscaled.toFrameY(40)).isZero();
    assertThat(unscaled.toFrameY(280)).isEqualTo(240);
    assertThat(unscaled.toFrameY(20)).isZero();
    assertThat(unscaled.toFrameY(300)).isEqualTo(240);

    Letterbox halved = Letterbox.fit(640, 480, 320);
    assertThat(halved.toFrameX(160)).isCloseTo(320, within(1e-4f));
    assertThat(halved.toFrameY(160)).isCloseTo(240, within(1e-4f));
    assertThat(halved.toFrameX(-5)).isZero();
    assertThat(halved.toFrameX(330)).isEqualTo(640);
  }
}
