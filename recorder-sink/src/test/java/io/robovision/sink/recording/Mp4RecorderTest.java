package io.robovision.sink.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Mp4RecorderTest {
  @TempDir
  Path dir;

  @Test
  void writesEveryFrameExactlyOnceInOrder() throws Exception {
    Path file = dir.resolve("clip.mp4");
    try (Mp4Recorder recorder = new Mp4Recorder(file, 320, 240, 25)) {
      for (int i = 0; i < 25; i++) {
        try (Mat frame = frameNumbered(i, 320, 240)) {
          recorder.write(frame);
        }
      }
      assertThat(recorder.framesWritten()).isEqualTo(25);
      assertThat(recorder.file()).isEqualTo(file);
    }

    Decoded decoded = decode(file);
    assertThat(decoded.codec).isEqualTo(AV_CODEC_ID_H264);
    assertThat(decoded.width).isEqualTo(320);
    assertThat(decoded.height).isEqualTo(240);
    assertThat(decoded.brightness).hasSize(25);
    for (int i = 0; i < 25; i++) {
      assertThat(decoded.brightness.get(i)).as("brightness of frame %d", i).isCloseTo(brightnessOf(i), within(4.0));
    }
    assertThat(decoded.frameRate).isCloseTo(25.0, within(0.01));
  }

  @ParameterizedTest(name = "{0}x{1} is stored as {2}x{3}")
  @CsvSource({"321, 241, 322, 242", "321, 240, 322, 240", "320, 241, 320, 242"})
  void padsOddSizesToEvenWithoutRescaling(int width, int height, int storedWidth, int storedHeight) throws Exception {
    Path file = dir.resolve("odd-" + width + "x" + height + ".mp4");
    try (Mp4Recorder recorder = new Mp4Recorder(file, width, height, 30)) {
      for (int i = 0; i < 12; i++) {
        try (Mat frame = frameNumbered(i, width, height)) {
          recorder.write(frame);
        }
      }
    }

    Decoded decoded = decode(file);
    assertThat(decoded.width).isEqualTo(storedWidth);
    assertThat(decoded.height).isEqualTo(storedHeight);
    assertThat(decoded.brightness).hasSize(12);
    assertThat(decoded.brightness.get(11)).isCloseTo(brightnessOf(11), within(4.0));
    // Rescaling instead of padding would shift the white border off the frame's own last column and row.
    assertThat(decoded.lastGrey(width - 1, height / 8)).as("last column").isGreaterThan(200);
    assertThat(decoded.lastGrey(width / 8, height - 1)).as("last row").isGreaterThan(200);
    assertThat(decoded.lastGrey(width - 3, height / 8)).as("inside the frame").isLessThan(200);
  }

  @Test
  void keepsEveryFrameAtFractionalFrameRates() throws Exception {
    Path file = dir.resolve("ntsc.mp4");
    try (Mp4Recorder recorder = new Mp4Recorder(file, 160, 120, 29.97)) {
      for (int i = 0; i < 30; i++) {
        try (Mat frame = frameNumbered(i, 160, 120)) {
          recorder.write(frame);
        }
      }
    }

    Decoded decoded = decode(file);
    assertThat(decoded.brightness).hasSize(30);
    assertThat(decoded.frameRate).isCloseTo(29.97, within(0.01));
  }

  @Test
  void acceptsRegionOfInterestViews() throws Exception {
    Path file = dir.resolve("roi.mp4");
    try (Mat big = new Mat(300, 400, CV_8UC3, new Scalar(10, 10, 10, 0));
        Rect area = new Rect(40, 30, 320, 240);
        Mat view = big.apply(area);
        Scalar grey = new Scalar(180, 180, 180, 0)) {
      view.put(grey);
      try (Mp4Recorder recorder = new Mp4Recorder(file, 320, 240, 25)) {
        recorder.write(view);
      }
    }

    Decoded decoded = decode(file);
    assertThat(decoded.brightness).hasSize(1);
    assertThat(decoded.brightness.get(0)).isCloseTo(180.0, within(4.0));
  }

  @Test
  void createsParentDirectories() {
    Path file = dir.resolve("a/b/c/clip.mp4");
    try (Mp4Recorder recorder = new Mp4Recorder(file, 64, 48, 10); Mat frame = frameNumbered(0, 64, 48)) {
      recorder.write(frame);
    }
    assertThat(file).isRegularFile();
  }

  @Test
  void rejectsFramesOfTheWrongSizeOrType() {
    try (Mp4Recorder recorder = new Mp4Recorder(dir.resolve("strict.mp4"), 320, 240, 25);
        Mat small = new Mat(120, 160, CV_8UC3, new Scalar(0, 0, 0, 0));
        Mat grey = new Mat(240, 320, CV_8UC1, new Scalar(0))) {
      assertThatThrownBy(() -> recorder.write(small))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("320x240")
          .hasMessageContaining("160x120");
      assertThatThrownBy(() -> recorder.write(grey)).isInstanceOf(IllegalArgumentException.class);
      assertThat(recorder.framesWritten()).isZero();
    }
  }

  @Test
  void closeIsIdempotentAndWritingAfterwardsFails() throws Exception {
    Path file = dir.resolve("closed.mp4");
    Mp4Recorder recorder = new Mp4Recorder(file, 64, 48, 10);
    try (Mat frame = frameNumbered(3, 64, 48)) {
      recorder.write(frame);
      recorder.close();
      long size = Files.size(file);
      recorder.close();
      assertThat(Files.size(file)).isEqualTo(size);
      assertThatThrownBy(() -> recorder.write(frame)).isInstanceOf(IllegalStateException.class);
    }
    assertThat(decode(file).brightness).hasSize(1);
  }

  @Test
  void reportsUnwritableLocationsNamingTheFile() throws Exception {
    Path blocker = Files.createFile(dir.resolve("not-a-directory"));
    Path file = blocker.resolve("clip.mp4");
    assertThatThrownBy(() -> new Mp4Recorder(file, 64, 48, 10))
        .isInstanceOf(RecordingException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void wrapsFfmpegFailuresNamingTheFile() throws Exception {
    Path file = Files.createDirectory(dir.resolve("occupied.mp4"));
    assertThatThrownBy(() -> new Mp4Recorder(file, 64, 48, 10))
        .isInstanceOf(RecordingException.class)
        .hasMessageContaining(file.toString())
        .hasCauseInstanceOf(FFmpegFrameRecorder.Exception.class);
  }

  @Test
  void rejectsNonsensicalSettings() {
    Path file = dir.resolve("never.mp4");
    assertThatThrownBy(() -> new Mp4Recorder(file, 0, 48, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Mp4Recorder(file, 64, 48, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Mp4Recorder(file, 64, 48, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThat(file).doesNotExist();
  }

  private static double brightnessOf(int index) {
    return 20 + index * 8;
  }

  /** A flat frame whose grey level encodes its index, with a moving square (motion) and a white last row and column. */
  private static Mat frameNumbered(int index, int width, int height) {
    int level = (int) brightnessOf(index);
    Mat frame = new Mat(height, width, CV_8UC3, new Scalar(level, level, level, 0));
    try (Scalar white = new Scalar(255, 255, 255, 0);
        Rect lastColumn = new Rect(width - 1, 0, 1, height);
        Mat column = frame.apply(lastColumn);
        Rect lastRow = new Rect(0, height - 1, width, 1);
        Mat row = frame.apply(lastRow)) {
      column.put(white);
      row.put(white);
    }
    int side = Math.min(width, height) / 8;
    try (Rect square = new Rect((index * 5) % (width - side), height / 2, side, side);
        Mat region = frame.apply(square);
        Scalar colour = new Scalar(level, 255 - level, 128, 0)) {
      region.put(colour);
    }
    return frame;
  }

  /** What FFmpeg reads back: each frame's mean grey level (top quarter, away from the moving square), in order. */
  private record Decoded(
      int codec, int width, int height, double frameRate, List<Double> brightness, byte[] lastFrameGrey) {
    int lastGrey(int x, int y) {
      return lastFrameGrey[y * width + x] & 0xFF;
    }
  }

  private static Decoded decode(Path file) throws Exception {
    List<Double> brightness = new ArrayList<>();
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
      grabber.start();
      Frame frame;
      int width = 0;
      int height = 0;
      byte[] lastFrameGrey = new byte[0];
      while ((frame = grabber.grabImage()) != null) {
        width = frame.imageWidth;
        height = frame.imageHeight;
        // The converter owns the Mat it returns; only the band and grey copy are ours to close.
        Mat image = converter.convert(frame);
        try (Mat grey = new Mat()) {
          cvtColor(image, grey, COLOR_BGR2GRAY);
          try (Rect band = new Rect(0, 0, width, height / 4); Mat top = grey.apply(band); Scalar average = mean(top)) {
            brightness.add(average.get(0));
          }
          lastFrameGrey = new byte[width * height];
          grey.data().get(lastFrameGrey);
        }
      }
      Decoded decoded = new Decoded(
          grabber.getVideoCodec(), width, height, grabber.getVideoFrameRate(), brightness, lastFrameGrey);
      grabber.stop();
      return decoded;
    }
  }
}
