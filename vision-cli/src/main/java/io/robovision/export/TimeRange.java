package io.robovision.export;

import java.time.Instant;

/** Record timestamps from {@code from} (inclusive) to {@code to} (exclusive); a null bound is open. */
public record TimeRange(Instant from, Instant to) {
  public TimeRange {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
    }
  }

  public boolean contains(long timestampMillis) {
    return (from == null || timestampMillis >= from.toEpochMilli()) && (to == null || timestampMillis < to.toEpochMilli());
  }
}
