package io.robovision.sink.reorder;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Tracks which consumed offsets are still held in memory, so that a commit never passes a record
 * that has not been fully handled: after a crash everything unfinished is read again.
 */
public final class OffsetTracker {
  private final Map<TopicPartition, TreeSet<Long>> open = new HashMap<>();
  private final Map<TopicPartition, Long> consumed = new HashMap<>();

  public void consumed(TopicPartition partition, long offset) {
    open.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
    consumed.merge(partition, offset, Math::max);
  }

  public void done(TopicPartition partition, long offset) {
    TreeSet<Long> offsets = open.get(partition);
    if (offsets != null) {
      offsets.remove(offset);
    }
  }

  /** For each partition: the lowest offset still open, or one past the highest consumed. */
  public Map<TopicPartition, OffsetAndMetadata> committable() {
    Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
    consumed.forEach((partition, highest) -> {
      TreeSet<Long> offsets = open.get(partition);
      long position = offsets == null || offsets.isEmpty() ? highest + 1 : offsets.first();
      result.put(partition, new OffsetAndMetadata(position));
    });
    return result;
  }

  /** Forgets partitions this consumer no longer owns. */
  public void revoked(Iterable<TopicPartition> partitions) {
    partitions.forEach(partition -> {
      open.remove(partition);
      consumed.remove(partition);
    });
  }
}
