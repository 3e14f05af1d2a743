package io.robovision.worker.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Records of the assigned partitions not yet consumed, from their end offsets, asked for at most once a second. The
 * consumer's own {@code currentLag} comes from the high watermark of its last fetch, which stops moving while the
 * worker pauses its partitions (a full queue): under overload it showed the lag shrinking while the backlog grew.
 */
public final class TopicLag {
  private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** Short, since the poll loop waits for it; with the broker away the last figure stands. */
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private final Consumer<?, ?> consumer;
  private boolean read;
  private long readAtNanos;
  private long records;

  public TopicLag(Consumer<?, ?> consumer) {
    this.consumer = consumer;
  }

  /** Called from the poll loop, the consumer's thread; returns the latest figure. */
  public long update(long nowNanos) {
    if (read && nowNanos - readAtNanos < REFRESH_NANOS) {
      return records;
    }
    read = true;
    readAtNanos = nowNanos;
    Set<TopicPartition> assigned = consumer.assignment();
    try {
      long total = 0;
      for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(assigned, TIMEOUT).entrySet()) {
        total += Math.max(0, end.getValue() - consumer.position(end.getKey(), Duration.ZERO));
      }
      records = total;
    } catch (TimeoutException e) {
      // No answer in time, or a partition without a position yet: keep the last figure until the next second.
    }
    return records;
  }
}
