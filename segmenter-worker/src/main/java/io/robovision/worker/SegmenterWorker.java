package io.robovision.worker;

import io.robovision.config.KafkaSettings;
import io.robovision.kafka.DeadLetterPublisher;
import io.robovision.worker.inference.FrameModels;
import io.robovision.worker.pipeline.CommitSchedule;
import io.robovision.worker.pipeline.CommitTracker;
import io.robovision.worker.pipeline.FramePipeline;
import io.robovision.worker.pipeline.InFlight;
import io.robovision.worker.pipeline.InFlightFrame;
import io.robovision.worker.pipeline.ResultSender;
import io.robovision.worker.pipeline.TopicLag;
import io.robovision.worker.result.ResultBuilder;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of the worker consumer group. This thread only polls and commits; a {@link FramePipeline} decodes,
 * batches, segments and sends on its own threads. A partition's offset is committed only up to its oldest record
 * whose results and dead letters the broker has not yet acknowledged (at least once: a crash replays the rest, and
 * the sink drops the duplicates). When too many frames are inside, the partitions are paused but still polled, so
 * the group does not think the worker is dead.
 */
public final class SegmenterWorker implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SegmenterWorker.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(50);
  private static final long DRAIN_TIMEOUT_MS = 20_000;

  private final WorkerConfig config;
  private final FrameModels models;
  private final WorkerStats stats;
  private final Consumer<String, byte[]> consumer;
  private final TopicLag lag;
  private final Producer<String, byte[]> producer;
  private final FramePipeline pipeline;
  private final CommitTracker commits = new CommitTracker();
  private final CommitSchedule commitSchedule;
  private final InFlight inFlight = new InFlight();
  private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
  private final InFlightFrame.Listener finished = this::finished;
  private final AutoCloseable consumerMetrics;
  private final AutoCloseable producerMetrics;
  private volatile boolean running = true;

  /** Takes ownership of the models and closes them when it stops; returns once every predictor is warmed up. */
  public SegmenterWorker(WorkerConfig config, FrameModels models, WorkerStats stats) {
    this.config = config;
    this.models = models;
    this.stats = stats;
    this.commitSchedule = new CommitSchedule(config.commitIntervalMs());
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
    this.lag = new TopicLag(consumer);
    this.producer = new KafkaProducer<>(config.kafka().clientProperties(Map.of(
        ProducerConfig.CLIENT_ID_CONFIG, "segmenter-" + config.workerId(),
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, 2,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KafkaSettings.MAX_RECORD_BYTES)),
        new StringSerializer(), new ByteArraySerializer());
    DeadLetterPublisher deadLetters = new DeadLetterPublisher(producer, config.topics().deadLetter(),
        "segmenter-worker/" + config.workerId());
    ResultBuilder results = new ResultBuilder(models.segmentationClasses(), models.modelId(), config.workerId(),
        config.throughput().instanceMinArea());
    try {
      this.pipeline = new FramePipeline(config.throughput(), models,
          results, new ResultSender(producer, config.topics().segments(), deadLetters), stats,
          config.inputWidth(), config.inputHeight());
    } catch (RuntimeException e) {
      producer.close(Duration.ZERO);
      consumer.close();
      models.close();
      throw e;
    }
    this.consumerMetrics = stats.telemetry().bind(consumer);
    this.producerMetrics = stats.telemetry().bind(producer);
  }

  @Override
  public void run() {
    stats.health().started();
    try {
      consumer.subscribe(List.of(config.topics().frames()), new Rebalance());
      while (running) {
        rewindAfterFailedSend();
        applyBackPressure();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL_TIMEOUT)) {
          submit(record);
        }
        if (commitSchedule.due(System.nanoTime())) {
          commit(commits.changed());
        }
        updateLag();
        updateReadiness();
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      shutDown();
    }
  }

  /** Stops polling, lets the frames inside finish for a while, commits what is finished and closes. */
  public void stop() {
    running = false;
    consumer.wakeup();
  }

  public WorkerStats stats() {
    return stats;
  }

  private void submit(ConsumerRecord<String, byte[]> record) {
    stats.consumed();
    inFlight.add();
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    pipeline.submit(new InFlightFrame(record, commits.started(partition, record.offset()), finished));
  }

  private void finished(InFlightFrame frame, Exception error) {
    if (error == null) {
      frame.progress().finished(frame.record().offset());
    } else if (running) {
      sendFailure.compareAndSet(null, error);
    }
    inFlight.done();
  }

  private void applyBackPressure() {
    long inside = inFlight.count();
    stats.inFlight(inside);
    if (inside >= config.throughput().queueCapacity()) {
      consumer.pause(consumer.assignment());
    } else if (!consumer.paused().isEmpty()) {
      consumer.resume(consumer.paused());
    }
  }

  /** A result the broker refused: wait for everything inside, then read again from the oldest unfinished record. */
  private void rewindAfterFailedSend() {
    Exception failure = sendFailure.getAndSet(null);
    if (failure == null) {
      return;
    }
    LOG.error("a result or dead letter was not acknowledged ({}); processing again from the oldest unfinished frame",
        failure.getMessage());
    consumer.pause(consumer.assignment());
    awaitDrained("rewinding");
    Set<TopicPartition> assigned = consumer.assignment();
    commits.rewindPositions().forEach((partition, offset) -> {
      if (assigned.contains(partition)) {
        consumer.seek(partition, offset);
      }
    });
    commitNow(commits.tracked());
    commits.forget(commits.tracked());
    sendFailure.set(null);
  }

  private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (!offsets.isEmpty()) {
      consumer.commitAsync(offsets, (committed, error) -> {
        if (error != null) {
          LOG.warn("offsets not committed ({}); a later commit covers them", error.getMessage());
        }
      });
    }
  }

  private void commitNow(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> offsets = commits.committable(partitions);
    for (int attempt = 0; attempt < 2 && !offsets.isEmpty(); attempt++) {
      try {
        consumer.commitSync(offsets);
        return;
      } catch (WakeupException e) {
        // stop() woke the consumer; the commit still has to happen.
      } catch (CommitFailedException e) {
        LOG.warn("offsets not committed after a group rebalance; the new owner will redo the unfinished frames");
        return;
      } catch (KafkaException e) {
        LOG.warn("offsets not committed ({}); those frames will be processed again", e.getMessage());
        return;
      }
    }
  }

  private void awaitDrained(String why) {
    try {
      if (!inFlight.awaitEmpty(DRAIN_TIMEOUT_MS)) {
        LOG.warn("{}: {} frame(s) still unanswered after {} s; their offsets stay uncommitted", why,
            inFlight.count(), DRAIN_TIMEOUT_MS / 1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void shutDown() {
    stats.health().stopped();
    try {
      awaitDrained("stopping");
      // The poll loop no longer reports it, and the summary printed after this reads it.
      stats.inFlight(inFlight.count());
      commitNow(commits.tracked());
    } finally {
      pipeline.close();
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

  private void updateLag() {
    stats.lag(lag.update(System.nanoTime()));
  }

  /** Ready while this member owns partitions to consume; a member with none is idle, not broken, but serves nothing. */
  private void updateReadiness() {
    if (consumer.assignment().isEmpty()) {
      stats.health().notReady("no partition of topic " + config.topics().frames() + " assigned (yet)");
    } else {
      stats.health().ready();
    }
  }

  /** Before partitions move to another worker, finish and commit what is inside so that little is done twice. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        awaitDrained("partitions revoked");
        commitNow(partitions);
        commits.forget(partitions);
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      commits.forget(partitions);
    }
  }
}
