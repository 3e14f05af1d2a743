package io.robovision.sink;

import io.robovision.config.ConfigException;
import io.robovision.config.KafkaSettings;
import io.robovision.config.Settings;
import io.robovision.config.Topics;
import io.robovision.sink.overlay.OutputVariant;
import java.nio.file.Path;
import java.time.Duration;

/** Settings of the recorder sink. */
public record SinkConfig(
    KafkaSettings kafka,
    Topics topics,
    String groupId,
    Path outputDir,
    Path classesPath,
    double videoFps,
    double overlayAlpha,
    long gapTimeoutMillis,
    int reorderCapacity,
    int segmentSeconds,
    OutputVariant output,
    double retentionHours,
    long retentionBytes,
    int renderThreads) {

  public static final String GROUP_ID = "sink.group.id";
  public static final String OUTPUT_DIR = "sink.output.dir";
  public static final String CLASSES = "model.classes";
  public static final String VIDEO_FPS = "sink.video.fps";
  public static final String OVERLAY_ALPHA = "sink.overlay.alpha";
  public static final String GAP_TIMEOUT_MS = "sink.gap.timeout.ms";
  /**
   * Longer than a worker's fail-over (its 10 s session, then the new owner re-reads from the last commit), during
   * which the sink may hold a later result of a camera that the dead worker sent before the one it did not.
   */
  private static final long DEFAULT_GAP_TIMEOUT_MS = 30_000;
  public static final String REORDER_CAPACITY = "sink.reorder.capacity";
  public static final String SEGMENT_SECONDS = "sink.segment.seconds";
  public static final String OUTPUT = "sink.output";
  public static final String RETENTION_HOURS = "sink.retention.hours";
  public static final String RETENTION_BYTES = "sink.retention.bytes";
  public static final String RENDER_THREADS = "sink.render.threads";
  /** One thread renders about 250 frames/s of 320x240 and the consumer thread then encodes about 400/s. */
  private static final int MAX_DEFAULT_RENDER_THREADS = 4;

  public SinkConfig {
    if (videoFps <= 0) {
      throw new ConfigException(VIDEO_FPS, "must be positive, got " + videoFps);
    }
    if (overlayAlpha <= 0 || overlayAlpha > 1) {
      throw new ConfigException(OVERLAY_ALPHA, "must be in (0, 1], got " + overlayAlpha);
    }
    if (gapTimeoutMillis < 0 || reorderCapacity < 1) {
      throw new ConfigException(GAP_TIMEOUT_MS, "must be >= 0 and " + REORDER_CAPACITY + " >= 1");
    }
    if (segmentSeconds < 1) {
      throw new ConfigException(SEGMENT_SECONDS, "must be at least 1, got " + segmentSeconds);
    }
    if (!(retentionHours >= 0) || Double.isInfinite(retentionHours)) {
      throw new ConfigException(RETENTION_HOURS, "must be 0 (keep all) or a positive number of hours, got "
          + retentionHours);
    }
    if (renderThreads < 1) {
      throw new ConfigException(RENDER_THREADS, "must be at least 1, got " + renderThreads);
    }
    if (retentionBytes < 0) {
      throw new ConfigException(RETENTION_BYTES, "must be 0 (keep all) or a positive byte count, got "
          + retentionBytes);
    }
  }

  /** How long closed segments are kept; zero keeps them whatever their age. */
  public Duration retentionAge() {
    return Duration.ofMillis(Math.round(retentionHours * 3_600_000));
  }

  public static SinkConfig from(Settings settings) {
    return new SinkConfig(
        KafkaSettings.from(settings),
        Topics.from(settings),
        settings.string(GROUP_ID, "recorder-sink"),
        Path.of(settings.string(OUTPUT_DIR, "out")),
        Path.of(settings.string(CLASSES, settings.home().resolve("models/voc_classes.txt").toString())),
        settings.decimal(VIDEO_FPS, 10),
        settings.decimal(OVERLAY_ALPHA, 0.5),
        settings.longValue(GAP_TIMEOUT_MS, DEFAULT_GAP_TIMEOUT_MS),
        settings.integer(REORDER_CAPACITY, 2_000),
        settings.integer(SEGMENT_SECONDS, 60),
        output(settings),
        settings.decimal(RETENTION_HOURS, 0),
        settings.longValue(RETENTION_BYTES, 0),
        settings.integer(RENDER_THREADS, defaultRenderThreads(Runtime.getRuntime().availableProcessors())));
  }

  /** Half the cores, from 1 to 4: the sink shares a machine with the worker in the demo and in small deployments. */
  static int defaultRenderThreads(int cores) {
    return Math.max(1, Math.min(MAX_DEFAULT_RENDER_THREADS, cores / 2));
  }

  private static OutputVariant output(Settings settings) {
    try {
      return OutputVariant.parse(settings.string(OUTPUT, OutputVariant.OVERLAY.label()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(OUTPUT, e.getMessage());
    }
  }
}
