package io.robovision.kafka;

/** The Kafka cluster at the configured address did not answer. */
public final class BrokerUnreachableException extends RuntimeException {
  public BrokerUnreachableException(String bootstrapServers, String detail, Throwable cause) {
    super("cannot reach Kafka at " + bootstrapServers + " (" + detail + "); check bootstrap.servers"
        + " (--bootstrap-servers or VISION_BOOTSTRAP_SERVERS) and that the broker is running", cause);
  }
}
