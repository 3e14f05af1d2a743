package io.robovision.sink.windows;

import io.robovision.config.ConfigException;
import io.robovision.config.KafkaSettings;
import io.robovision.config.Settings;
import io.robovision.config.Topics;
import io.robovision.sink.SinkConfig;
import java.time.Duration;

/** Settings of the windows application that the sink process runs next to the recorder. */
public record WindowsConfig(
    KafkaSettings kafka,
    Topics topics,
    boolean enabled,
    String applicationId,
    Duration size,
    Duration grace) {

  public static final String ENABLED = "analytics.windows.enabled";
  public static final String WINDOW_SECONDS = "analytics.window.seconds";
  public static final String GRACE_SECONDS = "analytics.window.grace.seconds";

  public WindowsConfig {
    if (size.isZero() || size.isNegative()) {
      throw new ConfigException(WINDOW_SECONDS, "must be positive, got " + size.toSeconds());
    }
    if (grace.isNegative()) {
      throw new ConfigException(GRACE_SECONDS, "must be 0 or more, got " + grace.toSeconds());
    }
  }

  /** The application id (and so the consumer group) follows the sink's group: {@code <sink.group.id>-windows}. */
  public static WindowsConfig from(Settings settings) {
    return new WindowsConfig(
        KafkaSettings.from(settings),
        Topics.from(settings),
        settings.bool(ENABLED, true),
        settings.string(SinkConfig.GROUP_ID, "recorder-sink") + "-windows",
        Duration.ofSeconds(settings.longValue(WINDOW_SECONDS, 10)),
        Duration.ofSeconds(settings.longValue(GRACE_SECONDS, 5)));
  }
}
