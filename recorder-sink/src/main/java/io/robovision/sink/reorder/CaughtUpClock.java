package io.robovision.sink.reorder;

/**
 * Milliseconds that pass only while the sink has read everything there is to read. A sink that is behind may not
 * yet have read a record it waits for, so that record is not missing yet, however long the sink takes to get there.
 */
public final class CaughtUpClock {
  private long lastWallMillis = -1;
  private long millis;

  /** Counts the time since the previous call if the consumer has now read up to the end of every partition. */
  public long tick(long wallMillis, boolean caughtUp) {
    if (caughtUp && lastWallMillis >= 0) {
      millis += Math.max(0, wallMillis - lastWallMillis);
    }
    lastWallMillis = wallMillis;
    return millis;
  }

  /** The time counted so far. */
  public long millis() {
    return millis;
  }
}
