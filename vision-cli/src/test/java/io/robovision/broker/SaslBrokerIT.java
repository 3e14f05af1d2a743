package io.robovision.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.robovision.capture.CaptureConfig;
import io.robovision.capture.CaptureMain;
import io.robovision.capture.CaptureStats;
import io.robovision.cli.VisionCommand;
import io.robovision.config.KafkaSettings;
import io.robovision.config.Settings;
import io.robovision.kafka.BrokerAuthenticationException;
import io.robovision.kafka.TopicSetup;
import io.robovision.schemas.Frame;
import io.robovision.serde.AvroDeserializer;
import io.robovision.telemetry.Telemetry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Credentials given as kafka.* settings reach every client; wrong ones fail at once, naming the settings. */
class SaslBrokerIT {
  private static final String TOPIC = "sasl.frames";
  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.startWithSaslPlain(0, null, Map.of("camera", "camera-secret"));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  /** The settings a deployment gives through the environment, as the images do. */
  private static Map<String, String> environment(String password) {
    return Map.of(
        "VISION_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "VISION_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
        "VISION_KAFKA_SASL_MECHANISM", "PLAIN",
        "VISION_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"camera\" password=\"" + password + "\";",
        "VISION_TOPIC_FRAMES", TOPIC);
  }

  @Test
  void theRightCredentialsCaptureAndReadBack() throws Exception {
    Settings settings = Settings.load(null, environment("camera-secret"),
        Map.of("camera.id", "sasl-cam", "capture.source", "synthetic:3", "capture.fps", "0", "capture.max.frames", "5"));
    CaptureConfig config = CaptureConfig.from(settings);
    new TopicSetup(config.kafka()).ensure(Set.of(TOPIC), 1, (short) 1, KafkaSettings.MAX_RECORD_BYTES);

    CaptureStats stats = new CaptureStats(new Telemetry(), config.cameraId());
    CaptureMain.start(config, stats).run();

    assertThat(stats.publishedCount()).isEqualTo(5);
    assertThat(readSequences(config.kafka(), 5)).containsExactly(0L, 1L, 2L, 3L, 4L);
  }

  @Test
  void aWrongPasswordFailsWithinSecondsNamingTheSettings() {
    CaptureConfig config = CaptureConfig.from(Settings.load(null, environment("wrong"), Map.of()));
    long started = System.nanoTime();
    assertThatThrownBy(() -> CaptureMain.start(config, new CaptureStats(new Telemetry(), config.cameraId())))
        .isInstanceOf(BrokerAuthenticationException.class)
        .hasMessageContaining(broker.bootstrapServers())
        .hasMessageContaining("kafka.sasl.jaas.config")
        .hasMessageContaining("kafka.sasl.mechanism");
    // The probe gives up after 15 s of silence; a refusal must come well before that.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void theCommandLineReportsAWrongPasswordInOneLine() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = VisionCommand.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    int status = commandLine.execute("capture", "--bootstrap-servers", broker.bootstrapServers(),
        "-s", "kafka.security.protocol=SASL_PLAINTEXT", "-s", "kafka.sasl.mechanism=PLAIN",
        "-s", "kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"camera\" password=\"nope\";");
    assertThat(status).isNotZero();
    assertThat(err.toString().strip())
        .startsWith("vision capture: Kafka at " + broker.bootstrapServers() + " refused to authenticate us")
        .contains("kafka.sasl.jaas.config")
        .doesNotContain("\n");
  }

  private static List<Long> readSequences(KafkaSettings kafka, int expected) {
    Map<String, Object> properties = kafka.clientProperties(Map.of(
        ConsumerConfig.GROUP_ID_CONFIG, "sasl-reader",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, KafkaSettings.MAX_RECORD_BYTES));
    AvroDeserializer<Frame> frames = new AvroDeserializer<>(Frame.getClassSchema());
    List<Long> sequences = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (sequences.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          assertThat(record.key()).isEqualTo("sasl-cam");
          sequences.add(frames.deserialize(TOPIC, record.value()).getSequence());
        }
      }
    }
    return sequences;
  }
}
