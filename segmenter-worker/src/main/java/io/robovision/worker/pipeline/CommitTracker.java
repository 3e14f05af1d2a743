package io.robovision.worker.pipeline;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of the assigned partitions may be committed: only those below every record still in the pipeline.
 * Partitions are tracked from their first record after an assignment; the consumer thread alone calls the methods
 * that change the set of partitions.
 */
public final class CommitTracker {
  private final Map<TopicPartition, PartitionProgress> partitions = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();

  /** Registers a polled record; its job finishes it on the returned progress, even after the partition has moved. */
  public PartitionProgress started(TopicPartition partition, long offset) {
    PartitionProgress progress = partitions.computeIfAbsent(partition, p -> new PartitionProgress());
    progress.started(offset);
    return progress;
  }

  /** Offsets that moved since they were last handed out, for every tracked partition. */
  public Map<TopicPartition, OffsetAndMetadata> changed() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    current(partitions.keySet()).forEach((partition, offset) -> {
      if (!Long.valueOf(offset.offset()).equals(committed.get(partition))) {
        offsets.put(partition, offset);
      }
    });
    offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
    return offsets;
  }

  /** The offsets to commit now for the given partitions, whether or not they were handed out before. */
  public Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> only) {
    Map<TopicPartition, OffsetAndMetadata> offsets = current(only);
    offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
    return offsets;
  }

  private Map<TopicPartition, OffsetAndMetadata> current(Collection<TopicPartition> only) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : only) {
      PartitionProgress progress = partitions.get(partition);
      OptionalLong offset = progress == null ? OptionalLong.empty() : progress.committable();
      if (offset.isPresent()) {
        offsets.put(partition, new OffsetAndMetadata(offset.getAsLong()));
      }
    }
    return offsets;
  }

  /** Where each tracked partition must be read again from so that nothing unfinished is lost. */
  public Map<TopicPartition, Long> rewindPositions() {
    Map<TopicPartition, Long> positions = new HashMap<>();
    partitions.forEach((partition, progress) -> progress.committable()
        .ifPresent(offset -> positions.put(partition, offset)));
    return positions;
  }

  /** Stops tracking partitions that were revoked, lost or rewound; their late results no longer count. */
  public void forget(Collection<TopicPartition> gone) {
    gone.forEach(partition -> {
      partitions.remove(partition);
      committed.remove(partition);
    });
  }

  /** Every partition tracked now. */
  public Collection<TopicPartition> tracked() {
    return List.copyOf(partitions.keySet());
  }
}
