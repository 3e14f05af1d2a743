package io.robovision.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.robovision.schemas.ClassCoverage;
import io.robovision.schemas.Detection;
import io.robovision.schemas.Frame;
import io.robovision.schemas.ImageEncoding;
import io.robovision.schemas.SegmentResult;
import io.robovision.schemas.SegmentStatus;
import io.robovision.schemas.StageTimings;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
  private final AvroSerde<Frame> frames = new AvroSerde<>(Frame.getClassSchema());

  private Frame frame() {
    return Frame.newBuilder().setCameraId("cam-1").setSequence(42).setCaptureTime(Instant.ofEpochMilli(1_700_000_000_123L))
        .setWidth(4).setHeight(2).setEncoding(ImageEncoding.JPEG).setImage(ByteBuffer.wrap(new byte[] {1, 2, 3}))
        .build();
  }

  @Test
  void roundTripsAFrame() {
    byte[] bytes = frames.serializer().serialize("t", frame());
    Frame back = frames.deserializer().deserialize("t", bytes);
    assertThat(back).isEqualTo(frame());
    assertThat(back.getCaptureTime()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    assertThat(back.getGroundTruth()).isNull();
  }

  @Test
  void writesTheSingleObjectHeaderWithTheSchemaFingerprint() {
    byte[] bytes = frames.serializer().serialize("t", frame());
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(fingerprint).isEqualTo(SchemaNormalization.parsingFingerprint64(Frame.getClassSchema()));
  }

  @Test
  void anyReaderWithTheSchemaFileCanDecodeTheBody() throws Exception {
    byte[] bytes = frames.serializer().serialize("t", frame());
    GenericRecord record = new GenericDatumReader<GenericRecord>(Frame.getClassSchema())
        .read(null, DecoderFactory.get().binaryDecoder(bytes, 10, bytes.length - 10, null));
    assertThat(record.get("camera_id").toString()).isEqualTo("cam-1");
    assertThat(record.get("sequence")).isEqualTo(42L);
  }

  @Test
  void rejectsAnUnknownFingerprintNamingBoth() {
    byte[] bytes = frames.serializer().serialize("vision.frames", frame());
    bytes[5] ^= 0x55;
    assertThatThrownBy(() -> frames.deserializer().deserialize("vision.frames", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown schema on topic vision.frames")
        .hasMessageContaining(String.format("%016x", SchemaNormalization.parsingFingerprint64(Frame.getClassSchema())));
  }

  @Test
  void rejectsEmptyAndForeignRecords() {
    assertThatThrownBy(() -> frames.deserializer().deserialize("vision.frames", new byte[0]))
        .hasMessageContaining("empty record on topic vision.frames");
    assertThatThrownBy(() -> frames.deserializer().deserialize("vision.frames", "{\"json\":true}".getBytes()))
        .hasMessageContaining("not Avro single-object encoding");
  }

  @Test
  void rejectsATruncatedBody() {
    byte[] bytes = frames.serializer().serialize("t", frame());
    byte[] truncated = java.util.Arrays.copyOf(bytes, 14);
    assertThatThrownBy(() -> frames.deserializer().deserialize("t", truncated))
        .isInstanceOf(SerializationException.class).hasMessageContaining("corrupt io.robovision.schemas.Frame");
  }

  @Test
  void aFrameIsNotASegmentResult() {
    byte[] bytes = frames.serializer().serialize("t", frame());
    AvroDeserializer<SegmentResult> results = new AvroDeserializer<>(SegmentResult.getClassSchema());
    assertThatThrownBy(() -> results.deserialize("t", bytes)).hasMessageContaining("unknown schema");
  }

  @Test
  void roundTripsAResultWithDetectionsAndCoverage() {
    AvroSerde<SegmentResult> serde = new AvroSerde<>(SegmentResult.getClassSchema());
    SegmentResult result = SegmentResult.newBuilder().setCameraId("c").setSequence(1)
        .setCaptureTime(Instant.ofEpochMilli(5)).setStatus(SegmentStatus.OK)
        .setCoverage(List.of(new ClassCoverage(0, "__background__", 0.75f), new ClassCoverage(15, "person", 0.25f)))
        .setDetections(List.of(Detection.newBuilder().setXmin(1).setYmin(2).setXmax(3).setYmax(4)
            .setConfidence(0.9f).setClass$(0).setName("person").build()))
        .setModelId("m").setWorkerId("w")
        .setTimings(StageTimings.newBuilder().setQueueMs(1).setDecodeMs(2).setInferenceMs(3).setEncodeMs(4).build())
        .build();
    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", result))).isEqualTo(result);
  }
}
