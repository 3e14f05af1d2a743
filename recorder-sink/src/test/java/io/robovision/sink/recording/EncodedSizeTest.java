package io.robovision.sink.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodedSizeTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"15, 64", "16, 16", "4096, 2304", "2304, 4096", "3072, 3072", "9000, 300"})
  void theEncoderTakesEveryEncodableSize(int width, int height) {
    assertThat(EncodedSize.encodable(width, height)).isTrue();
    assertThat(EncodedSize.fit(width, height)).isEqualTo(new EncodedSize(width, height));
    assertThat(encodes(width, height)).isTrue();
  }

  /** The limits are OpenH264's own: it refuses these sizes, so the recorder must never be given them. */
  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"64, 14", "8, 64", "4098, 2304", "4096, 2306", "4000, 3000"})
  void theEncoderRefusesTheOthers(int width, int height) {
    assertThat(EncodedSize.encodable(width, height)).isFalse();
    assertThat(encoderTakes(width, height)).isFalse();
    assertThatThrownBy(() -> new Mp4Recorder(dir.resolve("refused.mp4"), width, height, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EncodedSize.fit(" + width + ", " + height);
  }

  @ParameterizedTest(name = "{0}x{1} to {2}x{3}")
  @CsvSource({"4000, 3000, 3542, 2656", "8000, 6000, 3542, 2656", "1, 1, 16, 16", "64, 8, 128, 16", "2, 100, 16, 800"})
  void fitsOtherSizesKeepingTheAspectRatio(int width, int height, int fittedWidth, int fittedHeight) {
    EncodedSize fitted = EncodedSize.fit(width, height);
    assertThat(fitted).isEqualTo(new EncodedSize(fittedWidth, fittedHeight));
    assertThat(EncodedSize.encodable(fitted.width(), fitted.height())).isTrue();
    assertThat((double) fitted.width() / fitted.height()).isCloseTo((double) width / height,
        within(0.01 * width / height + 2.0 / fitted.height()));
    assertThat(encodes(fitted.width(), fitted.height())).isTrue();
  }

  @Test
  void thereIsNothingToFitWithoutPixels() {
    assertThatThrownBy(() -> EncodedSize.fit(0, 10)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Records one frame through {@link Mp4Recorder}, as the sink does. */
  private boolean encodes(int width, int height) {
    try (Mp4Recorder recorder = new Mp4Recorder(dir.resolve(width + "x" + height + ".mp4"), width, height, 10);
        Mat frame = new Mat(height, width, CV_8UC3, Scalar.all(128))) {
      recorder.write(frame);
      return true;
    } catch (RecordingException e) {
      return false;
    }
  }

  /** Asks FFmpeg's OpenH264 encoder itself, past {@link Mp4Recorder}'s own check, at the padded even size. */
  private boolean encoderTakes(int width, int height) {
    int evenWidth = width + width % 2;
    int evenHeight = height + height % 2;
    FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(dir.resolve("raw.mp4").toFile(), evenWidth, evenHeight, 0);
    recorder.setFormat("mp4");
    recorder.setVideoCodecName("libopenh264");
    recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
    recorder.setFrameRate(10);
    try (Mat frame = new Mat(evenHeight, evenWidth, CV_8UC3, Scalar.all(128));
        OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
      recorder.start();
      recorder.record(converter.convert(frame), AV_PIX_FMT_BGR24);
      recorder.stop();
      return true;
    } catch (FFmpegFrameRecorder.Exception e) {
      return false;
    } finally {
      try {
        recorder.release();
      } catch (FFmpegFrameRecorder.Exception e) {
        // Already reported by start, record or stop.
      }
    }
  }
}
