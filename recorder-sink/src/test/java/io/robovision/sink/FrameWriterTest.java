package io.robovision.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.mean;

import io.robovision.schemas.Frame;
import io.robovision.schemas.ImageEncoding;
import io.robovision.schemas.Mask;
import io.robovision.schemas.MaskEncoding;
import io.robovision.schemas.SegmentResult;
import io.robovision.schemas.SegmentStatus;
import io.robovision.schemas.StageTimings;
import io.robovision.sink.overlay.FrameComposer;
import io.robovision.sink.overlay.OutputVariant;
import io.robovision.sink.overlay.OverlayRenderer;
import io.robovision.sink.recording.Retention;
import io.robovision.sink.recording.SegmentMetadata;
import io.robovision.sink.recording.VideoFiles;
import io.robovision.telemetry.Telemetry;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameWriterTest {
  private static final Instant START = Instant.parse("2026-11-26T10:00:00.500Z");
  private static final List<String> CLASSES = List.of("background", "person");

  @TempDir
  Path out;

  private final SinkStats stats = new SinkStats(new Telemetry(), CLASSES);
  private final List<String> closedSegments = new ArrayList<>();

  private FrameWriter writer(OutputVariant variant) {
    RenderLanes lanes = new RenderLanes(2,
        () -> new FrameRenderer(new FrameComposer(new OverlayRenderer(CLASSES, 0.5), variant), stats));
    FrameWriter writer = new FrameWriter(lanes, new VideoFiles(out), new Retention(Duration.ZERO, 0), 10, 2, stats);
    writer.onSegmentClosed(closedSegments::add);
    return writer;
  }

  @Test
  void rollsSegmentsEveryNSecondsOfCaptureTimeNamedByTheirFirstFrame() throws Exception {
    try (FrameWriter writer = writer(OutputVariant.OVERLAY)) {
      // All 50 are rendered ahead on the two render threads, and written in order.
      List<Future<Mat>> pictures = new ArrayList<>();
      for (int sequence = 0; sequence < 50; sequence++) {
        pictures.add(writer.render(frame(sequence), result(sequence)));
      }
      for (int sequence = 0; sequence < 50; sequence++) {
        assertThat(writer.write(frame(sequence), pictures.get(sequence))).isTrue();
      }
      Path third = out.resolve("cam/2026-11-26/10-00-04.mp4");
      assertThat(closedSegments).containsExactly(out.resolve("cam/2026-11-26/10-00-00.mp4").toString(),
          out.resolve("cam/2026-11-26/10-00-02.mp4").toString());
      assertThat(writer.openSegment("cam")).isEqualTo(third.toString());
      assertThat(VideoFiles.part(third)).exists();
      assertThat(third).doesNotExist();
      writer.closeAllSegments();
      assertThat(writer.openSegment("cam")).isNull();
      assertThat(writer.files().get("cam")).hasSize(3).last().isEqualTo(third);
    }

    List<Path> segments = Files.list(out.resolve("cam/2026-11-26")).sorted().toList();
    assertThat(segments).map(p -> p.getFileName().toString())
        .containsExactly("10-00-00.mp4", "10-00-02.mp4", "10-00-04.mp4");
    assertThat(segments).map(p -> SegmentMetadata.read(p).orElseThrow().firstSequence()).containsExactly(0L, 20L, 40L);
    assertThat(segments).map(p -> SegmentMetadata.read(p).orElseThrow().lastSequence()).containsExactly(19L, 39L, 49L);
    List<Double> levels = new ArrayList<>();
    for (Path segment : segments) {
      levels.addAll(brightness(segment));
    }
    assertThat(levels).hasSize(50);
    for (int sequence = 0; sequence < 50; sequence++) {
      assertThat(levels.get(sequence)).as("frame %d", sequence).isCloseTo(level(sequence), within(6.0));
    }
    assertThat(stats.segmentsClosedCount()).isEqualTo(3);
  }

  @Test
  void keepsOneVideoFramePerSequenceNumberByRepeatingThePreviousPicture() throws Exception {
    try (FrameWriter writer = writer(OutputVariant.ORIGINAL)) {
      write(writer, frame(0), result(0));
      write(writer, frame(1), result(1));
      assertThat(writer.repeat("cam", 2)).isTrue();
      assertThat(writer.repeat("cam", 9)).as("not the next number").isFalse();
      assertThat(writer.repeat("elsewhere", 0)).isFalse();
      Frame broken = Frame.newBuilder(frame(3)).setImage(ByteBuffer.wrap(new byte[] {1, 2, 3})).build();
      assertThat(write(writer, broken, result(3))).isFalse();
      write(writer, frame(4), result(4));
      assertThat(writer.lastCaptureTime("cam")).isEqualTo(START.plusMillis(400));
    }
    Path file = out.resolve("cam/2026-11-26/10-00-00.mp4");
    List<Double> levels = brightness(file);
    assertThat(levels).hasSize(5);
    assertThat(levels.get(2)).isCloseTo(level(1), within(6.0));
    assertThat(levels.get(3)).isCloseTo(level(1), within(6.0));
    assertThat(levels.get(4)).isCloseTo(level(4), within(6.0));
    assertThat(SegmentMetadata.read(file).orElseThrow().lastSequence()).isEqualTo(4);
    assertThat(stats.undecodableCount()).isEqualTo(1);
  }

  @Test
  void aJumpInSequenceNumbersStartsANewSegment() throws Exception {
    try (FrameWriter writer = writer(OutputVariant.ORIGINAL)) {
      write(writer, frame(0), result(0));
      write(writer, frame(5), result(5));
    }
    assertThat(Files.list(out.resolve("cam/2026-11-26")).map(p -> p.getFileName().toString()).sorted())
        .containsExactly("10-00-00.mp4", "10-00-01.mp4");
    assertThat(SegmentMetadata.read(out.resolve("cam/2026-11-26/10-00-01.mp4")).orElseThrow().firstSequence())
        .isEqualTo(5);
  }

  @Test
  void sideBySideShowsTheCameraPictureNextToTheOverlay() throws Exception {
    try (FrameWriter writer = writer(OutputVariant.SIDE_BY_SIDE)) {
      write(writer, frame(0), result(0));
    }
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(out.resolve("cam/2026-11-26/10-00-00.mp4").toFile())) {
      grabber.start();
      assertThat(grabber.getImageWidth()).isEqualTo(128);
      assertThat(grabber.getImageHeight()).isEqualTo(48);
      grabber.stop();
    }
  }

  @Test
  void picturesTheEncoderCannotTakeAreRecordedScaledToTheNearestSizeItTakes() throws Exception {
    try (FrameWriter writer = writer(OutputVariant.ORIGINAL)) {
      for (int[] size : new int[][] {{4000, 3000}, {8, 6}}) {
        try (Mat image = new Mat(size[1], size[0], CV_8UC3, Scalar.all(120))) {
          Frame frame = Frame.newBuilder(frame(0)).setCameraId("cam" + size[0]).setWidth(size[0]).setHeight(size[1])
              .setImage(ByteBuffer.wrap(Encoded.bytes(".jpg", image))).build();
          assertThat(write(writer, frame, result(0))).isTrue();
        }
      }
    }
    assertThat(videoSize(out.resolve("cam4000/2026-11-26/10-00-00.mp4"))).containsExactly(3542, 2656);
    assertThat(videoSize(out.resolve("cam8/2026-11-26/10-00-00.mp4"))).containsExactly(22, 16);
  }

  @Test
  void recoversWhereAnEarlierRunStoppedAndDeletesItsUnfinishedSegment() throws Exception {
    try (FrameWriter writer = writer(OutputVariant.ORIGINAL)) {
      for (int sequence = 0; sequence < 25; sequence++) {
        write(writer, frame(sequence), result(sequence));
      }
    }
    // What an abrupt stop leaves behind: the segment that was open, unfinished.
    Files.writeString(out.resolve("cam/2026-11-26/10-00-04.mp4.part"), "truncated");

    FrameWriter restarted = writer(OutputVariant.ORIGINAL);
    assertThat(restarted.recover("cam")).hasValue(24);
    assertThat(out.resolve("cam/2026-11-26/10-00-04.mp4.part")).doesNotExist();
    assertThat(restarted.recover("unknown")).isEmpty();
    assertThat(stats.partsDeletedCount()).isEqualTo(1);
    restarted.close();
  }

  private static boolean write(FrameWriter writer, Frame frame, SegmentResult result) {
    return writer.write(frame, writer.render(frame, result));
  }

  private static double level(int sequence) {
    return 30 + (sequence % 20) * 10;
  }

  private static Frame frame(int sequence) {
    int grey = (int) level(sequence);
    try (Mat image = new Mat(48, 64, CV_8UC3, new Scalar(grey, grey, grey, 0))) {
      return Frame.newBuilder().setCameraId("cam").setSequence(sequence)
          .setCaptureTime(START.plusMillis(100L * sequence)).setWidth(64).setHeight(48)
          .setEncoding(ImageEncoding.JPEG).setImage(ByteBuffer.wrap(Encoded.bytes(".jpg", image))).build();
    }
  }

  private static SegmentResult result(int sequence) {
    try (Mat mask = new Mat(48, 64, CV_8UC1, new Scalar(0))) {
      return SegmentResult.newBuilder().setCameraId("cam").setSequence(sequence)
          .setCaptureTime(START.plusMillis(100L * sequence)).setStatus(SegmentStatus.OK)
          .setMask(new Mask(64, 48, MaskEncoding.PNG, ByteBuffer.wrap(Encoded.bytes(".png", mask))))
          .setCoverage(List.of()).setDetections(List.of()).setModelId("test").setWorkerId("test")
          .setTimings(new StageTimings(0.0, 0.0, 0.0, 0.0, 0.0)).build();
    }
  }

  private static int[] videoSize(Path video) throws Exception {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
      grabber.start();
      int[] size = {grabber.getImageWidth(), grabber.getImageHeight()};
      assertThat(grabber.getLengthInVideoFrames()).isEqualTo(1);
      grabber.stop();
      return size;
    }
  }

  /** Mean grey level of each frame's top half (the capture time is written at the bottom). */
  private static List<Double> brightness(Path video) throws Exception {
    List<Double> levels = new ArrayList<>();
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
      grabber.start();
      org.bytedeco.javacv.Frame frame;
      while ((frame = grabber.grabImage()) != null) {
        Mat image = converter.convert(frame);
        try (Rect top = new Rect(0, 0, 64, 20); Mat band = image.apply(top); Scalar average = mean(band)) {
          levels.add(average.get(0));
        }
      }
      grabber.stop();
    }
    return levels;
  }
}
