package io.robovision.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesMetricsHealthAndReadinessOfEveryComponent() throws Exception {
    try (Telemetry telemetry = new Telemetry();
        MetricsServer server = MetricsServer.start(new MetricsConfig(freePort()), telemetry)) {
      ComponentHealth worker = telemetry.component("worker");
      ComponentHealth sink = telemetry.component("sink");
      telemetry.latency("vision.test.latency", "a test timer").record(java.time.Duration.ofMillis(12));

      assertThat(get(server, "/health").statusCode()).isEqualTo(503);
      HttpResponse<String> notStarted = get(server, "/ready");
      assertThat(notStarted.statusCode()).isEqualTo(503);
      assertThat(notStarted.body()).contains("worker: not running");

      worker.started();
      sink.started();
      worker.ready();
      sink.notReady("no partition assigned");
      assertThat(get(server, "/health").statusCode()).isEqualTo(200);
      HttpResponse<String> halfReady = get(server, "/ready");
      assertThat(halfReady.statusCode()).isEqualTo(503);
      assertThat(halfReady.body()).contains("sink: no partition assigned", "worker: ready");

      sink.ready();
      assertThat(get(server, "/ready").statusCode()).isEqualTo(200);

      HttpResponse<String> metrics = get(server, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
          .startsWith("text/plain"));
      assertThat(metrics.body()).contains("jvm_memory_used_bytes", "vision_test_latency_seconds_bucket",
          "vision_test_latency_seconds_count 1");

      sink.stopped();
      assertThat(get(server, "/health").statusCode()).isEqualTo(503);
      assertThat(get(server, "/ready").body()).contains("sink: stopped");
    }
  }

  @Test
  void portZeroServesNothing() {
    try (Telemetry telemetry = new Telemetry()) {
      assertThat(MetricsServer.start(new MetricsConfig(0), telemetry)).isNull();
    }
  }

  private HttpResponse<String> get(MetricsServer server, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
