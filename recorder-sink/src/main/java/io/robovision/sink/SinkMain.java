package io.robovision.sink;

import io.robovision.config.ClassNames;
import io.robovision.files.FileErrors;
import io.robovision.kafka.BrokerProbe;
import io.robovision.launch.Component;
import io.robovision.launch.ComponentCommand;
import io.robovision.sink.analytics.AnalyticsCsv;
import io.robovision.sink.overlay.FrameComposer;
import io.robovision.sink.overlay.OverlayRenderer;
import io.robovision.sink.recording.Retention;
import io.robovision.sink.recording.VideoFiles;
import io.robovision.sink.windows.AnalyticsWindows;
import io.robovision.sink.windows.WindowsConfig;
import io.robovision.telemetry.MeteredComponent;
import io.robovision.telemetry.MetricsConfig;
import io.robovision.telemetry.Telemetry;
import org.bytedeco.ffmpeg.global.avutil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;

/** Runs the recorder sink configured by an optional properties file, VISION_* environment variables and -s. */
public final class SinkMain {
  private SinkMain() {
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The recorder-sink image's command line: {@code [FILE] [-s KEY=VALUE]...}, and the VISION_* environment. */
  public static CommandLine commandLine() {
    return ComponentCommand.commandLine("recorder-sink",
        "Pairs frames with results in order, writes overlay MP4s per camera and publishes analytics rows.",
        SinkSettingDocs.ALL, settings -> {
          SinkConfig config = SinkConfig.from(settings);
          WindowsConfig windows = WindowsConfig.from(settings);
          MetricsConfig metrics = MetricsConfig.from(settings);
          Telemetry telemetry = new Telemetry();
          RecorderSink sink = start(config, telemetry);
          return MeteredComponent.of(metrics, telemetry, new Component(() -> {
            try (AnalyticsWindows running = windows.enabled() ? AnalyticsWindows.start(windows, telemetry.component("analytics-windows")) : null) {
              sink.run();
            }
          }, sink::stop));
        });
  }

  /** Creates the recordings folder, or fails naming it, the option or setting that chose it, and why. */
  public static void createOutputFolder(Path dir, String chosenBy) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create output folder '" + dir + "' (" + chosenBy + "): "
          + FileErrors.reason(e), e);
    }
  }

  /** Checks the broker and the class file, prepares the output folder and builds a ready sink. */
  public static RecorderSink start(SinkConfig config, Telemetry telemetry) {
    List<String> classes = ClassNames.read(config.classesPath());
    // FFmpeg prints stream banners and OpenH264 notices for every file at its default level.
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    new BrokerProbe(config.kafka(), Duration.ofSeconds(15)).check();
    createOutputFolder(config.outputDir(), SinkConfig.OUTPUT_DIR);
    SinkStats stats = new SinkStats(telemetry, classes);
    RenderLanes lanes = new RenderLanes(config.renderThreads(), () -> new FrameRenderer(
        new FrameComposer(new OverlayRenderer(classes, config.overlayAlpha()), config.output()), stats));
    FrameWriter writer = new FrameWriter(lanes, new VideoFiles(config.outputDir()),
        new Retention(config.retentionAge(), config.retentionBytes()), config.videoFps(), config.segmentSeconds(),
        stats);
    AnalyticsCsv csv = new AnalyticsCsv(config.outputDir().resolve("analytics.csv"), classes);
    return new RecorderSink(config, writer, csv, stats);
  }
}
