package io.robovision.worker;

import ai.djl.translate.TranslateException;
import io.robovision.config.KafkaSettings;
import io.robovision.kafka.DeadLetterPublisher;
import io.robovision.schemas.Frame;
import io.robovision.schemas.SegmentResult;
import io.robovision.schemas.StageTimings;
import io.robovision.serde.AvroDeserializer;
import io.robovision.serde.AvroSerializer;
import io.robovision.worker.decode.CorruptFrameException;
import io.robovision.worker.decode.FrameDecoder;
import io.robovision.worker.inference.BoxDetection;
import io.robovision.worker.inference.FrameModels;
import io.robovision.worker.inference.SegmentationMask;
import io.robovision.worker.result.ResultBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of the worker consumer group. Each polled batch is segmented, its results and dead
 * letters are sent, and only once the broker has acknowledged all of them are the batch's offsets
 * committed (at least once: a crash replays the batch, and the sink drops the duplicates).
 */
public final class SegmenterWorker implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SegmenterWorker.class);

  private final WorkerConfig config;
  private final FrameModels models;
  private final WorkerStats stats;
  private final Consumer<String, byte[]> consumer;
  private final Producer<String, byte[]> producer;
  private final DeadLetterPublisher deadLetters;
  private final ResultBuilder results;
  private final FrameDecoder decoder = new FrameDecoder();
  private final AvroDeserializer<Frame> frames = new AvroDeserializer<>(Frame.getClassSchema());
  private final AvroSerializer<SegmentResult> resultSerializer = new AvroSerializer<>(SegmentResult.getClassSchema());
  private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
  private final AutoCloseable consumerMetrics;
  private final AutoCloseable producerMetrics;
  private volatile boolean running = true;

  /** Takes ownership of the models and closes them when it stops. */
  public SegmenterWorker(WorkerConfig config, FrameModels models, WorkerStats stats) {
    this.config = config;
    this.models = models;
    this.stats = stats;
    this.consumer = new KafkaConsumer<>(config.kafka().clientProperties(Map.of(
        ConsumerConfig.GROUP_ID_CONFIG, config.groupId(),
        ConsumerConfig.CLIENT_ID_CONFIG, "segmenter-" + config.workerId(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords(),
        // A dead worker's partitions move to the others after 10 s instead of the default 45 s.
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000,
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, KafkaSettings.MAX_RECORD_BYTES,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
        new StringDeserializer(), new ByteArrayDeserializer());
    this.producer = new KafkaProducer<>(config.kafka().clientProperties(Map.of(
        ProducerConfig.CLIENT_ID_CONFIG, "segmenter-" + config.workerId(),
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, 2,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KafkaSettings.MAX_RECORD_BYTES)),
        new StringSerializer(), new ByteArraySerializer());
    this.deadLetters = new DeadLetterPublisher(producer, config.topics().deadLetter(), "segmenter-worker/" + config.workerId());
    this.results = new ResultBuilder(models.segmentationClasses(), models.modelId(), config.workerId());
    this.consumerMetrics = stats.telemetry().bind(consumer);
    this.producerMetrics = stats.telemetry().bind(producer);
  }

  @Override
  public void run() {
    stats.health().started();
    try {
      consumer.subscribe(List.of(config.topics().frames()));
      while (running) {
        ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
        updateLag();
        updateReadiness();
        if (!batch.isEmpty()) {
          processBatch(batch);
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      stats.health().stopped();
      try (consumerMetrics; producerMetrics) {
        producer.close(Duration.ofSeconds(10));
        consumer.close();
      } catch (Exception e) {
        LOG.debug("closing the Kafka clients' metrics: {}", e.getMessage());
      } finally {
        models.close();
      }
    }
  }

  /** Stops after the batch in hand; offsets of unfinished work stay uncommitted. */
  public void stop() {
    running = false;
    consumer.wakeup();
  }

  public WorkerStats stats() {
    return stats;
  }

  private void processBatch(ConsumerRecords<String, byte[]> batch) {
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    Map<TopicPartition, Long> first = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : batch) {
      TopicPartition partition = new TopicPartition(record.topic(), record.partition());
      first.putIfAbsent(partition, record.offset());
      process(record);
      next.put(partition, new OffsetAndMetadata(record.offset() + 1));
    }
    producer.flush();
    Exception failure = sendFailure.getAndSet(null);
    if (failure != null) {
      LOG.error("results of {} frames were not acknowledged ({}); processing them again", batch.count(),
          failure.getMessage());
      first.forEach(consumer::seek);
      return;
    }
    try {
      consumer.commitSync(next);
    } catch (CommitFailedException e) {
      LOG.warn("offsets not committed after a group rebalance; the new owner will redo {} frames", batch.count());
    }
  }

  private void process(ConsumerRecord<String, byte[]> record) {
    stats.consumed();
    Frame frame;
    try {
      frame = frames.deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      deadLetter(record, e);
      return;
    }
    StageTimings.Builder timings = StageTimings.newBuilder()
        .setQueueMs(System.currentTimeMillis() - frame.getCaptureTime().toEpochMilli())
        .setDecodeMs(0).setInferenceMs(0).setDetectionMs(0).setEncodeMs(0);
    long started = System.nanoTime();
    Mat image;
    try {
      image = decoder.decode(frame);
    } catch (CorruptFrameException e) {
      deadLetter(record, e);
      // The sink holds this camera's later frames until it hears about this one.
      send(resultRecord(results.failed(frame, e.getMessage(), timings)));
      return;
    }
    SegmentResult result;
    try (image) {
      long decoded = System.nanoTime();
      timings.setDecodeMs((decoded - started) / 1e6);
      SegmentationMask mask = models.segmenter().isPresent() ? models.segmenter().get().segment(image) : null;
      long segmented = System.nanoTime();
      List<BoxDetection> boxes = models.detector().isPresent() ? models.detector().get().detect(image) : List.of();
      long detected = System.nanoTime();
      timings.setInferenceMs((segmented - decoded) / 1e6).setDetectionMs((detected - segmented) / 1e6);
      result = results.ok(frame, mask, boxes, timings);
      stats.segmented(detected - decoded);
    } catch (TranslateException | RuntimeException e) {
      stats.failed();
      LOG.error("frame {} of camera {} failed in the model: {}", frame.getSequence(), frame.getCameraId(), e.getMessage());
      result = results.failed(frame, "inference failed: " + e.getMessage(), timings);
    }
    stats.stages(result.getTimings());
    send(resultRecord(result));
  }

  private ProducerRecord<String, byte[]> resultRecord(SegmentResult result) {
    return new ProducerRecord<>(config.topics().segments(), result.getCameraId(),
        resultSerializer.serialize(config.topics().segments(), result));
  }

  private void deadLetter(ConsumerRecord<String, byte[]> record, Exception reason) {
    stats.deadLettered();
    LOG.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason.getMessage());
    try {
      deadLetters.publish(record, reason, (metadata, error) -> {
        if (error != null) {
          sendFailure.compareAndSet(null, error);
        }
      });
    } catch (RuntimeException e) {
      sendFailure.compareAndSet(null, e);
    }
  }

  private void send(ProducerRecord<String, byte[]> record) {
    try {
      producer.send(record, (metadata, error) -> {
        if (error != null) {
          sendFailure.compareAndSet(null, error);
        }
      });
    } catch (RuntimeException e) {
      sendFailure.compareAndSet(null, e);
    }
  }

  /** Ready while this member owns partitions to consume; a member with none is idle, not broken, but serves nothing. */
  private void updateReadiness() {
    if (consumer.assignment().isEmpty()) {
      stats.health().notReady("no partition of topic " + config.topics().frames() + " assigned (yet)");
    } else {
      stats.health().ready();
    }
  }

  private void updateLag() {
    long total = 0;
    for (TopicPartition partition : consumer.assignment()) {
      total += consumer.currentLag(partition).orElse(0);
    }
    stats.lag(total);
  }
}
