package io.robovision.worker.pipeline;

import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The records of one partition handed to the pipeline and which of them are finished; results come back out of
 * order, so the offset to commit is that of the oldest unfinished record (or the next one when all are finished).
 */
public final class PartitionProgress {
  private final TreeSet<Long> unfinished = new TreeSet<>();
  private long next = -1;

  /** Records arrive in offset order from the consumer. */
  public synchronized void started(long offset) {
    if (offset < next) {
      throw new IllegalStateException("offset " + offset + " started after " + (next - 1));
    }
    unfinished.add(offset);
    next = offset + 1;
  }

  /** The record's results and dead letters are acknowledged by the broker. */
  public synchronized void finished(long offset) {
    unfinished.remove(offset);
  }

  /** The offset up to which every record is finished (Kafka's "next offset to read"); empty before the first. */
  public synchronized OptionalLong committable() {
    if (next < 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(unfinished.isEmpty() ? next : unfinished.first());
  }
}
