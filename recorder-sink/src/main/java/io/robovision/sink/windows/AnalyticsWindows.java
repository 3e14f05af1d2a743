package io.robovision.sink.windows;

import io.robovision.kafka.TopicSetup;
import io.robovision.telemetry.ComponentHealth;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka Streams application that turns {@code vision.analytics} into per-camera window rows.
 * Its stores are in memory and rebuilt from their changelog topics on start, so it needs no disk
 * state; it runs exactly-once, so a restart neither loses nor double-counts a frame.
 */
public final class AnalyticsWindows implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsWindows.class);
  /** Partitions of the analytics and windows topics when this application has to create them. */
  private static final int DEFAULT_PARTITIONS = 4;
  private static final int MAX_MESSAGE_BYTES = 1024 * 1024;
  /**
   * Kafka Streams creates its state folder only for persistent stores, so with every store in memory nothing is
   * written here; a temporary folder per start was left behind, empty, by every sink killed with SIGKILL.
   */
  private static final Path STATE_DIR = Path.of(System.getProperty("java.io.tmpdir"), "vision-windows");

  private final WindowsConfig config;
  private final KafkaStreams streams;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private AnalyticsWindows(WindowsConfig config, KafkaStreams streams) {
    this.config = config;
    this.streams = streams;
  }

  /**
   * Creates the topics it reads and writes when missing, then starts processing in the background;
   * {@code health} follows the application's state, so /health and /ready show it apart from the sink.
   */
  public static AnalyticsWindows start(WindowsConfig config, ComponentHealth health) {
    new TopicSetup(config.kafka()).ensure(Set.of(config.topics().analytics(), config.topics().windows()),
        DEFAULT_PARTITIONS, (short) -1, MAX_MESSAGE_BYTES);
    Properties properties = properties(config, STATE_DIR);
    KafkaStreams streams = new KafkaStreams(WindowTopology.build(config.topics().analytics(),
        config.topics().windows(), config.size(), config.grace(), properties), properties);
    AnalyticsWindows windows = new AnalyticsWindows(config, streams);
    streams.setUncaughtExceptionHandler(error -> {
      windows.failure.compareAndSet(null, error);
      LOG.error("analytics windows stopped: {}", error.getMessage(), error);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streams.setStateListener((now, before) -> report(now, health));
    health.started();
    streams.start();
    LOG.info("analytics windows: {} s tumbling windows (grace {} s) from {} to {}", config.size().toSeconds(),
        config.grace().toSeconds(), config.topics().analytics(), config.topics().windows());
    return windows;
  }

  private static void report(KafkaStreams.State state, ComponentHealth health) {
    switch (state) {
      case RUNNING -> health.ready();
      case CREATED, REBALANCING -> health.notReady("analytics windows " + state.name().toLowerCase());
      case PENDING_SHUTDOWN, PENDING_ERROR, ERROR, NOT_RUNNING -> health.stopped();
    }
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** The error that stopped the application, if one did. */
  public Throwable failure() {
    return failure.get();
  }

  /**
   * Waits until the application has committed every analytics row written so far (its group's
   * offsets reach the end of each partition); false when {@code timeout} passed first.
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(config.kafka().clientProperties(Map.of()))) {
      Map<TopicPartition, Long> ends = endOffsets(admin);
      while (System.nanoTime() < deadline && failure.get() == null) {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(config.applicationId())
            .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        boolean caughtUp = ends.entrySet().stream().allMatch(end -> end.getValue() == 0
            || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
        if (caughtUp) {
          return true;
        }
        Thread.sleep(200);
      }
      return false;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the progress of " + config.applicationId() + " on "
          + config.kafka().bootstrapServers() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
  }

  private Map<TopicPartition, Long> endOffsets(Admin admin)
      throws InterruptedException, ExecutionException, TimeoutException {
    String topic = config.topics().analytics();
    TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames()
        .get(30, TimeUnit.SECONDS).get(topic);
    Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
        .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResultInfo> offsets = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
    return offsets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  static Properties properties(WindowsConfig config, Path stateDir) {
    Properties properties = new Properties();
    properties.putAll(config.kafka().clientProperties(Map.of(
        StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId(),
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2,
        StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG, BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class,
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class,
        // There is no global store; Kafka Streams warns at every start until the handler is declared global too.
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true,
        // The partition assignor reads its own StreamsConfig from the main consumer's settings.
        StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true,
        StreamsConfig.STATE_DIR_CONFIG, stateDir.toString())));
    return properties;
  }
}
