package io.robovision.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.robovision.schemas.Instance;
import io.robovision.schemas.StageTimings;
import io.robovision.telemetry.ComponentHealth;
import io.robovision.telemetry.LatencyRecorder;
import io.robovision.telemetry.Telemetry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** What a worker did with the frames it consumed, as Micrometer meters, and the worker's health. */
public final class WorkerStats {
  private final Telemetry telemetry;
  private final ComponentHealth health;
  private final Counter consumed;
  private final Counter segmented;
  private final Counter failed;
  private final Counter skipped;
  private final Counter deadLettered;
  private final Counter modelSeconds;
  private final DistributionSummary batches;
  private final Timer queue;
  private final Timer decode;
  private final Timer inference;
  private final Timer detection;
  private final Timer encode;
  private final LatencyRecorder resultLatency;
  private final AtomicLong lag = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private final Map<String, Counter> instances = new ConcurrentHashMap<>();

  public WorkerStats(Telemetry telemetry) {
    this.telemetry = telemetry;
    this.health = telemetry.component("segmenter-worker");
    MeterRegistry registry = telemetry.registry();
    this.consumed = Counter.builder("vision.worker.frames.consumed").description("frame records polled")
        .register(registry);
    this.segmented = Counter.builder("vision.worker.frames.segmented").description("frames the models ran on")
        .register(registry);
    this.failed = Counter.builder("vision.worker.frames.failed").description("frames the models failed on")
        .register(registry);
    this.skipped = Counter.builder("vision.worker.frames.skipped")
        .description("frames answered SKIPPED without inference because their camera fell behind"
            + " (worker.max.frame.age.ms)")
        .register(registry);
    this.deadLettered = Counter.builder("vision.worker.frames.deadlettered")
        .description("records sent to the dead-letter topic").register(registry);
    this.modelSeconds = Counter.builder("vision.worker.model.busy").baseUnit("seconds")
        .description("time the predictors spent in the models; its rate is the number of busy predictors")
        .register(registry);
    this.batches = DistributionSummary.builder("vision.worker.batch.size").baseUnit("frames")
        .description("frames per batch that went through the models together (worker.batch.size)")
        .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64)
        .register(registry);
    Gauge.builder("vision.worker.lag", lag, AtomicLong::get).baseUnit("records")
        .description("records of the frames topic not yet consumed, from its end offsets at most a second ago")
        .register(registry);
    Gauge.builder("vision.worker.inflight", inFlight, AtomicLong::get).baseUnit("records")
        .description("polled records not yet answered: decoding, waiting for a predictor, in the model or being sent")
        .register(registry);
    this.queue = stage("queue", "capture to the model, decoding left out");
    this.decode = stage("decode", "Avro and JPEG decode");
    this.inference = stage("inference", "segmentation model of the frame's batch, pre- and post-processing included");
    this.detection = stage("detection", "detection model of the frame's batch, pre- and post-processing and NMS"
        + " included");
    this.encode = stage("encode", "mask PNG encode and result building");
    this.resultLatency = new LatencyRecorder(telemetry.latency("vision.worker.latency",
        "capture to the result handed to the producer, SKIPPED and FAILED results included"));
  }

  private Timer stage(String stage, String description) {
    return telemetry.latency("vision.worker.stage", "time per frame in one stage of the worker: " + description,
        "stage", stage);
  }

  public void consumed() {
    consumed.increment();
  }

  /** A frame went through the models; {@code inferenceTimeNanos} is its share of its batch's time. */
  public void segmented(long inferenceTimeNanos) {
    segmented.increment();
    modelSeconds.increment(inferenceTimeNanos / 1e9);
  }

  /** One result sent, {@code latencyMillis} after its frame's capture. */
  public void answered(long latencyMillis) {
    resultLatency.record(latencyMillis);
  }

  /** Capture to result sent, over every result of the run; what worker.max.frame.age.ms bounds. */
  public LatencyRecorder resultLatency() {
    return resultLatency;
  }

  /** Records the stages of one result; a stage that did not run is 0 and left out. */
  public void stages(StageTimings timings) {
    record(queue, timings.getQueueMs());
    record(decode, timings.getDecodeMs());
    record(inference, timings.getInferenceMs());
    record(detection, timings.getDetectionMs());
    record(encode, timings.getEncodeMs());
  }

  private static void record(Timer timer, double millis) {
    if (millis > 0) {
      timer.record(Math.round(millis * 1e6), TimeUnit.NANOSECONDS);
    }
  }

  public void failed() {
    failed.increment();
  }

  /** A frame answered SKIPPED because its camera fell behind (worker.max.frame.age.ms). */
  public void skipped() {
    skipped.increment();
  }

  public void deadLettered() {
    deadLettered.increment();
  }

  public void lag(long records) {
    lag.set(records);
  }

  /** One batch of {@code size} frames went through the models together. */
  public void batch(int size) {
    batches.record(size);
  }

  /** The instances found in one segmented frame. */
  public void instances(List<Instance> found) {
    for (Instance instance : found) {
      instances.computeIfAbsent(instance.getName(), name -> Counter.builder("vision.worker.instances")
          .description("instances (connected mask components) found, per class").tag("class", name)
          .register(telemetry.registry())).increment();
    }
  }

  /** Polled records not yet answered. */
  public void inFlight(long records) {
    inFlight.set(records);
  }

  public long consumedCount() {
    return (long) consumed.count();
  }

  public long segmentedCount() {
    return (long) segmented.count();
  }

  public long failedCount() {
    return (long) failed.count();
  }

  public long skippedCount() {
    return (long) skipped.count();
  }

  public long deadLetteredCount() {
    return (long) deadLettered.count();
  }

  /** Records of the frames topic not yet consumed by this worker, as of its last poll. */
  public long lagRecords() {
    return lag.get();
  }

  /** Records polled and not yet answered: decoding, waiting for a predictor, in the model or being sent. */
  public long inFlightRecords() {
    return inFlight.get();
  }

  /** Mean model time per segmented frame (a batch's time shared among its frames). */
  public double meanInferenceMillis() {
    double count = segmented.count();
    return count == 0 ? 0 : modelSeconds.count() * 1e3 / count;
  }

  public long batchCount() {
    return batches.count();
  }

  public double meanBatchSize() {
    return batches.mean();
  }

  /** Instances found so far per class name, summed over the segmented frames. */
  public Map<String, Long> instanceCounts() {
    Map<String, Long> counts = new TreeMap<>();
    instances.forEach((name, count) -> counts.put(name, (long) count.count()));
    return counts;
  }

  public long instanceCount() {
    return instances.values().stream().mapToLong(count -> (long) count.count()).sum();
  }

  /** Liveness and readiness of the worker: ready while it has partitions of the frames topic. */
  public ComponentHealth health() {
    return health;
  }

  public Telemetry telemetry() {
    return telemetry;
  }
}
