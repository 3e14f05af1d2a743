package io.robovision.worker.pipeline;

import java.util.concurrent.TimeUnit;

/**
 * When the poll loop next commits offsets: at most once per interval, instead of asking the group coordinator after
 * every 50 ms poll. A longer interval means fewer commit requests and, after a crash, more frames done again.
 */
public final class CommitSchedule {
  private final long intervalNanos;
  private boolean started;
  private long lastNanos;

  /** An interval of 0 commits after every poll. */
  public CommitSchedule(long intervalMs) {
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMs);
  }

  /** True, starting the next interval, when the interval has passed since the last time it was true, or never was. */
  public boolean due(long nowNanos) {
    if (started && nowNanos - lastNanos < intervalNanos) {
      return false;
    }
    started = true;
    lastNanos = nowNanos;
    return true;
  }
}
