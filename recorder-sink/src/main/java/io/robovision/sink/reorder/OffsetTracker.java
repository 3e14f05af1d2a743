package io.robovision.sink.reorder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Tracks which consumed offsets are still held, so that a commit never passes a record that has
 * not been fully handled: after a crash everything unfinished is read again. A record written into
 * a video segment stays held until that segment's file is closed, because an unclosed segment is
 * lost in a crash and rewritten from these records.
 */
public final class OffsetTracker {
  private final Map<TopicPartition, TreeSet<Long>> open = new HashMap<>();
  private final Map<TopicPartition, Long> consumed = new HashMap<>();
  private final Map<String, List<Held<?>>> segments = new HashMap<>();

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

  /** Keeps {@code record} held until {@link #segmentClosed} is called for {@code segment}. */
  public void holdUntilClosed(String segment, Held<?> record) {
    segments.computeIfAbsent(segment, s -> new ArrayList<>()).add(record);
  }

  /** The segment's file is complete: every record written into it is done. */
  public void segmentClosed(String segment) {
    List<Held<?>> records = segments.remove(segment);
    if (records != null) {
      records.forEach(record -> done(record.partition(), record.offset()));
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
