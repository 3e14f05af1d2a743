package io.robovision.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/** Where the brokers are, plus every {@code kafka.*} setting passed through untouched to the clients. */
public record KafkaSettings(String bootstrapServers, Map<String, Object> passThrough) {
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String PASS_THROUGH_PREFIX = "kafka.";
  /** The largest record any component sends or fetches: a full-HD JPEG frame fits with room to spare. */
  public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

  public KafkaSettings {
    passThrough = Map.copyOf(passThrough);
  }

  public static KafkaSettings from(Settings settings) {
    return new KafkaSettings(settings.string(BOOTSTRAP_SERVERS, "localhost:9092"),
        settings.withPrefix(PASS_THROUGH_PREFIX));
  }

  /** Client properties: our explicit choices first, then the user's {@code kafka.*} settings over them. */
  public Map<String, Object> clientProperties(Map<String, Object> componentDefaults) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.putAll(componentDefaults);
    properties.putAll(passThrough);
    return properties;
  }
}
