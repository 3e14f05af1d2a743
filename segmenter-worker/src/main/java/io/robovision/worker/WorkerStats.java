package io.robovision.worker;

import java.util.concurrent.atomic.AtomicLong;

/** What a worker did with the frames it consumed. */
public final class WorkerStats {
  private final AtomicLong consumed = new AtomicLong();
  private final AtomicLong segmented = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong inferenceNanos = new AtomicLong();
  private final AtomicLong lag = new AtomicLong();

  public void consumed() {
    consumed.incrementAndGet();
  }

  public void segmented(long inferenceTimeNanos) {
    segmented.incrementAndGet();
    inferenceNanos.addAndGet(inferenceTimeNanos);
  }

  public void failed() {
    failed.incrementAndGet();
  }

  public void skipped() {
    skipped.incrementAndGet();
  }

  public void deadLettered() {
    deadLettered.incrementAndGet();
  }

  public void lag(long records) {
    lag.set(records);
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

  public double meanInferenceMillis() {
    long count = segmented.get();
    return count == 0 ? 0 : inferenceNanos.get() / 1e6 / count;
  }
}
