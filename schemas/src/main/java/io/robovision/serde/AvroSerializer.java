package io.robovision.serde;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer that writes Avro's single-object encoding (C3 01 marker, 64-bit schema fingerprint, body). */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {
  private final BinaryMessageEncoder<T> encoder;
  private final String recordName;

  public AvroSerializer(Schema schema) {
    this.encoder = new BinaryMessageEncoder<>(SpecificData.getForSchema(schema), schema);
    this.recordName = schema.getName();
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    try {
      ByteBuffer buffer = encoder.encode(data);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (Exception e) {
      throw new SerializationException(
          "cannot encode " + recordName + " for topic " + topic + ": " + e.getMessage(), e);
    }
  }
}
