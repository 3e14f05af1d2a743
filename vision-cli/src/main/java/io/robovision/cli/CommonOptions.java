package io.robovision.cli;

import io.robovision.config.KafkaSettings;
import io.robovision.config.Settings;
import io.robovision.telemetry.MetricsConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every component command shares: where Kafka is, a properties file, and any setting by name. */
public final class CommonOptions {
  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      description = "Kafka brokers (setting bootstrap.servers, env VISION_BOOTSTRAP_SERVERS; default localhost:9092)")
  String bootstrapServers;

  @Option(names = "--config", paramLabel = "FILE", description = "properties file of settings (command-line options win)")
  Path config;

  @Option(names = "--metrics-port", paramLabel = "PORT",
      description = "serve /metrics (Prometheus), /health and /ready on this port, 0 for off (setting metrics.port)")
  String metricsPort;

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
      description = "any setting, e.g. topic.frames=cam.frames or kafka.security.protocol=SASL_SSL")
  Map<String, String> settings = new LinkedHashMap<>();

  /** File, then environment, then {@code --set}, then the command's own options. */
  public Settings load(Map<String, String> commandOptions) {
    Map<String, String> overrides = new HashMap<>(settings);
    if (bootstrapServers != null) {
      overrides.put(KafkaSettings.BOOTSTRAP_SERVERS, bootstrapServers);
    }
    if (metricsPort != null) {
      overrides.put(MetricsConfig.PORT, metricsPort);
    }
    overrides.putAll(withoutNulls(commandOptions));
    return Settings.load(config, System.getenv(), overrides);
  }

  private static Map<String, String> withoutNulls(Map<String, String> values) {
    Map<String, String> result = new HashMap<>();
    values.forEach((key, value) -> {
      if (value != null) {
        result.put(key, value);
      }
    });
    return result;
  }
}
