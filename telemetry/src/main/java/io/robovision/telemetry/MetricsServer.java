package io.robovision.telemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/** Serves /metrics (Prometheus text), /health (liveness) and /ready (readiness) of one JVM's components. */
public final class MetricsServer implements AutoCloseable {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String PLAIN_TEXT = "text/plain; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving on all interfaces at the configured port; null when the port is 0 (off). */
  public static MetricsServer start(MetricsConfig config, Telemetry telemetry) {
    if (!config.enabled()) {
      return null;
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(config.port()), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on port " + config.port() + " (" + MetricsConfig.PORT
          + " / --metrics-port): " + e.getMessage() + "; choose a free port or 0 to switch metrics off", e);
    }
    server.createContext("/metrics", exchange -> answer(exchange, 200, PROMETHEUS_TEXT, telemetry.scrape()));
    server.createContext("/health", exchange -> health(exchange, telemetry.components()));
    server.createContext("/ready", exchange -> readiness(exchange, telemetry.components()));
    ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "metrics-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.start();
    return new MetricsServer(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void health(HttpExchange exchange, List<ComponentHealth> components) throws IOException {
    boolean alive = !components.isEmpty() && components.stream().allMatch(ComponentHealth::alive);
    String body = components.isEmpty() ? "no component started\n" : components.stream()
        .map(c -> c.name() + ": " + (c.alive() ? "alive" : "not running"))
        .collect(Collectors.joining("\n", "", "\n"));
    answer(exchange, alive ? 200 : 503, PLAIN_TEXT, body);
  }

  private static void readiness(HttpExchange exchange, List<ComponentHealth> components) throws IOException {
    boolean ready = !components.isEmpty() && components.stream().allMatch(c -> c.notReadyReason() == null);
    String body = components.isEmpty() ? "no component started\n" : components.stream()
        .map(c -> c.name() + ": " + (c.notReadyReason() == null ? "ready" : c.notReadyReason()))
        .collect(Collectors.joining("\n", "", "\n"));
    answer(exchange, ready ? 200 : 503, PLAIN_TEXT, body);
  }

  private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    try (exchange) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
