package io.robovision.cli;

import io.robovision.sink.SinkConfig;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** How the recorder sink cuts, draws and keeps its videos; shared by {@code vision record} and {@code vision demo}. */
public final class RecordingOptions {
  @Option(names = "--segment-seconds", paramLabel = "S",
      description = "capture time covered by each MP4 segment (setting sink.segment.seconds; default 60)")
  String segmentSeconds;

  @Option(names = "--output", paramLabel = "VARIANT",
      description = "what the videos show: overlay, original or side-by-side (setting sink.output; default overlay)")
  String output;

  @Option(names = "--retention-hours", paramLabel = "H",
      description = "delete closed segments older than this (setting sink.retention.hours; default 0 = keep all)")
  String retentionHours;

  @Option(names = "--retention-bytes", paramLabel = "BYTES",
      description = "delete the oldest closed segments while all together are larger than this"
          + " (setting sink.retention.bytes; default 0 = keep all)")
  String retentionBytes;

  /** The options given, by setting name; unset ones are null and leave the setting alone. */
  Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    settings.put(SinkConfig.SEGMENT_SECONDS, segmentSeconds);
    settings.put(SinkConfig.OUTPUT, output);
    settings.put(SinkConfig.RETENTION_HOURS, retentionHours);
    settings.put(SinkConfig.RETENTION_BYTES, retentionBytes);
    return settings;
  }
}
