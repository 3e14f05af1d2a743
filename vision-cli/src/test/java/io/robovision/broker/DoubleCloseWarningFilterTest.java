package io.robovision.broker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class DoubleCloseWarningFilterTest {
  private final DoubleCloseWarningFilter filter = new DoubleCloseWarningFilter();
  private final LoggerContext context = new LoggerContext();

  @Test
  void dropsOnlyTheBrokersDoubleCloseWarning() {
    assertThat(filter.decide(event("org.apache.kafka.clients.NetworkClient", "[NodeToControllerChannelManager id=1"
        + " name=registration] Attempting to close NetworkClient that has already been closed.")))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(event("org.apache.kafka.clients.NetworkClient", "[Producer clientId=recorder-sink]"
        + " Connection to node 1 (/127.0.0.1:42339) could not be established. Node may not be available.")))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event("io.robovision.sink.RecorderSink",
        "Attempting to close NetworkClient that has already been closed"))).isEqualTo(FilterReply.NEUTRAL);
  }

  private LoggingEvent event(String logger, String message) {
    return new LoggingEvent(getClass().getName(), context.getLogger(logger), Level.WARN, message, null, null);
  }
}
