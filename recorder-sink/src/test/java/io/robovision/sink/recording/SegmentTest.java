package io.robovision.sink.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentTest {
  @TempDir
  Path dir;

  @Test
  void isWrittenAsPartFileAndOnlyAppearsUnderItsNameWhenClosed() throws Exception {
    Path file = dir.resolve("cam/2026-11-26/01-02-03.mp4");
    Segment segment = new Segment(file, "cam", 40, Instant.parse("2026-11-26T01:02:03.250Z"), 64, 48, 10);
    try (Mat frame = new Mat(48, 64, CV_8UC3, new Scalar(90, 90, 90, 0))) {
      for (int i = 0; i < 7; i++) {
        segment.write(frame, 1_000 + i);
      }
    }
    assertThat(segment.nextSequence()).isEqualTo(47);
    assertThat(segment.lastWriteMillis()).isEqualTo(1_006);
    assertThat(VideoFiles.part(file)).exists();
    assertThat(file).doesNotExist();

    assertThat(segment.close()).isEqualTo(file);
    assertThat(file).isRegularFile();
    assertThat(VideoFiles.part(file)).doesNotExist();
    assertThat(countFrames(file)).isEqualTo(7);
  }

  @Test
  void tellsWhichSequenceNumbersItHolds() {
    Path file = dir.resolve("01-00-00.mp4");
    Segment segment = new Segment(file, "door cam=1", 1_234_567_890_123L, Instant.EPOCH, 32, 32, 25);
    try (Mat frame = new Mat(32, 32, CV_8UC3, new Scalar(10, 200, 10, 0))) {
      for (int i = 0; i < 30; i++) {
        segment.write(frame, i);
      }
    }
    segment.close();

    SegmentMetadata metadata = SegmentMetadata.read(file).orElseThrow();
    assertThat(metadata.cameraId()).isEqualTo("door cam=1");
    assertThat(metadata.firstSequence()).isEqualTo(1_234_567_890_123L);
    assertThat(metadata.frames()).isEqualTo(30);
    assertThat(metadata.lastSequence()).isEqualTo(1_234_567_890_152L);
  }

  @Test
  void aFileWithoutItsTagsOrNotAVideoSaysNothing() throws Exception {
    Path plain = dir.resolve("plain.mp4");
    try (Mp4Recorder recorder = new Mp4Recorder(plain, 32, 32, 10);
        Mat frame = new Mat(32, 32, CV_8UC3, new Scalar(0, 0, 0, 0))) {
      recorder.write(frame);
    }
    assertThat(SegmentMetadata.read(plain)).isEmpty();
    Path text = Files.writeString(dir.resolve("text.mp4"), "not a video");
    assertThat(SegmentMetadata.read(text)).isEmpty();
  }

  private static long countFrames(Path video) throws Exception {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
      grabber.start();
      long frames = 0;
      while (grabber.grabImage() != null) {
        frames++;
      }
      grabber.stop();
      return frames;
    }
  }
}
