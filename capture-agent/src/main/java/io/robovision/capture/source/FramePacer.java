package io.robovision.capture.source;

import java.util.concurrent.TimeUnit;

/** Holds a source to a frames-per-second cap without bursting to catch up after a stall. */
public final class FramePacer {
  private final long periodNanos;
  private long nextSlot;

  /** An fps of 0 means no cap. */
  public FramePacer(double fps) {
    this.periodNanos = fps <= 0 ? 0 : Math.round(1e9 / fps);
    this.nextSlot = System.nanoTime();
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
    if (periodNanos == 0) {
      return true;
    }
    long now = System.nanoTime();
    if (now < nextSlot) {
      return false;
    }
    nextSlot = Math.max(nextSlot + periodNanos, now - periodNanos / 2);
    return true;
  }
}
