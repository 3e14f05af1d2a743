package io.robovision.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.robovision.broker.EmbeddedBroker;
import io.robovision.config.Settings;
import io.robovision.demo.Demo;
import io.robovision.demo.DemoOptions;
import io.robovision.demo.DemoSummary;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo pipeline on the real broker with metrics.port set: the endpoints answer and the meters move. */
class MetricsEndpointsIT {
  private static final Path MODELS = Path.of("..", "models");
  private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "dashboards", "robovision.json");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void scrapesMovingMetricsHealthAndReadinessWhileTheDemoRuns(@TempDir Path out) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (EmbeddedBroker broker = EmbeddedBroker.start(0, null)) {
      DemoOptions options = new DemoOptions(1, 0, 60, "synthetic:", MODELS.resolve("deeplabv3_mobilenet_v3_large.pt"),
          MODELS.resolve("voc_classes.txt"), null, MODELS.resolve("coco_classes.txt"), out, 6, 320, 240, 320, 240, 1);
      Demo demo = new Demo(options, new Settings(Map.of(MetricsConfig.PORT, Integer.toString(port))), System.out);
      CompletableFuture<DemoSummary> run = CompletableFuture.supplyAsync(() -> {
        try {
          return demo.run(broker.bootstrapServers());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });

      int readyStatus = 0;
      String readyBody = "";
      int healthStatus = 0;
      String metrics = "";
      while (!run.isDone() && (readyStatus != 200 || recorded(metrics) == 0)) {
        Thread.sleep(250);
        HttpResponse<String> ready = get(port, "/ready");
        if (ready == null) {
          continue;
        }
        readyStatus = ready.statusCode();
        readyBody = ready.body();
        healthStatus = get(port, "/health").statusCode();
        metrics = get(port, "/metrics").body();
      }

      assertThat(readyStatus).as("/ready said: %s", readyBody).isEqualTo(200);
      assertThat(readyBody).contains("capture-camera-1: ready", "segmenter-worker: ready", "recorder-sink: ready");
      assertThat(healthStatus).isEqualTo(200);
      assertThat(value(metrics, "vision_capture_frames_published_total\\{camera=\"camera-1\"[^}]*}")).isPositive();
      assertThat(value(metrics, "vision_worker_frames_segmented_total")).isPositive();
      assertThat(recorded(metrics)).isPositive();
      assertThat(value(metrics, "vision_worker_stage_seconds_count\\{stage=\"inference\"[^}]*}")).isPositive();
      assertThat(value(metrics, "vision_sink_stage_seconds_count\\{stage=\"render\"[^}]*}")).isPositive();
      assertThat(value(metrics, "vision_sink_stage_seconds_count\\{stage=\"encode\"[^}]*}")).isPositive();
      assertThat(metrics).contains("vision_sink_latency_seconds_bucket", "vision_worker_lag_records",
          "vision_sink_class_coverage{camera=\"camera-1\",class=\"__background__\"", "jvm_memory_used_bytes",
          "kafka_consumer_fetch_manager_records_consumed_total");
      assertThat(value(metrics, "vision_worker_batch_size_frames_count")).isPositive();
      assertThat(metrics).contains("vision_worker_inflight_records", "vision_worker_model_busy_seconds_total",
          "vision_worker_frames_skipped_total", "vision_sink_frames_dropped_total", "vision_sink_segments_closed_total");
      String served = metrics;
      assertThat(dashboardMetrics()).as("every vision_* series the Grafana dashboard queries is served")
          .isNotEmpty().allSatisfy(name -> assertThat(served).contains("\n" + name));

      DemoSummary summary = run.get();
      assertThat(summary.framesRecorded()).isEqualTo(60);
      assertThat(get(port, "/health")).as("the server stops with the demo").isNull();
    }
  }

  /** The vision_* metric names in the dashboard's queries, histogram and summary suffixes included. */
  private static Set<String> dashboardMetrics() throws IOException {
    Matcher matcher = Pattern.compile("vision_[a-z_]+").matcher(Files.readString(DASHBOARD));
    Set<String> names = new TreeSet<>();
    while (matcher.find()) {
      names.add(matcher.group());
    }
    return names;
  }

  private static double recorded(String metrics) {
    return value(metrics, "vision_sink_frames_recorded_total");
  }

  /** The sum of every sample of a series (name plus optional label pattern); 0 when absent. */
  private static double value(String metrics, String series) {
    Matcher matcher = Pattern.compile("(?m)^" + series + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(metrics);
    double sum = 0;
    while (matcher.find()) {
      sum += Double.parseDouble(matcher.group(1));
    }
    return sum;
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      return null;
    }
  }
}
