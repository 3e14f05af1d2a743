package io.robovision.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.robovision.broker.EmbeddedBroker;
import io.robovision.capture.publish.CameraPositions;
import io.robovision.capture.publish.FramePublisher;
import io.robovision.config.KafkaSettings;
import io.robovision.config.Settings;
import io.robovision.kafka.TopicSetup;
import io.robovision.telemetry.Telemetry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Capture agents on the real broker: where a restarted camera goes on, and a stream that is down at start. */
class CaptureAgentIT {
  private static final String FRAMES = "vision.frames";
  private static final TopicPartition PARTITION = new TopicPartition(FRAMES, 0);

  private EmbeddedBroker broker;
  private KafkaSettings kafka;

  @BeforeEach
  void startBroker() {
    broker = EmbeddedBroker.start(0, null);
    kafka = new KafkaSettings(broker.bootstrapServers(), Map.of());
    new TopicSetup(kafka).ensure(Set.of(FRAMES), 1, (short) 1, 16 * 1024 * 1024);
  }

  @AfterEach
  void stopBroker() {
    broker.close();
  }

  @Test
  void goesOnAfterRetentionDeletedEveryFrameOfTheCamera() throws Exception {
    capture("door", 5);
    try (Admin admin = Admin.create(kafka.clientProperties(Map.of()))) {
      long end = admin.listOffsets(Map.of(PARTITION, OffsetSpec.latest())).all().get().get(PARTITION).offset();
      admin.deleteRecords(Map.of(PARTITION, RecordsToDelete.beforeOffset(end))).all().get();
    }

    capture("door", 3);

    assertThat(sequences("door")).containsExactly(5L, 6L, 7L);
  }

  @Test
  void goesOnWhenOtherCamerasOnItsPartitionPushedItsFramesOutOfTheTail() throws Exception {
    capture("door", 5);
    capture("yard", 600);

    capture("door", 3);

    assertThat(sequences("door")).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(sequences("yard")).hasSize(600).startsWith(0L).endsWith(599L);
  }

  /**
   * Seen failing once in `./mvnw verify` as above: a camera that ran for less than a second saved no position, as
   * its producer had no metadata of the topic yet and never waits for it; the camera then started again at 0.
   */
  @Test
  void aCameraThatRanForAMomentStillSavesWhereItLeftOff() {
    String topic = "vision.capture.positions";
    new TopicSetup(kafka).ensureCompacted(topic, CameraPositions.SEGMENT_MS);
    try (CameraPositions positions = new CameraPositions(kafka, topic, "blink")) {
      for (long next = 1; next <= 3; next++) {
        positions.advance(next);
      }
    }

    try (CameraPositions positions = new CameraPositions(kafka, topic, "blink")) {
      assertThat(positions.read()).isEqualTo(3);
    }
  }

  @Test
  void retriesAStreamThatIsDownAtStartUntilStopped() throws Exception {
    try (Telemetry telemetry = new Telemetry()) {
      CaptureStats stats = new CaptureStats(telemetry, "gate");
      CaptureAgent agent = CaptureMain.start(config("gate", "rtsp://127.0.0.1:9/down", 0), stats);
      Thread running = new Thread(agent, "capture-gate");
      running.start();
      running.join(2_500);
      assertThat(running.isAlive()).isTrue();
      assertThat(stats.grabbedCount()).isZero();

      agent.stop();
      running.join(1_000);

      assertThat(running.isAlive()).isFalse();
    }
  }

  private void capture(String camera, int frames) throws Exception {
    try (Telemetry telemetry = new Telemetry()) {
      CaptureMain.start(config(camera, "synthetic:7", frames), new CaptureStats(telemetry, camera)).run();
    }
  }

  private CaptureConfig config(String camera, String source, int frames) {
    return CaptureConfig.from(new Settings(Map.of(
        KafkaSettings.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
        CaptureConfig.CAMERA_ID, camera,
        CaptureConfig.SOURCE, source,
        CaptureConfig.FPS, "0",
        CaptureConfig.WIDTH, "64",
        CaptureConfig.HEIGHT, "48",
        CaptureConfig.MAX_FRAMES, Integer.toString(frames))));
  }

  private List<Long> sequences(String camera) {
    List<Long> sequences = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.clientProperties(Map.of()),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(PARTITION));
      consumer.seekToBeginning(List.of(PARTITION));
      long end = consumer.endOffsets(List.of(PARTITION)).get(PARTITION);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (consumer.position(PARTITION) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (camera.equals(record.key())) {
            sequences.add(ByteBuffer.wrap(record.headers().lastHeader(FramePublisher.SEQUENCE_HEADER).value()).getLong());
          }
        }
      }
    }
    return sequences;
  }
}
