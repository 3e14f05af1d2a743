package io.robovision.capture.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceFactoryTest {
  private final SourceFactory factory = new SourceFactory(64, 48, 10, 7);

  @Test
  void syntheticSourcesCarryGroundTruthAndNeverCountAsLive() throws Exception {
    try (FrameSource source = factory.open("synthetic:42")) {
      assertThat(source.live()).isFalse();
      assertThat(source.describe()).contains("seed 42");
      try (CapturedFrame frame = source.next()) {
        assertThat(frame.image().cols()).isEqualTo(64);
        assertThat(frame.groundTruth().rows()).isEqualTo(48);
      }
    }
  }

  @Test
  void unknownSourcesFailWithTheSpecAndTheChoices() {
    assertThatThrownBy(() -> factory.open("/no/such/video.mp4")).isInstanceOf(SourceException.class)
        .hasMessageContaining("'/no/such/video.mp4'").hasMessageContaining("synthetic:[SEED]");
    assertThatThrownBy(() -> factory.open("ftp://camera/feed")).hasMessageContaining("unknown source 'ftp://camera/feed'");
    assertThatThrownBy(() -> factory.open("synthetic:abc")).hasMessageContaining("seed must be an integer");
    assertThatThrownBy(() -> factory.open("/dev/video97")).hasMessageContaining("camera /dev/video97 does not exist");
  }

  @Test
  void aStreamThatIsDownAtStartComesBackUnopenedWithTheReasonButABadFileStillFails() throws Exception {
    try (FrameSource stream = factory.openOrDefer("rtsp://127.0.0.1:9/down")) {
      assertThat(stream.live()).isTrue();
      assertThat(stream.describe()).contains("rtsp://127.0.0.1:9/down");
      assertThatThrownBy(stream::next).isInstanceOf(SourceException.class)
          .hasMessageContaining("cannot open stream rtsp://127.0.0.1:9/down: Connection refused (FFmpeg error")
          .hasMessageNotContaining("setFormat");
    }
    assertThatThrownBy(() -> factory.openOrDefer("/no/such/video.mp4")).isInstanceOf(SourceException.class)
        .hasMessageContaining("no such video file");
  }
}
