package io.robovision.telemetry;

import io.robovision.launch.Component;

/** A component whose run also serves its telemetry's /metrics, /health and /ready on metrics.port. */
public final class MeteredComponent {
  private MeteredComponent() {
  }

  /** The server starts when {@code component} starts running and stops, with the meters, when it ends. */
  public static Component of(MetricsConfig config, Telemetry telemetry, Component component) {
    return new Component(() -> {
      try (telemetry; MetricsServer server = MetricsServer.start(config, telemetry)) {
        component.run().run();
      }
    }, component.stop());
  }
}
