package io.robovision.broker;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the warning that the embedded broker's own controller channel prints on every shutdown, closing a network
 * client twice; it says nothing about the pipeline, yet ended every demo on a WARN line. Other warnings pass.
 */
public final class DoubleCloseWarningFilter extends Filter<ILoggingEvent> {
  private static final String LOGGER = "org.apache.kafka.clients.NetworkClient";
  private static final String MESSAGE = "Attempting to close NetworkClient that has already been closed";

  @Override
  public FilterReply decide(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    return LOGGER.equals(event.getLoggerName()) && message != null && message.contains(MESSAGE)
        ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
