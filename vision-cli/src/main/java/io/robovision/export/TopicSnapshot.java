package io.robovision.export;

import io.robovision.config.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every partition of a topic between fixed offsets: from the first record at or after the range's
 * start to the end offsets seen when the snapshot was taken (or the first record at or after the
 * range's end). Reading it twice gives the same records; nothing is committed.
 */
public final class TopicSnapshot {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final KafkaSettings kafka;
  private final String topic;
  private final TimeRange range;
  private final Map<TopicPartition, Long> starts = new HashMap<>();
  private final Map<TopicPartition, Long> ends = new HashMap<>();

  public TopicSnapshot(KafkaSettings kafka, String topic, TimeRange range) {
    this.kafka = kafka;
    this.topic = topic;
    this.range = range;
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalArgumentException("topic '" + topic + "' does not exist on " + kafka.bootstrapServers()
            + " (--topic)");
      }
      List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      ends.putAll(consumer.endOffsets(partitions, TIMEOUT));
      starts.putAll(range.from() == null ? consumer.beginningOffsets(partitions, TIMEOUT)
          : offsetsAt(consumer, partitions, range.from().toEpochMilli(), ends));
      if (range.to() != null) {
        offsetsAt(consumer, partitions, range.to().toEpochMilli(), ends)
            .forEach((partition, offset) -> ends.merge(partition, offset, Math::min));
      }
    }
  }

  public String topic() {
    return topic;
  }

  public int partitions() {
    return ends.size();
  }

  /** Offsets between the start and end positions, over all partitions (transaction markers included). */
  public long span() {
    return ends.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - starts.get(e.getKey()))).sum();
  }

  /** Hands every record of the snapshot whose timestamp lies in the range to {@code sink}, partition by partition. */
  public void read(Consumer<ConsumerRecord<String, byte[]>> sink) {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> pending = new ArrayList<>();
      ends.forEach((partition, end) -> {
        if (starts.get(partition) < end) {
          pending.add(partition);
        }
      });
      consumer.assign(pending);
      pending.forEach(partition -> consumer.seek(partition, starts.get(partition)));
      while (!pending.isEmpty()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (record.offset() < ends.get(partition) && range.contains(record.timestamp())) {
            sink.accept(record);
          }
        }
        pending.removeIf(partition -> consumer.position(partition, TIMEOUT) >= ends.get(partition));
        consumer.assign(pending);
      }
    }
  }

  private KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(kafka.clientProperties(Map.of(
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, KafkaSettings.MAX_RECORD_BYTES)),
        new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** The first offset at or after {@code millis} per partition; the end offset where no record is that late. */
  private static Map<TopicPartition, Long> offsetsAt(KafkaConsumer<String, byte[]> consumer,
      List<TopicPartition> partitions, long millis, Map<TopicPartition, Long> ends) {
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(partition -> query.put(partition, millis));
    Map<TopicPartition, Long> offsets = new HashMap<>();
    consumer.offsetsForTimes(query, TIMEOUT).forEach((partition, found) ->
        offsets.put(partition, found == null ? ends.get(partition) : found.offset()));
    return offsets;
  }
}
