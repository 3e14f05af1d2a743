package io.robovision.telemetry;

import io.robovision.config.ConfigException;
import io.robovision.config.Settings;
import io.robovision.config.SharedSettings;

/** Where a component serves /metrics, /health and /ready; port 0 switches the server off. */
public record MetricsConfig(int port) {
  public static final String PORT = SharedSettings.METRICS_PORT;

  public MetricsConfig {
    if (port < 0 || port > 65_535) {
      throw new ConfigException(PORT, "must be 0 (off) or a TCP port 1..65535, got " + port);
    }
  }

  public static MetricsConfig from(Settings settings) {
    return new MetricsConfig(settings.integer(PORT, 0));
  }

  public boolean enabled() {
    return port > 0;
  }
}
