package io.robovision.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import io.robovision.broker.EmbeddedBroker;
import io.robovision.config.KafkaSettings;
import io.robovision.config.Settings;
import io.robovision.kafka.TopicSetup;
import io.robovision.launch.Await;
import io.robovision.launch.ChildJvm;
import io.robovision.schemas.AnalyticsRow;
import io.robovision.schemas.ClassCoverage;
import io.robovision.schemas.Frame;
import io.robovision.schemas.ImageEncoding;
import io.robovision.schemas.Mask;
import io.robovision.schemas.MaskEncoding;
import io.robovision.schemas.SegmentResult;
import io.robovision.schemas.SegmentStatus;
import io.robovision.schemas.StageTimings;
import io.robovision.serde.AvroDeserializer;
import io.robovision.serde.AvroSerializer;
import io.robovision.sink.recording.SegmentFile;
import io.robovision.sink.recording.SegmentMetadata;
import io.robovision.sink.recording.VideoFiles;
import io.robovision.telemetry.Telemetry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder sink on the real broker, checked on the real MP4 files: each frame carries its sequence number as a
 * row of black and white blocks, read back from the decoded video.
 *
 * <p>Both cameras share one partition and camera-2 starts ten frames later, so their segments
 * overlap: camera-2's open segment holds the partition's commit back to before the end of
 * camera-1's last closed segment, and a restarted sink re-reads frames that camera-1 already
 * has on disk.
 */
class RecorderSinkIT {
  private static final List<String> CAMERAS = List.of("camera-1", "camera-2");
  private static final int FRAMES = 120;
  private static final int BEFORE_CRASH = 50;
  private static final int SEGMENT_SECONDS = 2;
  private static final long CAMERA_2_FIRST = 10;
  private static final int WIDTH = 160;
  private static final int HEIGHT = 120;
  private static final int BITS = 8;
  private static final int BLOCK = 16;
  private static final int PATTERN_TOP = 48;
  /** Frames are 100 ms apart from here on, so every 2 s segment holds 20 of them. */
  private static final Instant START = Instant.parse("2026-11-26T10:00:00.000Z");
  private static final long MISSING_RESULT = 70;
  private static final long SKIPPED_RESULT = 80;
  /** camera-2's result for this frame carries a colour PNG as its mask: the sink must record the frame without it. */
  private static final long BAD_MASK_RESULT = 90;
  private static final long NO_LATE_RESULT = -1;
  private static final String FIRST_SINK = "first-sink";
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("HH-mm-ss").withZone(ZoneOffset.UTC);

  @TempDir
  Path dir;

  /** Kills a sink running in its own JVM in the middle of a segment and restarts it: every frame is recorded once. */
  @Test
  void recordsEveryFrameExactlyOnceAcrossAnAbruptStop() throws Exception {
    Path out = dir.resolve("out");
    SinkStats stats;
    Telemetry telemetry = new Telemetry();
    try (EmbeddedBroker broker = EmbeddedBroker.start(0, null)) {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), Map.of());
      new TopicSetup(kafka).ensure(Set.of("vision.frames", "vision.segments", "vision.analytics", "vision.deadletter"),
          1, (short) 1, 16 * 1024 * 1024);
      Map<String, String> settings = sinkSettings(broker.bootstrapServers(), out);
      List<Path> unfinished;
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientProperties(Map.of()),
          new StringSerializer(), new ByteArraySerializer())) {
        publish(producer, 0, BEFORE_CRASH, NO_LATE_RESULT);

        Process first = ChildJvm.start(SinkMain.class, settings, dir, FIRST_SINK);
        try {
          awaitCsvRows(out.resolve("analytics.csv"), BEFORE_CRASH - 1, first);
          // Long enough for a commit of everything written (every second), short of closing idle segments (4 s).
          Thread.sleep(1_500);
        } finally {
          first.destroyForcibly();
          first.waitFor(30, TimeUnit.SECONDS);
        }
        unfinished = files(out, ".mp4.part");
        assertThat(unfinished).as("the killed sink was in the middle of a segment of each camera").hasSize(2);
        assertThat(files(out, ".mp4")).as("segments closed before the crash").hasSize(3);

        publish(producer, BEFORE_CRASH, FRAMES, NO_LATE_RESULT);
      }

      RecorderSink restarted = SinkMain.start(SinkConfig.from(new Settings(settings)), telemetry);
      Thread thread = new Thread(restarted, "restarted-sink");
      thread.start();
      awaitCsvRows(out.resolve("analytics.csv"), FRAMES - 1, null);
      restarted.stop();
      thread.join(30_000);

      stats = restarted.stats();
      assertThat(files(out, ".part")).as("no unfinished segment after a normal stop").isEmpty();
      for (Path part : unfinished) {
        Path rewritten = part.resolveSibling(part.getFileName().toString().replace(".part", ""));
        assertThat(rewritten).as("the unfinished segment is rewritten under the same name").isRegularFile();
      }
    }

    VideoFiles videos = new VideoFiles(out);
    for (String camera : CAMERAS) {
      List<Long> recorded = new ArrayList<>();
      for (SegmentFile segment : videos.closed(camera)) {
        List<Long> sequences = decodeSequences(segment.file());
        SegmentMetadata metadata = SegmentMetadata.read(segment.file()).orElseThrow();
        assertThat(metadata.frames()).as("frames in %s", segment.file()).isEqualTo(sequences.size());
        assertThat(sequences.get(0)).isEqualTo(metadata.firstSequence());
        assertThat(sequences).as("capture times in %s", segment.file()).allSatisfy(sequence ->
            assertThat(captureTime(sequence)).isBefore(captureTime(sequences.get(0)).plusSeconds(SEGMENT_SECONDS)));
        assertThat(segment.file().getFileName().toString())
            .isEqualTo(NAME.format(captureTime(metadata.firstSequence())) + ".mp4");
        recorded.addAll(sequences);
      }
      assertThat(recorded).as("sequence numbers in the video of %s", camera).isEqualTo(expected(camera));
    }
    assertThat(stats.partsDeletedCount()).isEqualTo(2);
    assertThat(stats.skippedCount()).isEqualTo(1);
    assertThat(stats.withoutMaskCount()).as("camera-2's frame %d", BAD_MASK_RESULT).isEqualTo(1);
    assertThat(stats.gapCount()).isEqualTo(1);
    assertThat(stats.droppedCount()).isEqualTo(1);
    assertThat(stats.duplicateCount()).as("camera-1's frames 30..39 read again").isGreaterThanOrEqualTo(10);
    assertThat(telemetry.scrape()).as("the same counts on /metrics").contains("vision_sink_parts_deleted_total 2.0",
        "vision_sink_frames_skipped_total 1.0", "vision_sink_frames_gaps_total 1.0", "vision_sink_frames_dropped_total 1.0",
        "vision_sink_segments_closed_total " + stats.segmentsClosedCount() + ".0");
    assertThat(stats.segmentsClosedCount()).as("segments the restarted sink closed").isPositive();
  }

  @Test
  void aSinkFarBehindWaitsForAResultItHasNotReadYet() throws Exception {
    long frames = 60;
    long late = 5;
    Path out = dir.resolve("behind");
    RecorderSink sink;
    try (EmbeddedBroker broker = EmbeddedBroker.start(0, null)) {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), Map.of());
      new TopicSetup(kafka).ensure(Set.of("vision.frames", "vision.segments", "vision.analytics", "vision.deadletter"),
          1, (short) 1, 16 * 1024 * 1024);
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientProperties(Map.of()),
          new StringSerializer(), new ByteArraySerializer())) {
        publish(producer, 0, frames, late);
      }
      // Camera-1's result 5 is the topic's last record: at 20 records a poll, the sink holds complete later pairs
      // for many polls before it gets there, each of them far longer than the timeout.
      Map<String, String> settings = sinkSettings(broker.bootstrapServers(), out);
      settings.put(SinkConfig.GAP_TIMEOUT_MS, "1");
      settings.put("kafka.max.poll.records", "20");
      sink = SinkMain.start(SinkConfig.from(new Settings(settings)), new Telemetry());
      Thread thread = new Thread(sink, "sink-behind");
      thread.start();
      awaitCsvRows(out.resolve("analytics.csv"), frames - 1, null);
      sink.stop();
      thread.join(30_000);
    }

    assertThat(sink.stats().gapCount()).isZero();
    assertThat(sink.stats().droppedCount()).isZero();
    VideoFiles videos = new VideoFiles(out);
    for (String camera : CAMERAS) {
      List<Long> recorded = new ArrayList<>();
      for (SegmentFile segment : videos.closed(camera)) {
        recorded.addAll(decodeSequences(segment.file()));
      }
      assertThat(recorded).as("sequence numbers in the video of %s", camera)
          .isEqualTo(LongStream.range(first(camera), frames).boxed().toList());
    }
  }

  /**
   * The analytics topic refuses every row for a while (its max.message.bytes is 1): the sink sends the refused rows
   * again until they are taken, and commits no offset past them meanwhile. Before, it logged the failure and a later
   * commit went past the lost rows.
   */
  @Test
  void analyticsRowsTheBrokerRefusedAreSentAgain() throws Exception {
    long frames = 40;
    long rowCount = 2 * frames - CAMERA_2_FIRST;
    Set<String> rows = new HashSet<>();
    try (EmbeddedBroker broker = EmbeddedBroker.start(0, null)) {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), Map.of());
      try (Admin admin = Admin.create(kafka.clientProperties(Map.of()))) {
        RunningSink sink = refusingSink(kafka, admin, dir.resolve("refused"), frames);
        maxMessageBytes(admin, new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""),
            AlterConfigOp.OpType.DELETE));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.clientProperties(Map.of(
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")), new StringDeserializer(),
            new ByteArrayDeserializer())) {
          consumer.assign(List.of(new TopicPartition("vision.analytics", 0)));
          AvroDeserializer<AnalyticsRow> analytics = new AvroDeserializer<>(AnalyticsRow.getClassSchema());
          Await.until(() -> {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
              AnalyticsRow row = analytics.deserialize(record.topic(), record.value());
              rows.add(row.getCameraId() + "/" + row.getSequence());
            }
            return rows.size() == rowCount;
          }, () -> "analytics rows in vision.analytics: " + rows.size() + " of " + rowCount);
        }
        sink.stop();
        assertThat(sink.sink().unacknowledgedRows()).isZero();
      }
    }
    for (String camera : CAMERAS) {
      assertThat(LongStream.range(first(camera), frames).mapToObj(sequence -> camera + "/" + sequence))
          .as("analytics rows of %s", camera).allMatch(rows::contains);
    }
  }

  /** A sink stopped while the topic still refuses its rows says how many it could not deliver. */
  @Test
  void aSinkStoppedWhileItsRowsAreRefusedCountsThem() throws Exception {
    long frames = 20;
    try (EmbeddedBroker broker = EmbeddedBroker.start(0, null)) {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), Map.of());
      try (Admin admin = Admin.create(kafka.clientProperties(Map.of()))) {
        RunningSink sink = refusingSink(kafka, admin, dir.resolve("refused-at-stop"), frames);
        sink.stop();
        assertThat(sink.sink().unacknowledgedRows()).isEqualTo(2 * frames - CAMERA_2_FIRST);
      }
    }
  }

  /** A sink in a thread of its own, over frames whose analytics rows the topic refuses, once it has sent some again. */
  private RunningSink refusingSink(KafkaSettings kafka, Admin admin, Path out, long frames) throws Exception {
    new TopicSetup(kafka).ensure(Set.of("vision.frames", "vision.segments", "vision.analytics", "vision.deadletter"),
        1, (short) 1, 16 * 1024 * 1024);
    maxMessageBytes(admin, new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1"),
        AlterConfigOp.OpType.SET));
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientProperties(Map.of()),
        new StringSerializer(), new ByteArraySerializer())) {
      publish(producer, 0, frames, NO_LATE_RESULT);
    }
    RecorderSink sink = SinkMain.start(SinkConfig.from(new Settings(sinkSettings(kafka.bootstrapServers(), out))),
        new Telemetry());
    Thread thread = new Thread(sink, "sink-" + out.getFileName());
    thread.start();
    awaitCsvRows(out.resolve("analytics.csv"), frames - 1, null);
    Await.until(() -> sink.stats().resentCount() > 0, () -> "the sink to send the refused rows again");
    return new RunningSink(sink, thread);
  }

  private record RunningSink(RecorderSink sink, Thread thread) {
    void stop() throws InterruptedException {
      sink.stop();
      thread.join(30_000);
      assertThat(thread.isAlive()).as("the sink still runs 30 s after stop()").isFalse();
    }
  }

  private static void maxMessageBytes(Admin admin, AlterConfigOp op) throws Exception {
    admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, "vision.analytics"),
        List.of(op))).all().get(30, TimeUnit.SECONDS);
  }

  /** Each sequence number once; camera-2's result 70 never arrives, so that frame repeats the picture of 69. */
  private static List<Long> expected(String camera) {
    List<Long> sequences = new ArrayList<>();
    for (long sequence = first(camera); sequence < FRAMES; sequence++) {
      sequences.add(camera.equals("camera-2") && sequence == MISSING_RESULT ? sequence - 1 : sequence);
    }
    return sequences;
  }

  private Map<String, String> sinkSettings(String bootstrapServers, Path out) {
    Map<String, String> settings = new HashMap<>();
    settings.put(KafkaSettings.BOOTSTRAP_SERVERS, bootstrapServers);
    settings.put(SinkConfig.OUTPUT_DIR, out.toString());
    settings.put(SinkConfig.CLASSES, Path.of("..", "models", "voc_classes.txt").toAbsolutePath().toString());
    settings.put(SinkConfig.SEGMENT_SECONDS, Integer.toString(SEGMENT_SECONDS));
    settings.put(SinkConfig.VIDEO_FPS, "10");
    settings.put(SinkConfig.GAP_TIMEOUT_MS, "1000");
    // More than the default on a small machine: pictures are rendered ahead on several threads and written in order.
    settings.put(SinkConfig.RENDER_THREADS, "3");
    settings.put(SinkConfig.GROUP_ID, "crash-test-sink");
    // The restarted sink takes the killed one's place at once instead of waiting for its session to expire.
    settings.put("kafka.group.instance.id", "crash-test-sink-1");
    settings.put("kafka.session.timeout.ms", "6000");
    return settings;
  }

  /** Waits until every camera's row for {@code sequence} is in the CSV (written once the frame is in a segment). */
  private void awaitCsvRows(Path csv, long sequence, Process process) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      if (Files.exists(csv)) {
        String rows = Files.readString(csv);
        if (CAMERAS.stream().allMatch(camera -> rows.contains("\n" + camera + "," + sequence + ","))) {
          return;
        }
      }
      if (process != null && !process.isAlive()) {
        throw new AssertionError("the sink process ended early:\n" + Files.readString(ChildJvm.log(dir, FIRST_SINK)));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("sequence " + sequence + " was not recorded within 60 s"
        + (process == null ? "" : ":\n" + Files.readString(ChildJvm.log(dir, FIRST_SINK))));
  }

  private static List<Path> files(Path out, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  /** Camera-1's result {@code lateResult} goes after everything else. */
  private static void publish(KafkaProducer<String, byte[]> producer, long from, long to, long lateResult)
      throws Exception {
    AvroSerializer<Frame> frames = new AvroSerializer<>(Frame.getClassSchema());
    AvroSerializer<SegmentResult> results = new AvroSerializer<>(SegmentResult.getClassSchema());
    for (long sequence = from; sequence < to; sequence++) {
      for (String camera : CAMERAS) {
        if (sequence < first(camera)) {
          continue;
        }
        producer.send(new ProducerRecord<>("vision.frames", camera,
            frames.serialize("vision.frames", frame(camera, sequence))));
        if (camera.equals("camera-2") && sequence == MISSING_RESULT
            || camera.equals("camera-1") && sequence == lateResult) {
          continue;
        }
        byte[] result = results.serialize("vision.segments", result(camera, sequence));
        producer.send(new ProducerRecord<>("vision.segments", camera, result));
        if (sequence == from + 15) {
          // A worker that crashed after sending re-sends the same result.
          producer.send(new ProducerRecord<>("vision.segments", camera, result));
        }
      }
    }
    if (lateResult != NO_LATE_RESULT) {
      producer.send(new ProducerRecord<>("vision.segments", "camera-1",
          results.serialize("vision.segments", result("camera-1", lateResult))));
    }
    producer.flush();
  }

  private static long first(String camera) {
    return camera.equals("camera-2") ? CAMERA_2_FIRST : 0;
  }

  private static Instant captureTime(long sequence) {
    return START.plusMillis(100 * sequence);
  }

  /** A grey frame whose sequence number is written as a row of black (0) and white (1) blocks, lowest bit first. */
  private static Frame frame(String camera, long sequence) {
    try (Mat image = new Mat(HEIGHT, WIDTH, CV_8UC3, new Scalar(128, 128, 128, 0))) {
      for (int bit = 0; bit < BITS; bit++) {
        int level = (sequence >> bit & 1) == 1 ? 255 : 0;
        try (Rect block = new Rect(8 + bit * BLOCK, PATTERN_TOP, BLOCK, BLOCK); Mat area = image.apply(block);
            Scalar colour = new Scalar(level, level, level, 0)) {
          area.put(colour);
        }
      }
      return Frame.newBuilder().setCameraId(camera).setSequence(sequence).setCaptureTime(captureTime(sequence))
          .setWidth(WIDTH).setHeight(HEIGHT).setEncoding(ImageEncoding.JPEG)
          .setImage(ByteBuffer.wrap(encode(".jpg", image))).build();
    }
  }

  /** An all-background mask, or SKIPPED without one as an overloaded worker sends it. */
  private static SegmentResult result(String camera, long sequence) {
    boolean skipped = camera.equals("camera-1") && sequence == SKIPPED_RESULT;
    boolean badMask = camera.equals("camera-2") && sequence == BAD_MASK_RESULT;
    try (Mat mask = new Mat(HEIGHT, WIDTH, badMask ? CV_8UC3 : CV_8UC1, new Scalar(0))) {
      return SegmentResult.newBuilder().setCameraId(camera).setSequence(sequence)
          .setCaptureTime(captureTime(sequence))
          .setStatus(skipped ? SegmentStatus.SKIPPED : SegmentStatus.OK)
          .setMask(skipped ? null : new Mask(WIDTH, HEIGHT, MaskEncoding.PNG, ByteBuffer.wrap(encode(".png", mask))))
          .setCoverage(skipped ? List.of() : List.of(new ClassCoverage(0, "background", 1.0f)))
          .setDetections(List.of()).setModelId("recorded").setWorkerId("crash-test")
          .setTimings(new StageTimings(0.0, 0.0, 0.0, 0.0, 0.0)).build();
    }
  }

  private static byte[] encode(String extension, Mat image) {
    try (BytePointer buffer = new BytePointer()) {
      imencode(extension, image, buffer);
      byte[] bytes = new byte[(int) buffer.limit()];
      buffer.get(bytes);
      return bytes;
    }
  }

  /** Decodes every frame of the video and reads the sequence number from its blocks. */
  private static List<Long> decodeSequences(Path video) throws Exception {
    List<Long> sequences = new ArrayList<>();
    RecordedOutput.frames(video, image -> sequences.add(sequenceOf(image)));
    return sequences;
  }

  private static long sequenceOf(Mat image) {
    long sequence = 0;
    for (int bit = 0; bit < BITS; bit++) {
      try (Rect centre = new Rect(8 + bit * BLOCK + 4, PATTERN_TOP + 4, BLOCK - 8, BLOCK - 8);
          Mat area = image.apply(centre); Scalar average = mean(area)) {
        if (average.get(0) > 128) {
          sequence |= 1L << bit;
        }
      }
    }
    return sequence;
  }
}
