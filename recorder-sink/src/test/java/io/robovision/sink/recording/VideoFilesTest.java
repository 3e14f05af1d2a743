package io.robovision.sink.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoFilesTest {
  @TempDir
  Path out;

  @Test
  void namesSegmentsByTheUtcCaptureTimeOfTheirFirstFrame() {
    VideoFiles files = new VideoFiles(out);
    assertThat(files.file("door", Instant.parse("2026-11-25T23:59:58.999Z")))
        .isEqualTo(out.resolve("door/2026-11-25/23-59-58.mp4"));
    assertThat(files.file("../etc/x", Instant.EPOCH)).isEqualTo(out.resolve("_.._etc_x/1970-01-01/00-00-00.mp4"));
    assertThat(VideoFiles.part(out.resolve("a/b.mp4"))).isEqualTo(out.resolve("a/b.mp4.part"));
  }

  @Test
  void aTakenSecondGetsASuffixButAnUnfinishedPartDoesNotTakeIt() throws Exception {
    VideoFiles files = new VideoFiles(out);
    Instant start = Instant.parse("2026-11-26T10:00:00.500Z");
    Path first = files.file("cam", start);
    Files.createDirectories(first.getParent());
    Files.writeString(VideoFiles.part(first), "being rewritten after a crash");
    assertThat(files.free("cam", start)).isEqualTo(first);
    Files.writeString(first, "closed");
    assertThat(files.free("cam", start)).isEqualTo(out.resolve("cam/2026-11-26/10-00-00-1.mp4"));
    Files.writeString(out.resolve("cam/2026-11-26/10-00-00-1.mp4"), "closed");
    assertThat(files.free("cam", start)).isEqualTo(out.resolve("cam/2026-11-26/10-00-00-2.mp4"));
  }

  @Test
  void listsClosedSegmentsInRecordingOrderAndDeletesUnfinishedOnes() throws Exception {
    VideoFiles files = new VideoFiles(out);
    write("cam/2026-11-26/10-00-00-1.mp4", 3);
    write("cam/2026-11-26/09-59-58.mp4", 1);
    write("cam/2026-11-26/10-00-00.mp4", 2);
    write("cam/2026-11-25/23-59-59.mp4", 4);
    write("cam/2026-11-26/10-00-02.mp4.part", 5);
    write("cam/2026-11-26/notes.txt", 6);
    write("other/2026-11-26/10-00-02.mp4.part", 7);
    write("analytics.csv", 8);

    assertThat(files.closed("cam")).map(s -> out.relativize(s.file()).toString()).containsExactly(
        "cam/2026-11-25/23-59-59.mp4", "cam/2026-11-26/09-59-58.mp4", "cam/2026-11-26/10-00-00.mp4",
        "cam/2026-11-26/10-00-00-1.mp4");
    SegmentFile last = files.closed("cam").get(3);
    assertThat(last.cameraDir()).isEqualTo("cam");
    assertThat(last.start()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
    assertThat(last.suffix()).isEqualTo(1);
    assertThat(last.bytes()).isEqualTo(3);
    assertThat(files.closed()).hasSize(4);

    assertThat(files.deleteParts("cam")).containsExactly(out.resolve("cam/2026-11-26/10-00-02.mp4.part"));
    assertThat(out.resolve("cam/2026-11-26/10-00-02.mp4.part")).doesNotExist();
    assertThat(out.resolve("other/2026-11-26/10-00-02.mp4.part")).exists();
    assertThat(files.deleteParts("never-seen")).isEmpty();
  }

  @Test
  void deletesTheSegmentsThisSinkWroteAndTheFoldersLeftEmptyButNothingElse() throws Exception {
    VideoFiles files = new VideoFiles(out);
    record("cam/2026-11-26/10-00-00.mp4", SegmentMetadata.tags("cam", 0));
    record("cam/2026-11-26/10-00-10.mp4", SegmentMetadata.tags("cam", 10));
    write("cam/2026-11-26/10-00-20.mp4.part", 5);
    record("lobby/2026-11-25/23-00-00.mp4", SegmentMetadata.tags("lobby", 0));
    record("lobby/2026-11-26/08-00-00.mp4", Map.of());
    write("lobby/2026-11-26/notes.txt", 6);
    write("analytics.csv", 8);

    assertThat(files.deleteRecordings()).isEqualTo(4);

    assertThat(out.resolve("cam")).doesNotExist();
    assertThat(out.resolve("lobby/2026-11-25")).doesNotExist();
    assertThat(out.resolve("lobby/2026-11-26/08-00-00.mp4")).exists();
    assertThat(out.resolve("lobby/2026-11-26/notes.txt")).exists();
    assertThat(out.resolve("analytics.csv")).exists();
    assertThat(files.deleteRecordings()).isZero();
  }

  private void record(String name, Map<String, String> tags) throws Exception {
    Path file = out.resolve(name);
    Files.createDirectories(file.getParent());
    try (Mp4Recorder recorder = new Mp4Recorder(file, 64, 48, 10, tags);
        Mat frame = new Mat(48, 64, CV_8UC3, new Scalar(40, 90, 160, 0))) {
      recorder.write(frame);
    }
  }

  private void write(String name, int bytes) throws Exception {
    Path file = out.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[bytes]);
  }
}
