package io.robovision.sink.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.robovision.config.KafkaSettings;
import io.robovision.config.Topics;
import io.robovision.schemas.AnalyticsRow;
import io.robovision.schemas.SegmentStatus;
import io.robovision.schemas.WindowRow;
import io.robovision.serde.AvroDeserializer;
import io.robovision.serde.AvroSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The windows topology against hand-computed windows: 10 s tumbling windows, 5 s grace. */
class WindowTopologyTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir
  Path stateDir;

  private Properties properties;
  private TopologyTestDriver driver;
  private TestInputTopic<String, AnalyticsRow> analytics;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, WindowRow> windows;
  private final Map<String, Long> sequences = new HashMap<>();

  @BeforeEach
  void start() {
    WindowsConfig config = new WindowsConfig(new KafkaSettings("unused:9092", Map.of()),
        new Topics("f", "s", "vision.analytics", "d", "det", "vision.analytics.windows", "pos"), true, "test-windows",
        Duration.ofSeconds(10), Duration.ofSeconds(5));
    properties = AnalyticsWindows.properties(config, stateDir.resolve("state"));
    driver = new TopologyTestDriver(WindowTopology.build("vision.analytics", "vision.analytics.windows",
        config.size(), config.grace(), properties), properties);
    analytics = driver.createInputTopic("vision.analytics", new StringSerializer(),
        new AvroSerializer<>(AnalyticsRow.getClassSchema()));
    raw = driver.createInputTopic("vision.analytics", new StringSerializer(), new ByteArraySerializer());
    windows = driver.createOutputTopic("vision.analytics.windows", new StringDeserializer(),
        new AvroDeserializer<>(WindowRow.getClassSchema()));
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  /** Kafka Streams warns at each start whose main consumer, read by the partition assignor, lacks the setting. */
  @Test
  void theAssignorSeesTheGlobalProcessingExceptionHandlerEnabled() {
    Map<String, Object> consumer = new StreamsConfig(properties).getMainConsumerConfigs("test-windows", "client", 0);

    assertThat(consumer).containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
  }

  @Test
  void publishesEachCamerasWindowOnceAfterGraceWithMeansCountsAndP95() {
    send("camera-1", 1_000, SegmentStatus.OK, 100, Map.of("background", 0.5f, "person", 0.5f), Map.of("person", 2));
    send("camera-1", 2_000, SegmentStatus.OK, 200, Map.of("background", 0.7f, "person", 0.3f),
        Map.of("person", 1, "car", 1));
    send("camera-1", 3_000, SegmentStatus.SKIPPED, 300, Map.of(), Map.of());
    send("camera-1", 4_000, SegmentStatus.DROPPED, 9_999, Map.of(), Map.of());
    send("camera-1", 5_000, SegmentStatus.FAILED, 500, Map.of(), Map.of());
    send("camera-2", 6_000, SegmentStatus.OK, 70, Map.of("background", 1.0f), Map.of());
    raw.pipeInput("camera-1", "not an analytics row".getBytes(), T0.plusMillis(6_500));
    send("camera-1", 12_000, SegmentStatus.OK, 10, Map.of("background", 1.0f), Map.of());
    // Late but within the grace period: still part of the first window.
    send("camera-1", 9_000, SegmentStatus.OK, 50, Map.of("background", 1.0f), Map.of());
    send("camera-1", 14_999, SegmentStatus.OK, 10, Map.of("background", 1.0f), Map.of());
    assertThat(windows.isEmpty()).as("nothing is published before window end + grace").isTrue();

    send("camera-1", 15_000, SegmentStatus.OK, 10, Map.of("background", 1.0f), Map.of());
    // After the window closed: dropped, the published window is not changed.
    send("camera-1", 8_000, SegmentStatus.OK, 10, Map.of("background", 1.0f), Map.of("person", 9));

    List<KeyValue<String, WindowRow>> published = windows.readKeyValuesToList();
    assertThat(published).extracting(kv -> kv.key).containsExactlyInAnyOrder("camera-1", "camera-2");
    WindowRow first = published.stream().filter(kv -> kv.key.equals("camera-1")).findFirst().orElseThrow().value;
    assertThat(first.getCameraId()).isEqualTo("camera-1");
    assertThat(first.getWindowStart()).isEqualTo(T0);
    assertThat(first.getWindowEnd()).isEqualTo(T0.plusSeconds(10));
    assertThat(first.getFrames()).isEqualTo(6);
    assertThat(first.getSkipped()).isEqualTo(1);
    assertThat(first.getDropped()).isEqualTo(1);
    assertThat(first.getFailed()).isEqualTo(1);
    // Means over the 3 OK frames: background (0.5 + 0.7 + 1.0) / 3, person (0.5 + 0.3) / 3.
    assertThat(first.getMeanCoverage()).containsOnlyKeys("background", "person");
    assertThat(first.getMeanCoverage().get("background")).isCloseTo(2.2 / 3, within(1e-6));
    assertThat(first.getMeanCoverage().get("person")).isCloseTo(0.8 / 3, within(1e-6));
    assertThat(first.getMeanCount()).containsOnlyKeys("car", "person");
    assertThat(first.getMeanCount().get("person")).isCloseTo(1.0, within(1e-9));
    assertThat(first.getMeanCount().get("car")).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(first.getMaxCount()).isEqualTo(Map.of("person", 2, "car", 1));
    // Latencies of the non-dropped frames: 50, 100, 200, 300, 500; nearest rank ceil(0.95 * 5) = 5.
    assertThat(first.getLatencyP95Ms()).isEqualTo(500.0);

    WindowRow other = published.stream().filter(kv -> kv.key.equals("camera-2")).findFirst().orElseThrow().value;
    assertThat(other.getFrames()).isEqualTo(1);
    assertThat(other.getMeanCoverage()).isEqualTo(Map.of("background", 1.0));
    assertThat(other.getMeanCount()).isEmpty();
    assertThat(other.getLatencyP95Ms()).isEqualTo(70.0);
  }

  /** The sink names a fixed state folder: that is safe only while Kafka Streams writes nothing there. */
  @Test
  void keepsNothingOnDisk() {
    send("camera-1", 1_000, SegmentStatus.OK, 10, Map.of("background", 1.0f), Map.of());
    send("camera-1", 30_000, SegmentStatus.OK, 10, Map.of("background", 1.0f), Map.of());

    assertThat(windows.readValue().getFrames()).isEqualTo(1);
    assertThat(stateDir.resolve("state")).doesNotExist();
  }

  @Test
  void aWindowOfOnlyDroppedFramesHasNoMeansAndNoLatency() {
    send("camera-1", 1_000, SegmentStatus.DROPPED, 0, Map.of(), Map.of());
    send("camera-1", 2_000, SegmentStatus.DROPPED, 0, Map.of(), Map.of());
    send("camera-1", 30_000, SegmentStatus.OK, 10, Map.of("background", 1.0f), Map.of());

    WindowRow row = windows.readValue();
    assertThat(row.getFrames()).isEqualTo(2);
    assertThat(row.getDropped()).isEqualTo(2);
    assertThat(row.getMeanCoverage()).isEmpty();
    assertThat(row.getLatencyP95Ms()).isNaN();
    assertThat(windows.isEmpty()).isTrue();
  }

  @Test
  void p95IsTheNearestRank() {
    List<Long> latencies = new java.util.ArrayList<>();
    for (long i = 20; i >= 1; i--) {
      latencies.add(i * 10);
    }
    // ceil(0.95 * 20) = 19th smallest.
    assertThat(WindowAggregate.p95(latencies)).isEqualTo(190.0);
    assertThat(WindowAggregate.p95(List.of(7L))).isEqualTo(7.0);
  }

  @Test
  void rowsARestartedSinkPublishesAgainCountTheirFrameOnce() {
    for (long sequence = 0; sequence < 5; sequence++) {
      send("camera-1", sequence, 1_000 + sequence * 1_000, SegmentStatus.OK, 100, Map.of("background", 1.0f),
          Map.of());
    }
    for (long sequence = 2; sequence < 7; sequence++) {
      send("camera-1", sequence, 1_000 + sequence * 1_000, SegmentStatus.OK, 100, Map.of("background", 1.0f),
          Map.of());
    }
    send("camera-1", 7, 30_000, SegmentStatus.OK, 10, Map.of("background", 1.0f), Map.of());

    WindowRow row = windows.readValue();
    assertThat(row.getWindowStart()).isEqualTo(T0);
    assertThat(row.getFrames()).as("sequences 0..6 once each, 8 of the 10 rows within the window").isEqualTo(7);
    assertThat(windows.isEmpty()).isTrue();
  }

  /** Each call is the camera's next sequence number, whatever its capture time, as the sink publishes them. */
  private void send(String camera, long captureOffsetMillis, SegmentStatus status, long latency,
      Map<String, Float> coverage, Map<String, Integer> instances) {
    long sequence = sequences.merge(camera, 1L, Long::sum);
    send(camera, sequence, captureOffsetMillis, status, latency, coverage, instances);
  }

  private void send(String camera, long sequence, long captureOffsetMillis, SegmentStatus status, long latency,
      Map<String, Float> coverage, Map<String, Integer> instances) {
    Instant captured = T0.plusMillis(captureOffsetMillis);
    AnalyticsRow row = AnalyticsRow.newBuilder().setCameraId(camera).setSequence(sequence)
        .setCaptureTime(captured).setRecordTime(captured.plusMillis(latency)).setLatencyMs(latency)
        .setStatus(status).setCoverage(coverage).setDetections(Map.of()).setInstances(instances).build();
    // The record timestamp is the recording time; the windows must follow the capture time instead.
    analytics.pipeInput(camera, row, captured.plusSeconds(3600));
  }
}
