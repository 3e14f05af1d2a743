package io.robovision.kafka;

/** The Kafka cluster answered but refused the configured credentials or security settings. */
public final class BrokerAuthenticationException extends RuntimeException {
  public BrokerAuthenticationException(String bootstrapServers, String detail, Throwable cause) {
    super("Kafka at " + bootstrapServers + " refused to authenticate us (" + detail + "); check kafka.security.protocol,"
        + " kafka.sasl.mechanism and kafka.sasl.jaas.config (VISION_KAFKA_SECURITY_PROTOCOL,"
        + " VISION_KAFKA_SASL_MECHANISM, VISION_KAFKA_SASL_JAAS_CONFIG or -s kafka.sasl.jaas.config=...)", cause);
  }
}
