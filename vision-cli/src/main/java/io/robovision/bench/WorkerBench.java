package io.robovision.bench;

import io.robovision.config.KafkaSettings;
import io.robovision.config.Settings;
import io.robovision.config.Topics;
import io.robovision.schemas.SegmentResult;
import io.robovision.schemas.SegmentStatus;
import io.robovision.serde.AvroDeserializer;
import io.robovision.telemetry.Telemetry;
import io.robovision.worker.SegmenterWorker;
import io.robovision.worker.WorkerConfig;
import io.robovision.worker.WorkerMain;
import io.robovision.worker.WorkerStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Runs one segmenter worker over frames already waiting in the frames topic and times the results
 * as they arrive: frames per second once warmed up, and each frame's latency from the worker's
 * poll to the result reaching a consumer (capture time + the result's queue time = the poll).
 */
final class WorkerBench {
  static final String DEAD_LETTER_TOPIC = "bench.deadletter";
  static final String WARMUP_LABEL = "warmup";

  private final KafkaSettings kafka;
  private final String framesTopic;

  WorkerBench(KafkaSettings kafka, String framesTopic) {
    this.kafka = kafka;
    this.framesTopic = framesTopic;
  }

  /** {@code overrides} are extra worker settings, e.g. worker.batch.size; the model settings come first. */
  BenchReport.WorkerFigures run(String label, BenchOptions options, Path model, long frames,
      Map<String, String> overrides) throws InterruptedException {
    return run(label, "bench-" + label, options, model, frames, overrides);
  }

  /**
   * Runs the worker with {@code model} over the frames again and again, each pass a new consumer group, until
   * {@code time} has passed: the embedded broker's and the clients' request paths are driven by time as much as by
   * frames, and on a small machine the JIT is still compiling them minutes in, on the cores the model needs. JMH warms
   * up (a) the same way. Returns each pass's figures, which show the pipeline settling.
   */
  List<BenchReport.WorkerFigures> warmUp(BenchOptions options, Path model, long frames, Map<String, String> overrides,
      Duration time, Consumer<BenchReport.WorkerFigures> progress) throws InterruptedException {
    List<BenchReport.WorkerFigures> passes = new ArrayList<>();
    long end = System.nanoTime() + time.toNanos();
    while (System.nanoTime() - end < 0) {
      BenchReport.WorkerFigures pass = run(WARMUP_LABEL, "bench-warmup-" + (passes.size() + 1), options, model,
          frames, overrides);
      progress.accept(pass);
      passes.add(pass);
    }
    return passes;
  }

  /**
   * One more untimed pass, with the measured model: the paths that only its masks take (instances of several classes,
   * PNGs of many) are compiled before the clock starts too. Without it the JIT still took 5 % of the CPU in the first
   * timed run after 30 s of warm-up with the trivial model.
   */
  BenchReport.WorkerFigures warmUpOnce(BenchOptions options, Path model, long frames, Map<String, String> overrides,
      int pass) throws InterruptedException {
    return run(WARMUP_LABEL, "bench-warmup-" + pass, options, model, frames, overrides);
  }

  private BenchReport.WorkerFigures run(String label, String group, BenchOptions options, Path model, long frames,
      Map<String, String> overrides) throws InterruptedException {
    String segments = segmentsTopic(label);
    Map<String, String> values = new LinkedHashMap<>();
    values.put(KafkaSettings.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    values.put(Topics.FRAMES, framesTopic);
    values.put(Topics.SEGMENTS, segments);
    values.put(Topics.DEAD_LETTER, DEAD_LETTER_TOPIC);
    values.put(WorkerConfig.GROUP_ID, group);
    values.put(WorkerConfig.MODEL_PATH, model.toString());
    values.put(WorkerConfig.MODEL_CLASSES, options.classes().toString());
    values.put(WorkerConfig.INPUT_WIDTH, Integer.toString(options.width()));
    values.put(WorkerConfig.INPUT_HEIGHT, Integer.toString(options.height()));
    values.put(WorkerConfig.DETECTOR_ENABLED, "false");
    values.putAll(overrides);
    try (Telemetry telemetry = new Telemetry()) {
      return measure(label, model, frames, overrides, segments,
          WorkerMain.start(WorkerConfig.from(new Settings(values)), new WorkerStats(telemetry)));
    }
  }

  private BenchReport.WorkerFigures measure(String label, Path model, long frames,
      Map<String, String> overrides, String segments, SegmenterWorker worker) throws InterruptedException {
    long warmup = Math.max(1, Math.min(20, frames / 5));
    Histogram latency = new Histogram(3);
    AvroDeserializer<SegmentResult> results = new AvroDeserializer<>(SegmentResult.getClassSchema());
    long received = 0;
    long failed = 0;
    long warmNanos = 0;
    long lastNanos = 0;
    // From the topic's current end: the warm-up passes share one results topic.
    try (KafkaConsumer<String, byte[]> consumer = fromEnd(kafka, segments)) {
      Thread thread = new Thread(worker, "bench-worker-" + label);
      long started = System.nanoTime();
      thread.start();
      long deadline = System.currentTimeMillis() + Duration.ofMinutes(2).toMillis() + frames * 2_000;
      try {
        while (received < frames && thread.isAlive() && System.currentTimeMillis() < deadline) {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            long now = System.currentTimeMillis();
            SegmentResult result = results.deserialize(record.topic(), record.value());
            received++;
            if (result.getStatus() != SegmentStatus.OK) {
              failed++;
            }
            if (received == warmup) {
              warmNanos = System.nanoTime();
            } else if (received > warmup) {
              long polled = result.getCaptureTime().toEpochMilli() + Math.round(result.getTimings().getQueueMs());
              latency.recordValue(Math.max(0, now - polled));
            }
            lastNanos = System.nanoTime();
          }
        }
      } finally {
        worker.stop();
        thread.join();
      }
      if (received < frames) {
        throw new IllegalStateException("bench run '" + label + "': only " + received + " of " + frames
            + " results arrived on topic " + segments);
      }
      Map<String, Double> latencyMs = new LinkedHashMap<>();
      latencyMs.put("p50", (double) latency.getValueAtPercentile(50));
      latencyMs.put("p99", (double) latency.getValueAtPercentile(99));
      latencyMs.put("max", (double) latency.getMaxValue());
      return new BenchReport.WorkerFigures(label, model.getFileName().toString(), frames, warmup,
          (frames - warmup) / Math.max(1e-9, (lastNanos - warmNanos) / 1e9),
          frames / Math.max(1e-9, (lastNanos - started) / 1e9), latencyMs, failed, overrides);
    }
  }

  /** The results topic of the run with this label. */
  static String segmentsTopic(String label) {
    return "bench.segments." + label;
  }

  /** A consumer assigned to every partition of {@code topic}, from its start. */
  static KafkaConsumer<String, byte[]> fromStart(KafkaSettings kafka, String topic) {
    KafkaConsumer<String, byte[]> consumer = assigned(kafka, topic);
    consumer.seekToBeginning(consumer.assignment());
    return consumer;
  }

  /** A consumer assigned to every partition of {@code topic}, from the records that arrive after this call. */
  static KafkaConsumer<String, byte[]> fromEnd(KafkaSettings kafka, String topic) {
    KafkaConsumer<String, byte[]> consumer = assigned(kafka, topic);
    consumer.seekToEnd(consumer.assignment());
    // seekToEnd is lazy: looking the positions up now keeps records produced before the first poll.
    consumer.assignment().forEach(consumer::position);
    return consumer;
  }

  private static KafkaConsumer<String, byte[]> assigned(KafkaSettings kafka, String topic) {
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.clientProperties(Map.of(
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, KafkaSettings.MAX_RECORD_BYTES)),
        new StringDeserializer(), new ByteArrayDeserializer());
    consumer.assign(consumer.partitionsFor(topic).stream()
        .map(info -> new TopicPartition(topic, info.partition())).toList());
    return consumer;
  }
}
