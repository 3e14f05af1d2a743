package io.robovision.sink;

import io.robovision.sink.analytics.LatencyRecorder;
import io.robovision.sink.analytics.SegmentationAccuracy;
import java.util.concurrent.atomic.AtomicLong;

/** What the sink did: every frame it saw was recorded, or counted as a duplicate, a gap or unusable. */
public final class SinkStats {
  private final AtomicLong recorded = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong gaps = new AtomicLong();
  private final AtomicLong unreadable = new AtomicLong();
  private final AtomicLong undecodable = new AtomicLong();
  private final AtomicLong withoutMask = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong segmentsClosed = new AtomicLong();
  private final AtomicLong segmentsDeleted = new AtomicLong();
  private final AtomicLong partsDeleted = new AtomicLong();
  private final LatencyRecorder latency = new LatencyRecorder();
  private final SegmentationAccuracy accuracy;

  public SinkStats(int classCount) {
    this.accuracy = new SegmentationAccuracy(classCount);
  }

  public void recorded(long latencyMillis) {
    recorded.incrementAndGet();
    latency.record(latencyMillis);
  }

  public void duplicates(long count) {
    duplicates.addAndGet(count);
  }

  public void gaps(long count) {
    gaps.addAndGet(count);
  }

  public void unreadable() {
    unreadable.incrementAndGet();
  }

  public void undecodable() {
    undecodable.incrementAndGet();
  }

  public void withoutMask() {
    withoutMask.incrementAndGet();
  }

  public void skipped() {
    skipped.incrementAndGet();
  }

  public void dropped(long count) {
    dropped.addAndGet(count);
  }

  public void segmentClosed() {
    segmentsClosed.incrementAndGet();
  }

  public void segmentsDeleted(long count) {
    segmentsDeleted.addAndGet(count);
  }

  public void partsDeleted(long count) {
    partsDeleted.addAndGet(count);
  }

  public long recordedCount() {
    return recorded.get();
  }

  public long duplicateCount() {
    return duplicates.get();
  }

  /** Sequence numbers given up on because the frame or its result never arrived. */
  public long gapCount() {
    return gaps.get();
  }

  /** Records that are not valid Avro of the expected schema (the worker dead-letters frames like these). */
  public long unreadableCount() {
    return unreadable.get();
  }

  /** Frames whose image could not be decoded; not recorded. */
  public long undecodableCount() {
    return undecodable.get();
  }

  /** Frames recorded without a mask because their result was FAILED, or SKIPPED before any mask was known. */
  public long withoutMaskCount() {
    return withoutMask.get();
  }

  /** SKIPPED results (the worker was overloaded), recorded with the camera's last known mask and detections. */
  public long skippedCount() {
    return skipped.get();
  }

  /** Given-up sequence numbers written as a repeat of the previous frame, with analytics status DROPPED. */
  public long droppedCount() {
    return dropped.get();
  }

  /** Segment files finished and renamed to .mp4. */
  public long segmentsClosedCount() {
    return segmentsClosed.get();
  }

  /** Closed segments deleted by retention (sink.retention.hours, sink.retention.bytes). */
  public long segmentsDeletedCount() {
    return segmentsDeleted.get();
  }

  /** Unfinished .part segments of an earlier run deleted on start; their frames are recorded again. */
  public long partsDeletedCount() {
    return partsDeleted.get();
  }

  public LatencyRecorder latency() {
    return latency;
  }

  public SegmentationAccuracy accuracy() {
    return accuracy;
  }
}
