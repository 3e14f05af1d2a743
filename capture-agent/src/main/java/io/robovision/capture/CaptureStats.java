package io.robovision.capture;

import java.util.concurrent.atomic.AtomicLong;

/** What one capture agent did: every grabbed frame ends up published, dropped or failed. */
public final class CaptureStats {
  private final AtomicLong grabbed = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  public void grabbed() {
    grabbed.incrementAndGet();
  }

  public void published(long size) {
    published.incrementAndGet();
    bytes.addAndGet(size);
  }

  public void dropped() {
    dropped.incrementAndGet();
  }

  public void throttled() {
    throttled.incrementAndGet();
  }

  public void failed() {
    failed.incrementAndGet();
  }

  public long grabbedCount() {
    return grabbed.get();
  }

  /** Frames the broker acknowledged. */
  public long publishedCount() {
    return published.get();
  }

  /** Live frames discarded because publishing could not keep up. */
  public long droppedCount() {
    return dropped.get();
  }

  /** Frames the broker refused or never acknowledged. */
  public long failedCount() {
    return failed.get();
  }

  /** Live frames left out on purpose to respect the frames-per-second cap. */
  public long throttledCount() {
    return throttled.get();
  }

  public long publishedBytes() {
    return bytes.get();
  }
}
