package io.robovision.config;

/** The pipeline's topic names; each one can be renamed with a {@code topic.*} setting. */
public record Topics(String frames, String segments, String analytics, String deadLetter, String detections,
    String windows, String positions) {
  public static final String FRAMES = "topic.frames";
  public static final String SEGMENTS = "topic.segments";
  public static final String ANALYTICS = "topic.analytics";
  public static final String DEAD_LETTER = "topic.deadletter";
  public static final String DETECTIONS = "topic.detections";
  public static final String WINDOWS = "topic.analytics.windows";
  public static final String POSITIONS = "topic.capture.positions";

  public static Topics from(Settings settings) {
    return new Topics(
        settings.string(FRAMES, "vision.frames"),
        settings.string(SEGMENTS, "vision.segments"),
        settings.string(ANALYTICS, "vision.analytics"),
        settings.string(DEAD_LETTER, "vision.deadletter"),
        settings.string(DETECTIONS, "vision.detections"),
        settings.string(WINDOWS, "vision.analytics.windows"),
        settings.string(POSITIONS, "vision.capture.positions"));
  }
}
