package io.robovision.worker;

import static io.robovision.sink.RecordedOutput.cameraFrames;
import static io.robovision.sink.RecordedOutput.csvSequences;
import static org.assertj.core.api.Assertions.assertThat;

import io.robovision.broker.EmbeddedBroker;
import io.robovision.capture.CaptureConfig;
import io.robovision.capture.CaptureMain;
import io.robovision.capture.CaptureStats;
import io.robovision.config.KafkaSettings;
import io.robovision.config.Settings;
import io.robovision.kafka.TopicSetup;
import io.robovision.launch.Await;
import io.robovision.launch.ChildJvm;
import io.robovision.schemas.SegmentResult;
import io.robovision.schemas.SegmentStatus;
import io.robovision.serde.AvroDeserializer;
import io.robovision.sink.RecorderSink;
import io.robovision.sink.SinkConfig;
import io.robovision.sink.SinkMain;
import io.robovision.telemetry.Telemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two workers share two live cameras' frames, one of them in its own JVM; that one is killed while its camera still
 * runs. The other takes its partition over once the dead one's session expires and segments what it left and what
 * comes after, and the sink, running all along, records every frame of both cameras exactly once.
 */
class WorkerFailoverIT {
  private static final Path MODELS = Path.of("..", "models");
  private static final List<String> CAMERAS = List.of("camera-1", "camera-2");
  private static final int PARTITIONS = 2;
  private static final long FRAMES = 150;
  private static final String KILLED = "worker-killed";
  private static final String SURVIVOR = "worker-survivor";

  @TempDir
  Path dir;

  @Test
  void theFramesOfAKilledWorkerAreSegmentedByTheOtherAndRecordedOnce() throws Exception {
    assertThat(CAMERAS.stream().map(WorkerFailoverIT::partitionOf).distinct()).as("one camera per partition")
        .hasSize(PARTITIONS);
    Path out = dir.resolve("out");
    RecorderSink sink;
    Map<String, Set<Long>> answeredBy = new HashMap<>();
    try (EmbeddedBroker broker = EmbeddedBroker.start(0, null)) {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), Map.of());
      new TopicSetup(kafka).ensure(Set.of("vision.frames", "vision.segments", "vision.analytics", "vision.detections",
          "vision.deadletter"), PARTITIONS, (short) 1, 16 * 1024 * 1024);
      sink = SinkMain.start(SinkConfig.from(new Settings(Map.of(
          KafkaSettings.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
          SinkConfig.OUTPUT_DIR, out.toString(),
          SinkConfig.CLASSES, MODELS.resolve("voc_classes.txt").toAbsolutePath().toString()))), new Telemetry());
      Thread sinkThread = new Thread(sink, "sink");
      sinkThread.start();

      // Loaded and warmed up now, it joins the group within a second or two once it runs.
      Map<String, String> survivorSettings = workerSettings(broker.bootstrapServers(), SURVIVOR);
      survivorSettings.put(WorkerConfig.DETECTOR_ENABLED, "false");
      SegmenterWorker survivor = WorkerMain.start(WorkerConfig.from(new Settings(survivorSettings)),
          new WorkerStats(new Telemetry()));
      Thread survivorThread = new Thread(survivor, SURVIVOR);
      // With both models it is slow enough to hold unfinished frames when it dies; with two predictors its results
      // go out of order, so the sink may hold a later result of its camera while the replay is still to come.
      Process killed = ChildJvm.start(WorkerMain.class, workerSettings(broker.bootstrapServers(), KILLED), dir, KILLED);
      // The cameras run live for 10 s, so the killed worker's partition still gets frames after it dies, however
      // fast this machine segments.
      ExecutorService cameras = Executors.newFixedThreadPool(CAMERAS.size());
      List<Future<Long>> published = CAMERAS.stream()
          .map(camera -> cameras.submit(() -> capture(broker.bootstrapServers(), camera))).toList();
      cameras.shutdown();
      try (KafkaConsumer<String, byte[]> results = resultReader(kafka)) {
        Await.until(() -> alive(killed) && read(results, answeredBy) && answered(answeredBy, KILLED) >= 10,
            () -> "10 results of " + KILLED);
        survivorThread.start();
        Await.until(() -> alive(killed) && read(results, answeredBy) && answered(answeredBy, SURVIVOR) >= 1,
            () -> "a result of " + SURVIVOR + ", which has then joined the group and holds a partition");
        int unansweredAtKill = unanswered(answeredBy).size();
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(unansweredAtKill).as("frames without a result when the worker was killed").isPositive();
        Await.until(() -> read(results, answeredBy) && unanswered(answeredBy).isEmpty(),
            () -> "a result for every frame; missing: " + unanswered(answeredBy));
      } finally {
        killed.destroyForcibly();
      }
      for (Future<Long> cameraPublished : published) {
        assertThat(cameraPublished.get(60, TimeUnit.SECONDS)).isEqualTo(FRAMES);
      }
      Await.until(() -> sink.stats().recordedCount() == CAMERAS.size() * FRAMES,
          () -> "the sink to record " + CAMERAS.size() * FRAMES + " frames (has " + sink.stats().recordedCount() + ")");
      survivor.stop();
      survivorThread.join(30_000);
      sink.stop();
      sinkThread.join(30_000);
    }

    System.out.printf("%d frames: %d answered by %s, %d by %s; sink: %d duplicates, %d gaps%n",
        CAMERAS.size() * FRAMES, answered(answeredBy, KILLED), KILLED, answered(answeredBy, SURVIVOR), SURVIVOR,
        sink.stats().duplicateCount(), sink.stats().gapCount());
    assertThat(answeredBy.keySet()).as("workers that answered").containsExactlyInAnyOrder(KILLED, SURVIVOR);
    assertThat(answeredBy.get(SURVIVOR).stream().map(frame -> CAMERAS.get((int) (frame / FRAMES))).distinct())
        .as("cameras the survivor answered, its own partition's and the killed worker's").hasSize(CAMERAS.size());
    assertThat(sink.stats().gapCount()).isZero();
    assertThat(sink.stats().droppedCount()).isZero();
    assertThat(csvSequences(out.resolve("analytics.csv"))).containsOnlyKeys(CAMERAS)
        .allSatisfy((camera, sequences) -> assertThat(sequences).as(camera).isEqualTo(
            LongStream.range(0, FRAMES).boxed().toList()));
    for (String camera : CAMERAS) {
      assertThat(cameraFrames(out.resolve(camera))).as("frames in the videos of %s", camera).isEqualTo(FRAMES);
    }
  }

  private static int partitionOf(String camera) {
    return Utils.toPositive(Utils.murmur2(camera.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
  }

  /** Runs the camera at 15 frames/s to its frame count; returns how many frames it published. */
  private static long capture(String bootstrapServers, String camera) throws Exception {
    try (Telemetry telemetry = new Telemetry()) {
      CaptureStats stats = new CaptureStats(telemetry, camera);
      CaptureMain.start(CaptureConfig.from(new Settings(Map.of(
          KafkaSettings.BOOTSTRAP_SERVERS, bootstrapServers,
          CaptureConfig.CAMERA_ID, camera,
          CaptureConfig.SOURCE, "synthetic:" + (CAMERAS.indexOf(camera) + 1),
          CaptureConfig.FPS, "15",
          CaptureConfig.MAX_FRAMES, Long.toString(FRAMES)))), stats).run();
      return stats.publishedCount();
    }
  }

  private static Map<String, String> workerSettings(String bootstrapServers, String workerId) {
    Map<String, String> settings = new HashMap<>();
    settings.put(KafkaSettings.BOOTSTRAP_SERVERS, bootstrapServers);
    settings.put(WorkerConfig.GROUP_ID, "failover");
    settings.put(WorkerConfig.WORKER_ID, workerId);
    settings.put(WorkerConfig.MODEL_PATH,
        MODELS.resolve("deeplabv3_mobilenet_v3_large.pt").toAbsolutePath().toString());
    settings.put(WorkerConfig.MODEL_CLASSES, MODELS.resolve("voc_classes.txt").toAbsolutePath().toString());
    settings.put(WorkerConfig.DETECTOR_PATH, MODELS.resolve("yolo_synthetic.pt").toAbsolutePath().toString());
    settings.put(WorkerConfig.DETECTOR_CLASSES, MODELS.resolve("coco_classes.txt").toAbsolutePath().toString());
    return settings;
  }

  private static KafkaConsumer<String, byte[]> resultReader(KafkaSettings kafka) {
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.clientProperties(Map.of(
        ConsumerConfig.GROUP_ID_CONFIG, "it-results",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")), new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of("vision.segments"));
    return consumer;
  }

  /** Files the OK results that arrived under the id of the worker that sent them; true, to chain a condition. */
  private static boolean read(KafkaConsumer<String, byte[]> consumer, Map<String, Set<Long>> answeredBy) {
    AvroDeserializer<SegmentResult> results = new AvroDeserializer<>(SegmentResult.getClassSchema());
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      SegmentResult result = results.deserialize(record.topic(), record.value());
      assertThat(result.getStatus()).as("status of %s#%d", result.getCameraId(), result.getSequence())
          .isEqualTo(SegmentStatus.OK);
      answeredBy.computeIfAbsent(result.getWorkerId(), w -> new HashSet<>())
          .add(CAMERAS.indexOf(result.getCameraId()) * FRAMES + result.getSequence());
    }
    return true;
  }

  private static long answered(Map<String, Set<Long>> answeredBy, String worker) {
    return answeredBy.getOrDefault(worker, Set.of()).size();
  }

  private static List<Long> unanswered(Map<String, Set<Long>> answeredBy) {
    Set<Long> all = new HashSet<>();
    answeredBy.values().forEach(all::addAll);
    return LongStream.range(0, CAMERAS.size() * FRAMES).filter(frame -> !all.contains(frame)).boxed().toList();
  }

  /** Fails, with the child's output, once the worker meant to be killed has ended on its own. */
  private boolean alive(Process child) {
    if (child.isAlive()) {
      return true;
    }
    String log;
    try {
      log = Files.readString(ChildJvm.log(dir, KILLED));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("the child worker ended early:\n" + log);
  }
}
