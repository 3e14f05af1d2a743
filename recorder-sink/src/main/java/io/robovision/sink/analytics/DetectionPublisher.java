package io.robovision.sink.analytics;

import io.robovision.schemas.DetectionRow;
import io.robovision.schemas.SegmentResult;
import io.robovision.serde.AvroSerializer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends the detection rows of each recorded frame to the detections topic, keyed by camera id. */
public final class DetectionPublisher {
  private final RowDelivery delivery;
  private final String topic;
  private final DetectionRows rows = new DetectionRows();
  private final AvroSerializer<DetectionRow> serializer = new AvroSerializer<>(DetectionRow.getClassSchema());

  public DetectionPublisher(RowDelivery delivery, String topic) {
    this.delivery = delivery;
    this.topic = topic;
  }

  /** Sends one record per detection. */
  public void publish(SegmentResult result) {
    for (DetectionRow row : rows.rows(result)) {
      delivery.send(new ProducerRecord<>(topic, row.getCameraId(), serializer.serialize(topic, row)));
    }
  }
}
