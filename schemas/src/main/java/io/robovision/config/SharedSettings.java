package io.robovision.config;

import java.util.List;

/** The settings every component reads: where Kafka is, the client pass-through, topic names, metrics, home. */
public final class SharedSettings {
  /** The port of a component's /metrics, /health and /ready endpoints (agreed name; 0 switches them off). */
  public static final String METRICS_PORT = "metrics.port";
  /** Where the bundled files (models/, class lists) are looked up. */
  public static final String HOME = "vision.home";

  public static final List<SettingDoc> ALL = List.of(
      new SettingDoc(KafkaSettings.BOOTSTRAP_SERVERS, "localhost:9092", "Kafka brokers, host:port[,...]"),
      new SettingDoc(KafkaSettings.PASS_THROUGH_PREFIX + "*", "",
          "passed to every Kafka client (producer, consumer, admin, Streams) without the prefix,"
              + " e.g. kafka.security.protocol=SASL_SSL, kafka.sasl.mechanism, kafka.sasl.jaas.config"),
      new SettingDoc(Topics.FRAMES, "vision.frames", "frames topic (Frame)"),
      new SettingDoc(Topics.SEGMENTS, "vision.segments", "results topic (SegmentResult)"),
      new SettingDoc(Topics.ANALYTICS, "vision.analytics", "one row per recorded frame (AnalyticsRow)"),
      new SettingDoc(Topics.DEAD_LETTER, "vision.deadletter", "records that could not be processed (DeadLetter)"),
      new SettingDoc(Topics.DETECTIONS, "vision.detections", "one row per detection (DetectionRow)"),
      new SettingDoc(Topics.WINDOWS, "vision.analytics.windows", "windowed statistics per camera (WindowRow)"),
      new SettingDoc(Topics.POSITIONS, "vision.capture.positions",
          "compacted: each camera's next sequence number (CameraPosition), read by a restarted capture agent"),
      new SettingDoc(METRICS_PORT, "0", "HTTP port of /metrics (Prometheus), /health and /ready; 0 = off"),
      new SettingDoc(HOME, ".", "folder holding models/ with the bundled models and class lists"));

  private SharedSettings() {
  }
}
