package io.robovision.worker.pipeline;

import io.robovision.kafka.DeadLetterPublisher;
import io.robovision.schemas.SegmentResult;
import io.robovision.serde.AvroSerializer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends a frame's result or dead letter and ties the broker's acknowledgement to the frame. Thread-safe. */
public final class ResultSender {
  private final Producer<String, byte[]> producer;
  private final String segmentsTopic;
  private final DeadLetterPublisher deadLetters;
  private final AvroSerializer<SegmentResult> serializer = new AvroSerializer<>(SegmentResult.getClassSchema());

  public ResultSender(Producer<String, byte[]> producer, String segmentsTopic, DeadLetterPublisher deadLetters) {
    this.producer = producer;
    this.segmentsTopic = segmentsTopic;
    this.deadLetters = deadLetters;
  }

  public void result(InFlightFrame frame, SegmentResult result) {
    frame.sending();
    try {
      producer.send(new ProducerRecord<>(segmentsTopic, result.getCameraId(), serializer.serialize(segmentsTopic, result)),
          (metadata, error) -> frame.sent(error));
    } catch (RuntimeException e) {
      frame.sent(e);
    }
  }

  public void deadLetter(InFlightFrame frame, Exception reason) {
    frame.sending();
    try {
      deadLetters.publish(frame.record(), reason, (metadata, error) -> frame.sent(error));
    } catch (RuntimeException e) {
      frame.sent(e);
    }
  }
}
