package io.robovision.sink;

import io.robovision.config.ClassNames;
import io.robovision.config.Settings;
import io.robovision.kafka.BrokerProbe;
import io.robovision.sink.analytics.AnalyticsCsv;
import io.robovision.sink.overlay.FrameComposer;
import io.robovision.sink.overlay.OverlayRenderer;
import io.robovision.sink.recording.Retention;
import io.robovision.sink.recording.VideoFiles;
import org.bytedeco.ffmpeg.global.avutil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs the recorder sink configured by an optional properties file and VISION_* environment variables. */
public final class SinkMain {
  private static final long SHUTDOWN_GRACE_SECONDS = 30;

  private SinkMain() {
  }

  public static void main(String[] args) {
    Settings settings = Settings.load(args.length > 0 ? Path.of(args[0]) : null, System.getenv(), Map.of());
    RecorderSink sink = start(SinkConfig.from(settings));
    CountDownLatch finished = new CountDownLatch(1);
    // The JVM exits once the hook returns, so the hook waits for the sink to close its segments and commit.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sink.stop();
      try {
        finished.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "sink-shutdown"));
    try {
      sink.run();
    } finally {
      finished.countDown();
    }
  }

  /** Checks the broker and the class file, prepares the output folder and builds a ready sink. */
  public static RecorderSink start(SinkConfig config) {
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
    SinkStats stats = new SinkStats(classes.size());
    FrameWriter writer = new FrameWriter(
        new FrameComposer(new OverlayRenderer(classes, config.overlayAlpha()), config.output()),
        new VideoFiles(config.outputDir()), new Retention(config.retentionAge(), config.retentionBytes()),
        config.videoFps(), config.segmentSeconds(), stats);
    AnalyticsCsv csv = new AnalyticsCsv(config.outputDir().resolve("analytics.csv"), classes);
    return new RecorderSink(config, writer, csv, stats);
  }
}
