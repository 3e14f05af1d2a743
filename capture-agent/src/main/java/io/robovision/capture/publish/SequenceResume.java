package io.robovision.capture.publish;

import io.robovision.config.KafkaSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Finds where a restarted camera left off, so that its sequence numbers go on instead of starting
 * again at 0 (which downstream would take for duplicates). It reads the tail of the camera's partition.
 */
public final class SequenceResume {
  private final KafkaSettings kafka;
  private final String topic;
  private final int window;

  public SequenceResume(KafkaSettings kafka, String topic, int window) {
    this.kafka = kafka;
    this.topic = topic;
    this.window = window;
  }

  /** The sequence number the camera's next frame should carry: 0 for a camera never seen. */
  public long nextSequence(String cameraId) {
    Map<String, Object> properties = kafka.clientProperties(Map.of(
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.CLIENT_ID_CONFIG, "capture-resume-" + cameraId,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (partitions == null || partitions.isEmpty()) {
        return 0;
      }
      int partition = BuiltInPartitioner.partitionForKey(
          cameraId.getBytes(StandardCharsets.UTF_8), partitions.size());
      TopicPartition tp = new TopicPartition(topic, partition);
      consumer.assign(List.of(tp));
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      long begin = consumer.beginningOffsets(List.of(tp)).get(tp);
      consumer.seek(tp, Math.max(begin, end - window));
      long next = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (consumer.position(tp) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          Header header = record.headers().lastHeader(FramePublisher.SEQUENCE_HEADER);
          if (cameraId.equals(record.key()) && header != null && header.value().length == Long.BYTES) {
            next = Math.max(next, ByteBuffer.wrap(header.value()).getLong() + 1);
          }
        }
      }
      return next;
    }
  }
}
