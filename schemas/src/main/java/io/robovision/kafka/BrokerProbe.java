package io.robovision.kafka;

import io.robovision.config.KafkaSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Fails fast, naming the address, when the configured brokers cannot be reached. */
public final class BrokerProbe {
  private final KafkaSettings kafka;
  private final Duration timeout;

  public BrokerProbe(KafkaSettings kafka, Duration timeout) {
    this.kafka = kafka;
    this.timeout = timeout;
  }

  /** Returns the number of brokers, or throws {@link BrokerUnreachableException} within the timeout. */
  public int check() {
    int millis = (int) timeout.toMillis();
    Map<String, Object> properties = kafka.clientProperties(Map.of(
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
        AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Math.min(millis, 10_000),
        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
    try (Admin admin = Admin.create(properties)) {
      return admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis))
          .nodes().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS).size();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerUnreachableException(kafka.bootstrapServers(), "interrupted", e);
    } catch (ExecutionException e) {
      throw new BrokerUnreachableException(kafka.bootstrapServers(), e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new BrokerUnreachableException(kafka.bootstrapServers(),
          "no answer within " + timeout.toSeconds() + " s", e);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new BrokerUnreachableException(kafka.bootstrapServers(), e.getMessage(), e);
    }
  }
}
