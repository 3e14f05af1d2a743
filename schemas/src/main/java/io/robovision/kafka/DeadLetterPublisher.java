package io.robovision.kafka;

import io.robovision.schemas.DeadLetter;
import io.robovision.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Sends a record that could not be processed, whole and with the reason, to the dead-letter topic. */
public final class DeadLetterPublisher {
  private final Producer<String, byte[]> producer;
  private final String topic;
  private final String component;
  private final AvroSerializer<DeadLetter> serializer = new AvroSerializer<>(DeadLetter.getClassSchema());

  public DeadLetterPublisher(Producer<String, byte[]> producer, String topic, String component) {
    this.producer = producer;
    this.topic = topic;
    this.component = component;
  }

  public Future<RecordMetadata> publish(ConsumerRecord<String, byte[]> record, Exception reason, Callback callback) {
    return producer.send(letter(record, reason), callback);
  }

  /** The dead letter for {@code record}, for a caller that sends it itself. */
  public ProducerRecord<String, byte[]> letter(ConsumerRecord<String, byte[]> record, Exception reason) {
    DeadLetter letter = DeadLetter.newBuilder()
        .setSourceTopic(record.topic())
        .setSourcePartition(record.partition())
        .setSourceOffset(record.offset())
        .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)))
        .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
        .setReason(reason.getMessage() == null ? reason.toString() : reason.getMessage())
        .setErrorClass(reason.getClass().getName())
        .setComponent(component)
        .setTime(Instant.now())
        .build();
    return new ProducerRecord<>(topic, record.key(), serializer.serialize(topic, letter));
  }
}
