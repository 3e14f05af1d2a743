package io.robovision.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @Test
  void laterLayersWin(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("vision.properties");
    Files.writeString(file, "bootstrap.servers=file:9092\ntopic.frames=from-file\ncamera.id=file-cam\n");
    Settings settings = Settings.load(file,
        Map.of("VISION_TOPIC_FRAMES", "from-env", "VISION_CAMERA_ID", "env-cam", "HOME", "/root"),
        Map.of("camera.id", "cli-cam"));
    assertThat(settings.string("bootstrap.servers", "x")).isEqualTo("file:9092");
    assertThat(Topics.from(settings).frames()).isEqualTo("from-env");
    assertThat(settings.string("camera.id", "x")).isEqualTo("cli-cam");
    assertThat(settings.find("home")).isEmpty();
  }

  @Test
  void kafkaPrefixedSettingsPassThroughOverOurDefaults() {
    Settings settings = Settings.load(null, Map.of("VISION_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
        Map.of("kafka.linger.ms", "50", "bootstrap.servers", "b:1"));
    Map<String, Object> properties = KafkaSettings.from(settings).clientProperties(Map.of("linger.ms", 5, "acks", "all"));
    assertThat(properties).containsEntry("bootstrap.servers", "b:1").containsEntry("linger.ms", "50")
        .containsEntry("security.protocol", "SASL_SSL").containsEntry("acks", "all");
  }

  @Test
  void badValuesNameTheSettingAndItsVariable() {
    Settings settings = new Settings(Map.of("capture.fps", "fast"));
    assertThatThrownBy(() -> settings.decimal("capture.fps", 1)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("capture.fps").hasMessageContaining("'fast'");
    assertThatThrownBy(() -> settings.required("model.path")).hasMessageContaining("VISION_MODEL_PATH");
  }

  @Test
  void aMissingConfigFileIsNamed() {
    assertThatThrownBy(() -> Settings.load(Path.of("/nope/vision.properties"), Map.of(), Map.of()))
        .hasMessageContaining("/nope/vision.properties");
  }
}
