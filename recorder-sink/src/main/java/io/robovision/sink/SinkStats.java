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

  /** Frames recorded without a mask because their result was FAILED or SKIPPED. */
  public long withoutMaskCount() {
    return withoutMask.get();
  }

  public LatencyRecorder latency() {
    return latency;
  }

  public SegmentationAccuracy accuracy() {
    return accuracy;
  }
}
