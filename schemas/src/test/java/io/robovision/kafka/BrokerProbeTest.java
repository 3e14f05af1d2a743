package io.robovision.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.robovision.config.ConfigException;
import io.robovision.config.KafkaSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class BrokerProbeTest {
  @Test
  void anInvalidClientSettingIsReportedAsSuchAndNotAsAnUnreachableBroker() throws Exception {
    KafkaSettings kafka = new KafkaSettings("127.0.0.1:" + closedPort(), Map.of("security.protocol", "NONSENSE"));

    assertThatThrownBy(() -> new BrokerProbe(kafka, Duration.ofSeconds(2)).check())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kafka.*")
        .hasMessageContaining("security.protocol")
        .hasMessageContaining("VISION_KAFKA_");
  }

  @Test
  void aDefaultApiTimeoutBelowTheProbesRequestTimeoutDoesNotBreakTheProbe() throws Exception {
    String address = "127.0.0.1:" + closedPort();
    KafkaSettings kafka = new KafkaSettings(address, Map.of("default.api.timeout.ms", "500"));

    assertThatThrownBy(() -> new BrokerProbe(kafka, Duration.ofSeconds(2)).check())
        .isInstanceOf(BrokerUnreachableException.class)
        .hasMessageContaining(address)
        .hasRootCauseInstanceOf(TimeoutException.class);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
