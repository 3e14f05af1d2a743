package io.robovision.worker;

import io.robovision.schemas.Instance;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What a worker did with the frames it consumed. */
public final class WorkerStats {
  private final AtomicLong consumed = new AtomicLong();
  private final AtomicLong segmented = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong inferenceNanos = new AtomicLong();
  private final AtomicLong lag = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong batchedFrames = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private final Map<String, LongAdder> instances = new ConcurrentHashMap<>();

  public void consumed() {
    consumed.incrementAndGet();
  }

  /** A frame went through the models; {@code inferenceTimeNanos} is its share of its batch's time. */
  public void segmented(long inferenceTimeNanos) {
    segmented.incrementAndGet();
    inferenceNanos.addAndGet(inferenceTimeNanos);
  }

  public void failed() {
    failed.incrementAndGet();
  }

  /** A frame answered SKIPPED because its camera fell behind (worker.max.frame.age.ms). */
  public void skipped() {
    skipped.incrementAndGet();
  }

  public void deadLettered() {
    deadLettered.incrementAndGet();
  }

  public void lag(long records) {
    lag.set(records);
  }

  /** One batch of {@code size} frames went through the models together. */
  public void batch(int size) {
    batches.incrementAndGet();
    batchedFrames.addAndGet(size);
  }

  /** The instances found in one segmented frame. */
  public void instances(List<Instance> found) {
    for (Instance instance : found) {
      instances.computeIfAbsent(instance.getName(), name -> new LongAdder()).increment();
    }
  }

  /** Polled records not yet answered. */
  public void inFlight(long records) {
    inFlight.set(records);
  }

  public long consumedCount() {
    return consumed.get();
  }

  public long segmentedCount() {
    return segmented.get();
  }

  public long failedCount() {
    return failed.get();
  }

  public long skippedCount() {
    return skipped.get();
  }

  public long deadLetteredCount() {
    return deadLettered.get();
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
    long count = segmented.get();
    return count == 0 ? 0 : inferenceNanos.get() / 1e6 / count;
  }

  public long batchCount() {
    return batches.get();
  }

  public double meanBatchSize() {
    long count = batches.get();
    return count == 0 ? 0 : (double) batchedFrames.get() / count;
  }

  /** Instances found so far per class name, summed over the segmented frames. */
  public Map<String, Long> instanceCounts() {
    Map<String, Long> counts = new TreeMap<>();
    instances.forEach((name, count) -> counts.put(name, count.sum()));
    return counts;
  }

  public long instanceCount() {
    return instances.values().stream().mapToLong(LongAdder::sum).sum();
  }
}
