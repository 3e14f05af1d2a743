package io.robovision.capture.source;

import java.util.concurrent.TimeUnit;

/** Holds a source to a frames-per-second cap without bursting to catch up after a stall. */
public final class FramePacer {
  private final long periodNanos;
  private long nextSlot;

  /** An fps of 0 means no cap. */
  public FramePacer(double fps) {
    this(fps, System.nanoTime());
  }

  FramePacer(double fps, long startNanos) {
    this.periodNanos = fps <= 0 ? 0 : Math.round(1e9 / fps);
    this.nextSlot = startNanos;
  }

  /** Sleeps until the next slot. */
  public void await() throws InterruptedException {
    if (periodNanos == 0) {
      return;
    }
    long wait = nextSlot - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
    nextSlot = Math.max(nextSlot, System.nanoTime() - periodNanos) + periodNanos;
  }

  /** For live sources: true when a frame arriving now is due, false when it comes too early for the cap. */
  public boolean due() {
    return due(System.nanoTime());
  }

  /**
   * As {@link #due()} for a frame arriving at {@code now}. Half a period of slack lets a camera whose own rate equals
   * the cap keep every frame despite arrival jitter; the slots still advance by one period per frame kept, so a faster
   * camera is held to the cap on average.
   */
  boolean due(long now) {
    if (periodNanos == 0) {
      return true;
    }
    if (now < nextSlot - periodNanos / 2) {
      return false;
    }
    nextSlot = Math.max(nextSlot, now - periodNanos / 2) + periodNanos;
    return true;
  }
}
