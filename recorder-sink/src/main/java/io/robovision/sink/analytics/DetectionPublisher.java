package io.robovision.sink.analytics;

import io.robovision.schemas.DetectionRow;
import io.robovision.schemas.SegmentResult;
import io.robovision.serde.AvroSerializer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends the detection rows of each recorded frame to the detections topic, keyed by camera id. */
public final class DetectionPublisher {
  private final Producer<String, byte[]> producer;
  private final String topic;
  private final DetectionRows rows = new DetectionRows();
  private final AvroSerializer<DetectionRow> serializer = new AvroSerializer<>(DetectionRow.getClassSchema());

  public DetectionPublisher(Producer<String, byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  /** Sends one record per detection; {@code callback} hears about each acknowledgement or failure. */
  public void publish(SegmentResult result, Callback callback) {
    for (DetectionRow row : rows.rows(result)) {
      producer.send(new ProducerRecord<>(topic, row.getCameraId(), serializer.serialize(topic, row)), callback);
    }
  }
}
