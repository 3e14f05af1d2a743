package io.robovision.cli;

import io.robovision.config.Settings;
import io.robovision.sink.RecorderSink;
import io.robovision.sink.SinkConfig;
import io.robovision.sink.SinkMain;
import io.robovision.sink.SinkStats;
import io.robovision.sink.windows.AnalyticsWindows;
import io.robovision.sink.windows.WindowsConfig;
import io.robovision.telemetry.MetricsConfig;
import io.robovision.telemetry.MetricsServer;
import io.robovision.telemetry.Telemetry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vision record}: the recorder sink against any Kafka cluster. */
@Command(name = "record", mixinStandardHelpOptions = true,
    description = {"Pairs frames with results in order, writes MP4 segments per camera and publishes analytics rows"
        + " (vision.analytics) and detection rows (vision.detections).",
        "Segments are OUT/<camera>/<YYYY-MM-DD>/<HH-MM-SS>.mp4 (UTC capture time of their first frame); the one being",
        "written is a .part file, and offsets are committed only for frames in closed segments.",
        "Also runs the analytics windows: per-camera tumbling windows over vision.analytics, published to"
            + " vision.analytics.windows once each window closes."})
public final class RecordCommand implements Callable<Integer> {
  @Option(names = "--out", description = "output folder (setting sink.output.dir; default out)")
  String out;

  @Option(names = "--classes", description = "class file (setting model.classes; default models/voc_classes.txt)")
  String classes;

  @Option(names = "--fps", description = "frame rate written into the MP4 files (setting sink.video.fps; default 10)")
  String fps;

  @Option(names = "--group-id", description = "consumer group (setting sink.group.id; default recorder-sink)")
  String groupId;

  @Option(names = "--window-seconds", paramLabel = "S",
      description = "length of the analytics windows in capture time (setting analytics.window.seconds; default 10)")
  String windowSeconds;

  @Option(names = "--grace-seconds", paramLabel = "S", description = "how late a frame may arrive and still count in"
      + " its window; a window is published after its end + grace (setting analytics.window.grace.seconds; default 5)")
  String graceSeconds;

  @Option(names = "--no-windows", description = "do not run the analytics windows (setting analytics.windows.enabled)")
  boolean noWindows;

  @Mixin
  RecordingOptions recording;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Map<String, String> options = new HashMap<>(recording.settings());
    options.put(SinkConfig.OUTPUT_DIR, out);
    options.put(SinkConfig.CLASSES, classes);
    options.put(SinkConfig.VIDEO_FPS, fps);
    options.put(SinkConfig.GROUP_ID, groupId);
    options.put(WindowsConfig.WINDOW_SECONDS, windowSeconds);
    options.put(WindowsConfig.GRACE_SECONDS, graceSeconds);
    options.put(WindowsConfig.ENABLED, noWindows ? "false" : null);
    Settings settings = common.load(options);
    SinkConfig config = SinkConfig.from(settings);
    WindowsConfig windows = WindowsConfig.from(settings);
    Telemetry telemetry = new Telemetry();
    RecorderSink sink = SinkMain.start(config, telemetry);
    System.out.println("recording from " + config.kafka().bootstrapServers() + " into " + config.outputDir());
    long started = System.nanoTime();
    try (GracefulShutdown shutdown = new GracefulShutdown(sink::stop, Duration.ofSeconds(30));
        MetricsServer metrics = MetricsServer.start(MetricsConfig.from(settings), telemetry);
        AnalyticsWindows running = windows.enabled() ? AnalyticsWindows.start(windows, telemetry.component("analytics-windows")) : null;
        Progress progress = new Progress(() -> line(sink, started), 5_000, System.out)) {
      sink.run();
    }
    return 0;
  }

  private static String line(RecorderSink sink, long started) {
    SinkStats stats = sink.stats();
    Histogram latency = stats.latency().snapshot();
    double seconds = (System.nanoTime() - started) / 1e9;
    return String.format(Locale.ROOT, "recorded %d (%.1f/s), waiting %d, duplicates %d, gaps %d (dropped %d),"
            + " skipped %d, undecodable %d, segments %d (deleted %d), latency p50 %d ms p99 %d ms",
        stats.recordedCount(), stats.recordedCount() / Math.max(seconds, 1e-3), sink.pending(),
        stats.duplicateCount(), stats.gapCount(), stats.droppedCount(), stats.skippedCount(),
        stats.undecodableCount(), stats.segmentsClosedCount(), stats.segmentsDeletedCount(),
        latency.getValueAtPercentile(50), latency.getValueAtPercentile(99));
  }
}
