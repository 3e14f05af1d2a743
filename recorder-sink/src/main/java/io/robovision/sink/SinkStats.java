package io.robovision.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.robovision.sink.analytics.SegmentationAccuracy;
import io.robovision.telemetry.ComponentHealth;
import io.robovision.telemetry.LatencyRecorder;
import io.robovision.telemetry.Telemetry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the sink did, as Micrometer meters: every frame it saw was recorded, or counted as a
 * duplicate, a gap (recorded as a DROPPED repeat or ending a segment) or unusable; and the segment files it closed and
 * deleted. Also holds the sink's health and the exact latency distribution
 * of the whole run for the summary.
 */
public final class SinkStats {
  private final Telemetry telemetry;
  private final ComponentHealth health;
  private final List<String> classes;
  private final Counter framesConsumed;
  private final Counter resultsConsumed;
  private final Counter recorded;
  private final Counter duplicates;
  private final Counter gaps;
  private final Counter unreadable;
  private final Counter undecodable;
  private final Counter withoutMask;
  private final Counter skipped;
  private final Counter dropped;
  private final Counter segmentsClosed;
  private final Counter segmentsDeleted;
  private final Counter partsDeleted;
  private final Counter resent;
  private final Timer render;
  private final Timer encode;
  private final AtomicLong lag = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();
  private final Map<String, AtomicLongArray> coverage = new ConcurrentHashMap<>();
  private final LatencyRecorder latency;
  private final SegmentationAccuracy accuracy;

  public SinkStats(Telemetry telemetry, List<String> classes) {
    this.telemetry = telemetry;
    this.health = telemetry.component("recorder-sink");
    this.classes = List.copyOf(classes);
    this.accuracy = new SegmentationAccuracy(classes.size());
    MeterRegistry registry = telemetry.registry();
    this.framesConsumed = Counter.builder("vision.sink.records.consumed").tag("topic", "frames")
        .description("records read from the topic").register(registry);
    this.resultsConsumed = Counter.builder("vision.sink.records.consumed").tag("topic", "segments")
        .description("records read from the topic").register(registry);
    this.recorded = counter(registry, "vision.sink.frames.recorded", "frames written to the video and the analytics");
    this.duplicates = counter(registry, "vision.sink.frames.duplicates", "frames or results seen twice and dropped");
    this.gaps = counter(registry, "vision.sink.frames.gaps",
        "sequence numbers given up on because the frame or its result never arrived");
    this.unreadable = counter(registry, "vision.sink.records.unreadable",
        "records that are not valid Avro of the expected schema");
    this.undecodable = counter(registry, "vision.sink.frames.undecodable",
        "frames whose image could not be decoded or drawn");
    this.withoutMask = counter(registry, "vision.sink.frames.without.mask",
        "frames recorded without a mask because their result was FAILED, or SKIPPED before any mask was known");
    this.skipped = counter(registry, "vision.sink.frames.skipped",
        "SKIPPED results (worker overloaded) recorded with the camera's last known mask");
    this.dropped = counter(registry, "vision.sink.frames.dropped",
        "given-up sequence numbers written as a repeat of the previous picture with a DROPPED row");
    this.segmentsClosed = counter(registry, "vision.sink.segments.closed", "segment files finished and renamed to .mp4");
    this.segmentsDeleted = counter(registry, "vision.sink.segments.deleted",
        "closed segments deleted by retention (sink.retention.hours, sink.retention.bytes)");
    this.partsDeleted = counter(registry, "vision.sink.parts.deleted",
        "unfinished .part segments of an earlier run deleted on start; their frames are recorded again");
    this.resent = counter(registry, "vision.sink.rows.resent",
        "analytics rows, detection rows and dead letters sent again after their delivery failed");
    this.latency = new LatencyRecorder(telemetry.latency("vision.sink.latency",
        "end-to-end latency, capture to recording"));
    this.render = telemetry.latency("vision.sink.stage", "time per frame in one stage of the sink: image and mask"
        + " decoding, scoring against ground truth and drawing, on a render thread", "stage", "render");
    this.encode = telemetry.latency("vision.sink.stage", "time per frame in one stage of the sink: H.264 encoding and"
        + " writing, on the consumer thread", "stage", "encode");
    Gauge.builder("vision.sink.lag", lag, AtomicLong::get).baseUnit("records")
        .description("records of the frames and segments topics not yet consumed, as of the last poll")
        .register(registry);
    Gauge.builder("vision.sink.pending", pending, AtomicLong::get).baseUnit("records")
        .description("frames and results held back waiting for their partner or an earlier frame").register(registry);
    Gauge.builder("vision.sink.miou", accuracy, SegmentationAccuracy::meanIou)
        .description("mean IoU of the recorded masks against ground truth (synthetic sources only)").register(registry);
  }

  private static Counter counter(MeterRegistry registry, String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }

  public void consumed(boolean frame) {
    (frame ? framesConsumed : resultsConsumed).increment();
  }

  public void recorded(long latencyMillis) {
    recorded.increment();
    latency.record(latencyMillis);
  }

  /** One frame's decoding, scoring and drawing on a render thread. */
  public void rendered(long nanos) {
    render.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** One picture's H.264 encoding and writing, repeats included. */
  public void encoded(long nanos) {
    encode.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The class shares of a camera's latest recorded frame; classes not in it are 0. */
  public void coverage(String camera, Map<String, Float> shares) {
    AtomicLongArray values = coverage.computeIfAbsent(camera, this::coverageGauges);
    for (int i = 0; i < classes.size(); i++) {
      Float share = shares.get(classes.get(i));
      values.set(i, Double.doubleToLongBits(share == null ? 0 : share));
    }
  }

  private AtomicLongArray coverageGauges(String camera) {
    AtomicLongArray values = new AtomicLongArray(classes.size());
    for (int i = 0; i < classes.size(); i++) {
      int index = i;
      Gauge.builder("vision.sink.class.coverage", values, v -> Double.longBitsToDouble(v.get(index)))
          .description("share of the pixels of the camera's latest recorded frame that show the class")
          .tags("camera", camera, "class", classes.get(i)).register(telemetry.registry());
    }
    return values;
  }

  public void duplicates(long count) {
    duplicates.increment(count);
  }

  public void gaps(long count) {
    gaps.increment(count);
  }

  public void unreadable() {
    unreadable.increment();
  }

  public void undecodable() {
    undecodable.increment();
  }

  public void withoutMask() {
    withoutMask.increment();
  }

  public void lag(long records) {
    lag.set(records);
  }

  public void pending(long records) {
    pending.set(records);
  }

  public void skipped() {
    skipped.increment();
  }

  public void dropped(long count) {
    dropped.increment(count);
  }

  public void segmentClosed() {
    segmentsClosed.increment();
  }

  public void segmentsDeleted(long count) {
    segmentsDeleted.increment(count);
  }

  public void partsDeleted(long count) {
    partsDeleted.increment(count);
  }

  public void resent(long count) {
    resent.increment(count);
  }

  public long recordedCount() {
    return (long) recorded.count();
  }

  public long duplicateCount() {
    return (long) duplicates.count();
  }

  /** Sequence numbers given up on because the frame or its result never arrived. */
  public long gapCount() {
    return (long) gaps.count();
  }

  /** Records that are not valid Avro of the expected schema (the worker dead-letters frames like these). */
  public long unreadableCount() {
    return (long) unreadable.count();
  }

  /** Frames whose image could not be decoded; not recorded. */
  public long undecodableCount() {
    return (long) undecodable.count();
  }

  /** Frames recorded without a mask because their result was FAILED, or SKIPPED before any mask was known. */
  public long withoutMaskCount() {
    return (long) withoutMask.count();
  }

  /** SKIPPED results (the worker was overloaded), recorded with the camera's last known mask and detections. */
  public long skippedCount() {
    return (long) skipped.count();
  }

  /** Given-up sequence numbers written as a repeat of the previous frame, with analytics status DROPPED. */
  public long droppedCount() {
    return (long) dropped.count();
  }

  /** Rows and dead letters sent again because their first delivery failed; none is lost. */
  public long resentCount() {
    return (long) resent.count();
  }

  /** Segment files finished and renamed to .mp4. */
  public long segmentsClosedCount() {
    return (long) segmentsClosed.count();
  }

  /** Closed segments deleted by retention (sink.retention.hours, sink.retention.bytes). */
  public long segmentsDeletedCount() {
    return (long) segmentsDeleted.count();
  }

  /** Unfinished .part segments of an earlier run deleted on start; their frames are recorded again. */
  public long partsDeletedCount() {
    return (long) partsDeleted.count();
  }

  /** End-to-end latency: exact over the whole run for the summary, and its live timer. */
  public LatencyRecorder latency() {
    return latency;
  }

  public SegmentationAccuracy accuracy() {
    return accuracy;
  }

  /** IoU against ground truth so far of every class in the truth or the masks, by class name, in class order. */
  public Map<String, Double> iouByClass() {
    Map<String, Double> iou = new LinkedHashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      double value = accuracy.iou(c);
      if (!Double.isNaN(value)) {
        iou.put(classes.get(c), Math.round(value * 10_000) / 10_000.0);
      }
    }
    return iou;
  }

  /** Liveness and readiness of the sink: ready while it has partitions to consume. */
  public ComponentHealth health() {
    return health;
  }

  public Telemetry telemetry() {
    return telemetry;
  }
}
