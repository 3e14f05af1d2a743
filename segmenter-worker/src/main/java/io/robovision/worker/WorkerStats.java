package io.robovision.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.robovision.schemas.StageTimings;
import io.robovision.telemetry.ComponentHealth;
import io.robovision.telemetry.Telemetry;
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
  private final Timer queue;
  private final Timer decode;
  private final Timer inference;
  private final Timer detection;
  private final Timer encode;
  private final AtomicLong lag = new AtomicLong();

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
    this.skipped = Counter.builder("vision.worker.frames.skipped").description("frames skipped without inference")
        .register(registry);
    this.deadLettered = Counter.builder("vision.worker.frames.deadlettered")
        .description("records sent to the dead-letter topic").register(registry);
    Gauge.builder("vision.worker.lag", lag, AtomicLong::get).baseUnit("records")
        .description("records of the frames topic not yet consumed, as of the last poll").register(registry);
    this.queue = stage("queue", "capture to the worker's poll");
    this.decode = stage("decode", "JPEG decode");
    this.inference = stage("inference", "segmentation model, pre- and post-processing included");
    this.detection = stage("detection", "detection model, pre- and post-processing and NMS included");
    this.encode = stage("encode", "mask PNG encode and result building");
  }

  private Timer stage(String stage, String description) {
    return telemetry.latency("vision.worker.stage", "time per frame in one stage of the worker: " + description,
        "stage", stage);
  }

  public void consumed() {
    consumed.increment();
  }

  /** Counts a segmented frame; its time per stage comes from {@link #stages}. */
  public void segmented(long inferenceTimeNanos) {
    segmented.increment();
  }

  /** Records the stages a frame went through; a stage that did not run is 0 and left out. */
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

  public void skipped() {
    skipped.increment();
  }

  public void deadLettered() {
    deadLettered.increment();
  }

  public void lag(long records) {
    lag.set(records);
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

  /** Mean time in the models (segmentation plus detection) per frame. */
  public double meanInferenceMillis() {
    long frames = Math.max(inference.count(), detection.count());
    return frames == 0 ? 0
        : (inference.totalTime(TimeUnit.MILLISECONDS) + detection.totalTime(TimeUnit.MILLISECONDS)) / frames;
  }

  /** Liveness and readiness of the worker: ready while it has partitions of the frames topic. */
  public ComponentHealth health() {
    return health;
  }

  public Telemetry telemetry() {
    return telemetry;
  }
}
