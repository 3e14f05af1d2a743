package io.robovision.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The meters and health of the components running in one JVM: one Prometheus registry with JVM
 * metrics bound, and the components' health by name.
 */
public final class Telemetry implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Map<String, ComponentHealth> components = new ConcurrentHashMap<>();

  public Telemetry() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** A latency timer with p50/p95/p99 and histogram buckets from 1 ms to 1 min, for Prometheus' histogram_quantile. */
  public Timer latency(String name, String description, String... tags) {
    return Timer.builder(name).description(description).tags(tags)
        .publishPercentiles(0.5, 0.95, 0.99)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(1))
        .register(registry);
  }

  /** Registers a component whose health /health and /ready report; names are unique per JVM. */
  public ComponentHealth component(String name) {
    return components.computeIfAbsent(name, ComponentHealth::new);
  }

  public List<ComponentHealth> components() {
    return components.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
  }

  /**
   * Binds a Kafka consumer's metrics (lag, fetch rates); close the result with the client. The
   * {@code client.type} tag keeps a consumer and a producer that share a client id apart.
   */
  public AutoCloseable bind(Consumer<?, ?> consumer) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(consumer, Tags.of("client.type", "consumer"));
    metrics.bindTo(registry);
    return metrics;
  }

  /** Binds a Kafka producer's metrics (send rates, errors); close the result with the client. */
  public AutoCloseable bind(Producer<?, ?> producer) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(producer, Tags.of("client.type", "producer"));
    metrics.bindTo(registry);
    return metrics;
  }

  /** Every meter in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
