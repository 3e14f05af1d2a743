package io.robovision.serde;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for Avro's single-object encoding; every rejection says what is wrong with
 * the record so that it can be dead-lettered with a useful reason.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
  private static final int HEADER_LENGTH = 10;

  private final BinaryMessageDecoder<T> decoder;
  private final String recordName;
  private final long fingerprint;

  public AvroDeserializer(Schema schema) {
    this.decoder = new BinaryMessageDecoder<>(SpecificData.getForSchema(schema), schema);
    this.recordName = schema.getFullName();
    this.fingerprint = SchemaNormalization.parsingFingerprint64(schema);
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null || data.length == 0) {
      throw new SerializationException(
          "empty record on topic " + topic + ": expected an Avro single-object encoded " + recordName);
    }
    if (data.length < HEADER_LENGTH || data[0] != (byte) 0xC3 || data[1] != (byte) 0x01) {
      throw new SerializationException("record on topic " + topic + " is not Avro single-object encoding"
          + " (no C3 01 header): expected " + recordName + ", got " + data.length + " bytes");
    }
    try {
      return decoder.decode(data);
    } catch (MissingSchemaException e) {
      throw new SerializationException(String.format(Locale.ROOT,
          "unknown schema on topic %s: fingerprint %016x is not %s (fingerprint %016x);"
              + " the producer wrote with a schema this reader does not have - update the reader's schemas",
          topic, readFingerprint(data), recordName, fingerprint), e);
    } catch (java.io.IOException | RuntimeException e) {
      throw new SerializationException(
          "corrupt " + recordName + " on topic " + topic + ": " + e.getMessage(), e);
    }
  }

  /** The fingerprint this deserializer accepts, as Avro's CRC-64-AVRO of the parsing canonical form. */
  public long fingerprint() {
    return fingerprint;
  }

  private static long readFingerprint(byte[] data) {
    return java.nio.ByteBuffer.wrap(data, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
  }
}
