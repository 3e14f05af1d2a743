package io.robovision.capture.publish;

import io.robovision.capture.CaptureStats;
import io.robovision.config.KafkaSettings;
import io.robovision.schemas.Frame;
import io.robovision.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes frames keyed by camera id through an idempotent producer, counting every acknowledgement and failure. */
public final class FramePublisher implements AutoCloseable {
  /** Header carrying the sequence number, so it can be read back without decoding the image. */
  public static final String SEQUENCE_HEADER = "vision.sequence";
  private static final Logger LOG = LoggerFactory.getLogger(FramePublisher.class);

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final CaptureStats stats;
  private final AutoCloseable producerMetrics;
  private final AvroSerializer<Frame> serializer = new AvroSerializer<>(Frame.getClassSchema());

  public FramePublisher(KafkaSettings kafka, String topic, String cameraId, CaptureStats stats) {
    this(new KafkaProducer<>(kafka.clientProperties(Map.of(
        ProducerConfig.CLIENT_ID_CONFIG, "capture-" + cameraId,
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KafkaSettings.MAX_RECORD_BYTES,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000)),
        new StringSerializer(), new ByteArraySerializer()), topic, stats);
  }

  public FramePublisher(Producer<String, byte[]> producer, String topic, CaptureStats stats) {
    this.producer = producer;
    this.topic = topic;
    this.stats = stats;
    this.producerMetrics = stats.telemetry().bind(producer);
  }

  /** Sends asynchronously; blocks only when the producer's buffer is full, which paces the source. */
  public void publish(Frame frame) {
    byte[] value = serializer.serialize(topic, frame);
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, frame.getCameraId(), value);
    record.headers().add(SEQUENCE_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(frame.getSequence()).array());
    try {
      producer.send(record, (metadata, error) -> {
        if (error == null) {
          stats.published(value.length);
        } else {
          stats.failed(error.getMessage());
          LOG.error("frame {} of camera {} was not delivered to topic {}: {}", frame.getSequence(),
              frame.getCameraId(), topic, explain(error, value.length));
        }
      });
    } catch (RuntimeException e) {
      stats.failed(e.getMessage());
      LOG.error("frame {} of camera {} was not sent to topic {}: {}", frame.getSequence(),
          frame.getCameraId(), topic, explain(e, value.length));
    }
  }

  /** Waits until every frame sent so far is acknowledged or has failed. */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    try (producerMetrics) {
      producer.close(Duration.ofSeconds(30));
    } catch (Exception e) {
      LOG.debug("closing the producer's metrics: {}", e.getMessage());
    }
  }

  private static String explain(Exception error, int size) {
    if (error instanceof RecordTooLargeException) {
      return "the encoded frame is " + size + " bytes, above the limit; lower capture.jpeg.quality or"
          + " capture.width/height, or raise kafka.max.request.size and the topic's max.message.bytes";
    }
    return error.getMessage();
  }
}
