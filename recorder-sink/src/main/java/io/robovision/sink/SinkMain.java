package io.robovision.sink;

import io.robovision.config.ClassNames;
import io.robovision.config.Settings;
import io.robovision.kafka.BrokerProbe;
import io.robovision.telemetry.MetricsConfig;
import io.robovision.telemetry.MetricsServer;
import io.robovision.telemetry.Telemetry;
import io.robovision.sink.analytics.AnalyticsCsv;
import io.robovision.sink.overlay.OverlayRenderer;
import io.robovision.sink.recording.VideoFiles;
import org.bytedeco.ffmpeg.global.avutil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs the recorder sink configured by an optional properties file and VISION_* environment variables. */
public final class SinkMain {
  private SinkMain() {
  }

  public static void main(String[] args) {
    Settings settings = Settings.load(args.length > 0 ? Path.of(args[0]) : null, System.getenv(), Map.of());
    Telemetry telemetry = new Telemetry();
    RecorderSink sink = start(SinkConfig.from(settings), telemetry);
    Runtime.getRuntime().addShutdownHook(new Thread(sink::stop));
    try (MetricsServer metrics = MetricsServer.start(MetricsConfig.from(settings), telemetry)) {
      sink.run();
    }
  }

  /** Checks the broker and the class file, prepares the output folder and builds a ready sink. */
  public static RecorderSink start(SinkConfig config, Telemetry telemetry) {
    List<String> classes = ClassNames.read(config.classesPath());
    // FFmpeg prints stream banners and OpenH264 notices for every file at its default level.
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    new BrokerProbe(config.kafka(), Duration.ofSeconds(15)).check();
    try {
      Files.createDirectories(config.outputDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create output folder '" + config.outputDir() + "' ("
          + SinkConfig.OUTPUT_DIR + "): " + e.getMessage(), e);
    }
    SinkStats stats = new SinkStats(telemetry, classes);
    FrameWriter writer = new FrameWriter(new OverlayRenderer(classes, config.overlayAlpha()),
        new VideoFiles(config.outputDir()), config.videoFps(), stats);
    AnalyticsCsv csv = new AnalyticsCsv(config.outputDir().resolve("analytics.csv"), classes);
    return new RecorderSink(config, writer, csv, stats);
  }
}
