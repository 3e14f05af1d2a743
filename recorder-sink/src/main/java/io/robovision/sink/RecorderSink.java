package io.robovision.sink;

import io.robovision.config.KafkaSettings;
import io.robovision.kafka.DeadLetterPublisher;
import io.robovision.schemas.AnalyticsRow;
import io.robovision.schemas.Frame;
import io.robovision.schemas.SegmentResult;
import io.robovision.schemas.SegmentStatus;
import io.robovision.serde.AvroDeserializer;
import io.robovision.serde.AvroSerializer;
import io.robovision.sink.analytics.AnalyticsCsv;
import io.robovision.sink.analytics.AnalyticsRows;
import io.robovision.sink.analytics.DetectionPublisher;
import io.robovision.sink.analytics.RowDelivery;
import io.robovision.sink.reorder.CaughtUpClock;
import io.robovision.sink.reorder.Held;
import io.robovision.sink.reorder.OffsetTracker;
import io.robovision.sink.reorder.ReorderBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads frames and results, pairs them per camera in sequence order, records the video in
 * segments and publishes one analytics row per recorded frame. Offsets are committed only up to
 * the oldest record that is not yet in a closed segment, so a restart re-reads, and rewrites,
 * whatever was not yet safely on disk; what the closed segments already hold is skipped.
 */
public final class RecorderSink implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(RecorderSink.class);
  private static final long COMMIT_INTERVAL_MS = 1_000;
  /** Segment lengths of wall-clock time without a new frame after which a camera's segment is closed. */
  private static final long IDLE_SEGMENTS = 2;

  private final SinkConfig config;
  private final SinkStats stats;
  private final FrameWriter writer;
  private final AnalyticsCsv csv;
  private final Consumer<String, byte[]> consumer;
  private final Producer<String, byte[]> producer;
  private final DeadLetterPublisher deadLetters;
  private final DetectionPublisher detections;
  private final AnalyticsRows rows = new AnalyticsRows();
  private final LastKnownResults lastKnown = new LastKnownResults();
  private final DroppedFrames dropped = new DroppedFrames();
  private final OffsetTracker offsets = new OffsetTracker();
  private final CaughtUpClock gapClock = new CaughtUpClock();
  private final Map<String, ReorderBuffer<Held<Frame>, Held<SegmentResult>>> cameras = new HashMap<>();
  private final Map<String, Long> lastWritten = new HashMap<>();
  private final AvroDeserializer<Frame> frames = new AvroDeserializer<>(Frame.getClassSchema());
  private final AvroDeserializer<SegmentResult> results = new AvroDeserializer<>(SegmentResult.getClassSchema());
  private final AvroSerializer<AnalyticsRow> analytics = new AvroSerializer<>(AnalyticsRow.getClassSchema());
  private final RowDelivery delivery;
  private final AutoCloseable consumerMetrics;
  private final AutoCloseable producerMetrics;
  private volatile boolean running = true;
  private volatile int pending;
  private long lastCommit = System.currentTimeMillis();

  public RecorderSink(SinkConfig config, FrameWriter writer, AnalyticsCsv csv, SinkStats stats) {
    this.config = config;
    this.writer = writer;
    this.csv = csv;
    this.stats = stats;
    this.consumer = new KafkaConsumer<>(config.kafka().clientProperties(Map.of(
        ConsumerConfig.GROUP_ID_CONFIG, config.groupId(),
        ConsumerConfig.CLIENT_ID_CONFIG, "recorder-sink",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        // A crashed sink's replacement gets its partitions after 10 s instead of the default 45 s.
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000,
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, KafkaSettings.MAX_RECORD_BYTES,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
        new StringDeserializer(), new ByteArrayDeserializer());
    this.producer = new KafkaProducer<>(config.kafka().clientProperties(Map.of(
        ProducerConfig.CLIENT_ID_CONFIG, "recorder-sink",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KafkaSettings.MAX_RECORD_BYTES)),
        new StringSerializer(), new ByteArraySerializer());
    this.delivery = new RowDelivery(producer);
    this.deadLetters = new DeadLetterPublisher(producer, config.topics().deadLetter(), "recorder-sink");
    this.detections = new DetectionPublisher(delivery, config.topics().detections());
    writer.onSegmentClosed(offsets::segmentClosed);
    this.consumerMetrics = stats.telemetry().bind(consumer);
    this.producerMetrics = stats.telemetry().bind(producer);
  }

  @Override
  public void run() {
    stats.health().started();
    try {
      consumer.subscribe(List.of(config.topics().frames(), config.topics().segments()), new Rebalance());
      consume();
      finish();
    } finally {
      stats.health().stopped();
      try (consumerMetrics; producerMetrics) {
        // Leaving the group runs the revocation callback, which still needs the files and the producer.
        consumer.close();
      } catch (Exception e) {
        LOG.debug("closing the Kafka clients' metrics: {}", e.getMessage());
      } finally {
        writer.close();
        csv.close();
        producer.close(Duration.ofSeconds(10));
        if (delivery.failedCount() > 0) {
          LOG.error("{} analytics rows, detection rows or dead letters were still not acknowledged when the sink stopped;"
              + " their frames are recorded, so a restart does not produce them again", delivery.failedCount());
        }
      }
    }
  }

  /** Polls, records and commits until {@link #stop()}, whose wakeup may end a blocked poll or commit early. */
  private void consume() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          accept(record);
        }
        boolean caughtUp = updateLagAndReadiness();
        drain(gapClock.tick(System.currentTimeMillis(), caughtUp));
        closeIdleSegments(System.currentTimeMillis());
        if (System.currentTimeMillis() - lastCommit >= COMMIT_INTERVAL_MS) {
          commit();
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    }
  }

  /** Closes the open segments and commits what they hold; frames still waiting for their pair are re-read next time. */
  public void stop() {
    running = false;
    consumer.wakeup();
  }

  public SinkStats stats() {
    return stats;
  }

  /** Camera id to the segments closed so far, oldest first. */
  public Map<String, List<Path>> files() {
    return writer.files();
  }

  /** Rows and dead letters that failed and were not yet acknowledged when sent again; after a stop, the lost ones. */
  public int unacknowledgedRows() {
    return delivery.failedCount();
  }

  /** Frames and results held back waiting for their partner or an earlier sequence number. */
  public int pending() {
    return pending;
  }

  private void accept(ConsumerRecord<String, byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    offsets.consumed(partition, record.offset());
    boolean isFrame = record.topic().equals(config.topics().frames());
    stats.consumed(isFrame);
    try {
      if (isFrame) {
        Frame frame = frames.deserialize(record.topic(), record.value());
        Held<Frame> held = new Held<>(frame, partition, record.offset());
        hold(frame.getCameraId(), frame.getSequence(), held,
            () -> buffer(frame.getCameraId()).offerFrame(frame.getSequence(), held));
      } else {
        SegmentResult result = results.deserialize(record.topic(), record.value());
        Held<SegmentResult> held = new Held<>(result, partition, record.offset());
        hold(result.getCameraId(), result.getSequence(), held,
            () -> buffer(result.getCameraId()).offerResult(result.getSequence(), held));
      }
    } catch (SerializationException e) {
      stats.unreadable();
      if (!isFrame) {
        LOG.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
        delivery.send(deadLetters.letter(record, e));
      }
      offsets.done(partition, record.offset());
    }
  }

  /** Offers a record unless that camera already recorded its sequence number; duplicates are released at once. */
  private void hold(String camera, long sequence, Held<?> held, Supplier<ReorderBuffer.Outcome> offer) {
    long written = lastWritten.computeIfAbsent(camera, this::recovered);
    if (sequence <= written || offer.get() == ReorderBuffer.Outcome.DUPLICATE) {
      stats.duplicates(1);
      release(held);
    }
  }

  /** The last sequence number the camera's closed segments hold (-1: none), read from disk when a camera is first seen. */
  private long recovered(String camera) {
    OptionalLong last = writer.recover(camera);
    if (last.isPresent()) {
      LOG.info("camera {}: closed segments hold frames up to sequence {}; earlier ones are not recorded again",
          camera, last.getAsLong());
    }
    return last.orElse(-1);
  }

  private ReorderBuffer<Held<Frame>, Held<SegmentResult>> buffer(String camera) {
    return cameras.computeIfAbsent(camera, c -> new ReorderBuffer<>(config.gapTimeoutMillis(),
        config.reorderCapacity(), this::release));
  }

  /** {@code gapMillis}: the {@link CaughtUpClock}'s time, which the cameras' gap timeouts count in. */
  private void drain(long gapMillis) {
    List<Step> steps = new ArrayList<>();
    int held = 0;
    for (var entry : cameras.entrySet()) {
      for (ReorderBuffer.Released<Held<Frame>, Held<SegmentResult>> released : entry.getValue().drain(gapMillis)) {
        steps.add(new Step(entry.getKey(), released));
      }
      held += entry.getValue().pending();
    }
    record(steps);
    pending = held;
    stats.pending(held);
    csv.flush();
  }

  /** One camera's released pair or gap, in the camera's sequence order. */
  private record Step(String camera, ReorderBuffer.Released<Held<Frame>, Held<SegmentResult>> released) {
  }

  /**
   * Writes the steps in order while the render threads already decode and compose the frames of the next few, so the
   * pictures are ready when their turn comes.
   */
  private void record(List<Step> steps) {
    List<Future<Mat>> pictures = new ArrayList<>(Collections.nCopies(steps.size(), null));
    int ahead = 2 * writer.renderThreads();
    int submitted = 0;
    try {
      for (int i = 0; i < steps.size(); i++) {
        for (; submitted < steps.size() && submitted <= i + ahead; submitted++) {
          if (steps.get(submitted).released() instanceof ReorderBuffer.Pair<Held<Frame>, Held<SegmentResult>> pair) {
            pictures.set(submitted, writer.render(pair.frame().value(), lastKnown.forDrawing(pair.result().value())));
          }
        }
        Step step = steps.get(i);
        if (step.released() instanceof ReorderBuffer.Pair<Held<Frame>, Held<SegmentResult>> pair) {
          record(step.camera(), pair, pictures.set(i, null));
        } else if (step.released() instanceof ReorderBuffer.Gap<Held<Frame>, Held<SegmentResult>> gap) {
          recordGap(step.camera(), gap);
        }
      }
    } finally {
      pictures.stream().filter(Objects::nonNull).forEach(RecorderSink::discard);
    }
  }

  private void record(String camera, ReorderBuffer.Pair<Held<Frame>, Held<SegmentResult>> pair, Future<Mat> picture) {
    Frame frame = pair.frame().value();
    SegmentResult result = pair.result().value();
    if (result.getStatus() == SegmentStatus.SKIPPED) {
      stats.skipped();
    }
    boolean written = writer.write(frame, picture);
    lastWritten.put(camera, pair.sequence());
    keepUntilSegmentCloses(camera, pair.frame());
    keepUntilSegmentCloses(camera, pair.result());
    if (!written) {
      LOG.warn("camera {}: frame {} cannot be shown; the previous picture is repeated", camera,
          frame.getSequence());
      return;
    }
    publish(result);
  }

  /** A picture rendered ahead for a step that was not reached, because an earlier one failed. */
  private static void discard(Future<Mat> picture) {
    try {
      Mat mat = picture.get();
      if (mat != null) {
        mat.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.debug("a frame rendered ahead failed too: {}", e.getCause().getMessage());
    }
  }

  /**
   * Writes each given-up sequence number as a repeat of the previous picture with a DROPPED row. A
   * run longer than a segment (a camera that was away) ends the segment instead of filling it.
   */
  private void recordGap(String camera, ReorderBuffer.Gap<Held<Frame>, Held<SegmentResult>> gap) {
    long last = gap.sequence() + gap.count() - 1;
    stats.gaps(gap.count());
    LOG.warn("camera {}: gave up waiting for sequence {}{} after {} ms", camera, gap.sequence(),
        gap.count() > 1 ? ".." + last : "", config.gapTimeoutMillis());
    Instant captureTime = gap.frame() != null ? gap.frame().value().getCaptureTime()
        : writer.lastCaptureTime(camera) != null ? writer.lastCaptureTime(camera) : Instant.now();
    if (gap.count() > Math.max(1, Math.round(config.segmentSeconds() * config.videoFps()))) {
      writer.closeSegment(camera);
    } else {
      for (long sequence = gap.sequence(); sequence <= last; sequence++) {
        writer.repeat(camera, sequence);
        publish(dropped.result(camera, sequence, captureTime));
        stats.dropped(1);
      }
    }
    lastWritten.put(camera, last);
    if (gap.frame() != null) {
      keepUntilSegmentCloses(camera, gap.frame());
    }
    if (gap.result() != null) {
      keepUntilSegmentCloses(camera, gap.result());
    }
  }

  private void publish(SegmentResult result) {
    AnalyticsRow row = rows.row(result, Instant.now());
    delivery.send(new ProducerRecord<>(config.topics().analytics(), row.getCameraId(),
        analytics.serialize(config.topics().analytics(), row)));
    detections.publish(result);
    csv.append(row);
    if (result.getStatus() != SegmentStatus.DROPPED) {
      stats.recorded(row.getLatencyMs());
      stats.coverage(row.getCameraId(), row.getCoverage());
    }
  }

  /** Returns whether the consumer has read up to the end of every assigned partition. */
  private boolean updateLagAndReadiness() {
    long lag = 0;
    boolean caughtUp = true;
    for (TopicPartition partition : consumer.assignment()) {
      OptionalLong behind = consumer.currentLag(partition);
      lag += behind.orElse(0);
      // Unknown until the first fetch answers: there may be records to read.
      caughtUp &= behind.isPresent() && behind.getAsLong() == 0;
    }
    stats.lag(lag);
    if (consumer.assignment().isEmpty()) {
      stats.health().notReady("no partition of topics " + config.topics().frames() + " and "
          + config.topics().segments() + " assigned (yet)");
    } else {
      stats.health().ready();
    }
    return caughtUp;
  }

  /** A record in an open segment is lost if the sink dies before the segment closes, so its offset stays held. */
  private void keepUntilSegmentCloses(String camera, Held<?> held) {
    String segment = writer.openSegment(camera);
    if (segment == null) {
      release(held);
    } else {
      offsets.holdUntilClosed(segment, held);
    }
  }

  /**
   * A camera that stopped sending would otherwise keep its segment, and its partition's commits,
   * open forever; one that is only waiting for a slow worker keeps it.
   */
  private void closeIdleSegments(long now) {
    writer.closeIdle(now - IDLE_SEGMENTS * config.segmentSeconds() * 1_000L,
        camera -> cameras.containsKey(camera) && cameras.get(camera).pending() > 0);
  }

  /** On a requested stop: records what is ready, closes every segment and commits it all. */
  private void finish() {
    drain(gapClock.millis());
    writer.closeAllSegments();
    // stop()'s wakeup goes to the first consumer call after it, which may be a commit here: that one is tried again.
    // Rows sent again are of frames already in closed segments, which a restart skips: their flush is waited for once.
    int resends = 0;
    while (true) {
      try {
        if (commit() || ++resends > 1) {
          return;
        }
      } catch (WakeupException e) {
        LOG.debug("commit woken by stop(); committing again");
      }
    }
  }

  private void release(Held<?> held) {
    offsets.done(held.partition(), held.offset());
  }

  /** Returns false when rows had to be sent again, and so no offset was committed. */
  private boolean commit() {
    RowDelivery.Resent resent = delivery.flush();
    lastCommit = System.currentTimeMillis();
    if (!resent.none()) {
      stats.resent(resent.count());
      LOG.warn("{} analytics rows, detection rows or dead letters were not acknowledged ({}); sent again, offsets not"
          + " committed until they are", resent.count(), resent.lastError().getMessage());
      return false;
    }
    try {
      consumer.commitSync(offsets.committable());
    } catch (CommitFailedException e) {
      LOG.warn("offsets not committed after a group rebalance: {}", e.getMessage());
    } catch (TimeoutException e) {
      // The broker is away (a restart); the offsets stay held and the next commit, a second later, tries again.
      LOG.warn("offsets not committed: {}", e.getMessage());
    }
    return true;
  }

  /** On losing partitions, close the segments, commit them and forget what is held: the new owner re-reads it. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      finish();
      offsets.revoked(partitions);
      cameras.clear();
      // The next owner may be another sink writing into the same folder: read the state from disk again.
      lastWritten.clear();
      lastKnown.forget();
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      // Positions come from the committed offsets; nothing held in memory needs restoring.
    }
  }
}
