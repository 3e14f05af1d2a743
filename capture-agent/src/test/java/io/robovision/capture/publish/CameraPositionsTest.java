package io.robovision.capture.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.robovision.config.KafkaSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CameraPositionsTest {
  @Test
  void savingAPositionDoesNotWaitForABrokerThatIsAway() throws Exception {
    KafkaSettings nowhere = new KafkaSettings("127.0.0.1:" + closedPort(), Map.of());
    try (CameraPositions positions = new CameraPositions(nowhere, "vision.capture.positions", "gate")) {
      long started = System.nanoTime();
      positions.advance(1);
      Thread.sleep(CameraPositions.SAVE_INTERVAL.toMillis());
      positions.advance(2);
      // Each save is given up at once; a producer that waited for the topic's metadata would block for a minute.
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
