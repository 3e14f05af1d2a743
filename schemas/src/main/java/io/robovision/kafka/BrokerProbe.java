package io.robovision.kafka;

import io.robovision.config.KafkaSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;

/** Fails fast, naming the address and the settings to fix, when the brokers cannot be reached or refuse us. */
public final class BrokerProbe {
  private final KafkaSettings kafka;
  private final Duration timeout;

  public BrokerProbe(KafkaSettings kafka, Duration timeout) {
    this.kafka = kafka;
    this.timeout = timeout;
  }

  /**
   * Returns the number of brokers, or throws {@link BrokerUnreachableException} or
   * {@link BrokerAuthenticationException} within the timeout.
   */
  public int check() {
    int millis = (int) timeout.toMillis();
    Map<String, Object> properties = kafka.clientProperties(Map.of(
        AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Math.min(millis, 10_000),
        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
    // The probe's own deadline, over what the user tells the components' clients: a kafka.default.api.timeout.ms
    // below the probe's request timeout would make the admin client refuse its configuration.
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    try (Admin admin = Admin.create(properties)) {
      return admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis))
          .nodes().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS).size();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerUnreachableException(kafka.bootstrapServers(), "interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AuthenticationException refused) {
        throw new BrokerAuthenticationException(kafka.bootstrapServers(), refused.getMessage(), refused);
      }
      throw new BrokerUnreachableException(kafka.bootstrapServers(), e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new BrokerUnreachableException(kafka.bootstrapServers(),
          "no answer within " + timeout.toSeconds() + " s" + securityHint(), e);
    } catch (AuthenticationException e) {
      throw new BrokerAuthenticationException(kafka.bootstrapServers(), e.getMessage(), e);
    } catch (KafkaException e) {
      ConfigException invalid = e instanceof ConfigException direct ? direct
          : e.getCause() instanceof ConfigException wrapped ? wrapped : null;
      if (invalid != null) {
        throw new io.robovision.config.ConfigException(KafkaSettings.PASS_THROUGH_PREFIX + "*",
            "settings are not a valid Kafka client configuration: " + invalid.getMessage() + " Fix the kafka.* entry"
                + " in the properties file, its VISION_KAFKA_* environment variable or -s option.");
      }
      throw new BrokerUnreachableException(kafka.bootstrapServers(), e.getMessage(), e);
    }
  }

  /** A broker that wants SASL or TLS drops a plaintext client without a word, which looks like silence. */
  private String securityHint() {
    return kafka.passThrough().containsKey(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG) ? ""
        : "; if the listener needs SASL or TLS, set kafka.security.protocol and its kafka.sasl.* / kafka.ssl.* settings";
  }
}
