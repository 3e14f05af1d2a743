package io.robovision.capture.publish;

import io.robovision.config.KafkaSettings;
import io.robovision.config.Topics;
import io.robovision.schemas.CameraPosition;
import io.robovision.serde.AvroDeserializer;
import io.robovision.serde.AvroSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera's entry in the compacted positions topic: the sequence number its next frame carries. The tail of the
 * frames topic loses a camera once retention deletes its frames or other cameras on its partition push them out of
 * reach, and a camera that started again at 0 would have the sink take every new frame for one already recorded.
 */
public final class CameraPositions implements AutoCloseable {
  /** How often a running camera saves its position; the frames topic's tail covers what a crash loses since then. */
  public static final Duration SAVE_INTERVAL = Duration.ofSeconds(1);
  /** Segment roll time of the positions topic, so that compaction keeps it to about one record per camera. */
  public static final long SEGMENT_MS = Duration.ofMinutes(10).toMillis();
  private static final Logger LOG = LoggerFactory.getLogger(CameraPositions.class);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  /** How long closing tries to save the last position. */
  private static final Duration CLOSE_SAVE_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

  private final KafkaSettings kafka;
  private final String topic;
  private final String cameraId;
  private final Producer<String, byte[]> producer;
  private final AvroSerializer<CameraPosition> serializer = new AvroSerializer<>(CameraPosition.getClassSchema());
  private final AtomicBoolean failing = new AtomicBoolean();
  private long saved = -1;
  private long latest = -1;
  private long savedAtNanos;

  public CameraPositions(KafkaSettings kafka, String topic, String cameraId) {
    this.kafka = kafka;
    this.topic = topic;
    this.cameraId = cameraId;
    this.producer = new KafkaProducer<>(kafka.clientProperties(Map.of(
        ProducerConfig.CLIENT_ID_CONFIG, "capture-position-" + cameraId,
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.ACKS_CONFIG, "all",
        // A save must never hold up the camera: while the broker is away a position is simply not saved.
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 0)),
        new StringSerializer(), new ByteArraySerializer());
    try {
      // Asks for the topic's metadata now, so that the first save, after the first frame, finds it.
      producer.partitionsFor(topic);
    } catch (TimeoutException notYet) {
      LOG.debug("camera {}: metadata of topic {} requested", cameraId, topic);
    }
  }

  /** The camera's saved next sequence number, 0 when it has none; reads the whole (compacted) topic. */
  public long read() {
    Map<String, Object> properties = kafka.clientProperties(Map.of(
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.CLIENT_ID_CONFIG, "capture-position-reader-" + cameraId));
    AvroDeserializer<CameraPosition> deserializer = new AvroDeserializer<>(CameraPosition.getClassSchema());
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
      long next = 0;
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read topic " + topic + " (setting " + Topics.POSITIONS
              + ") to its end within " + READ_TIMEOUT.toSeconds() + " s, so camera " + cameraId
              + " cannot tell where it left off; check that the broker is reachable and the topic readable");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (!cameraId.equals(record.key())) {
            continue;
          }
          if (record.value() == null) {
            next = 0;
            continue;
          }
          try {
            next = deserializer.deserialize(topic, record.value()).getNextSequence();
          } catch (SerializationException e) {
            LOG.warn("camera {}: skipping unreadable position at {}-{}@{}: {}", cameraId, topic,
                record.partition(), record.offset(), e.getMessage());
          }
        }
      }
      return next;
    }
  }

  /** Notes that the camera's next frame carries {@code nextSequence}; saves it at most once per SAVE_INTERVAL. */
  public void advance(long nextSequence) {
    latest = nextSequence;
    if (saved < 0 || System.nanoTime() - savedAtNanos >= SAVE_INTERVAL.toNanos()) {
      save();
    }
  }

  /**
   * Saves the latest position if it is not saved yet, and waits for the broker's acknowledgement: for up to
   * CLOSE_SAVE_TIMEOUT, trying again while it fails.
   */
  @Override
  public void close() {
    try {
      if (latest > saved || failing.get()) {
        saveLast();
      }
      producer.flush();
    } finally {
      producer.close(Duration.ofSeconds(30));
    }
  }

  /**
   * A camera that ran for less than a second may not have its topic's metadata yet, and a send never waits for it:
   * such a save fails at once, and the camera would start again at 0 once other cameras pushed its frames out of the
   * frames topic's tail.
   */
  private void saveLast() {
    long deadline = System.nanoTime() + CLOSE_SAVE_TIMEOUT.toNanos();
    while (true) {
      Future<RecordMetadata> sent = save();
      try {
        sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return;
      } catch (ExecutionException failed) {
        if (System.nanoTime() + RETRY_PAUSE.toNanos() > deadline) {
          LOG.warn("camera {}: its last position {} was not saved to topic {} within {} s: {}", cameraId, latest,
              topic, CLOSE_SAVE_TIMEOUT.toSeconds(), failed.getCause().getMessage());
          return;
        }
        sleep(RETRY_PAUSE);
      } catch (java.util.concurrent.TimeoutException stillWaiting) {
        LOG.warn("camera {}: its last position {} was not acknowledged by topic {} within {} s", cameraId, latest,
            topic, CLOSE_SAVE_TIMEOUT.toSeconds());
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Future<RecordMetadata> save() {
    CameraPosition position = CameraPosition.newBuilder().setCameraId(cameraId).setNextSequence(latest)
        .setUpdated(Instant.now()).build();
    long sequence = latest;
    saved = latest;
    savedAtNanos = System.nanoTime();
    try {
      return producer.send(new ProducerRecord<>(topic, cameraId, serializer.serialize(topic, position)),
          (metadata, error) -> saveEnded(sequence, error));
    } catch (KafkaException e) {
      saveEnded(sequence, e);
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Warns once when saves start failing and once when they work again, not every second in between. */
  private void saveEnded(long sequence, Exception error) {
    if (error == null) {
      if (failing.compareAndSet(true, false)) {
        LOG.info("camera {}: positions are saved to topic {} again (position {})", cameraId, topic, sequence);
      }
    } else if (failing.compareAndSet(false, true)) {
      LOG.warn("camera {}: position {} was not saved to topic {}: {}; retrying every {} s, quietly until it works",
          cameraId, sequence, topic, error.getMessage(), SAVE_INTERVAL.toSeconds());
    } else {
      LOG.debug("camera {}: position {} was not saved to topic {}: {}", cameraId, sequence, topic,
          error.getMessage());
    }
  }
}
