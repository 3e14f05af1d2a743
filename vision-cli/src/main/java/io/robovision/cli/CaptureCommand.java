package io.robovision.cli;

import io.robovision.capture.CaptureAgent;
import io.robovision.capture.CaptureConfig;
import io.robovision.capture.CaptureMain;
import io.robovision.capture.CaptureStats;
import io.robovision.config.Settings;
import io.robovision.telemetry.MetricsConfig;
import io.robovision.telemetry.MetricsServer;
import io.robovision.telemetry.Telemetry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vision capture}: one capture agent against any Kafka cluster. */
@Command(name = "capture", mixinStandardHelpOptions = true,
    description = "Grabs frames from one camera, stream, file or synthetic scene and publishes them as JPEG.")
public final class CaptureCommand implements Callable<Integer> {
  @Option(names = "--camera-id", description = "camera id, the record key (setting camera.id; default camera-0)")
  String cameraId;

  @Option(names = "--source", description = "synthetic:[SEED], a video file, /dev/videoN, a camera index,"
      + " or an rtsp/http URL (setting capture.source; default synthetic:)")
  String source;

  @Option(names = "--fps", description = "frames-per-second cap, 0 for none (setting capture.fps; default 10)")
  String fps;

  @Option(names = "--width", description = "output width, 0 keeps the source's (setting capture.width; default 320)")
  String width;

  @Option(names = "--height", description = "output height, 0 keeps the source's (setting capture.height; default 240)")
  String height;

  @Option(names = "--jpeg-quality", description = "1..100 (setting capture.jpeg.quality; default 90)")
  String jpegQuality;

  @Option(names = "--max-frames", description = "stop after this many frames, 0 for no limit (setting capture.max.frames)")
  String maxFrames;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws Exception {
    Map<String, String> options = new HashMap<>();
    options.put(CaptureConfig.CAMERA_ID, cameraId);
    options.put(CaptureConfig.SOURCE, source);
    options.put(CaptureConfig.FPS, fps);
    options.put(CaptureConfig.WIDTH, width);
    options.put(CaptureConfig.HEIGHT, height);
    options.put(CaptureConfig.JPEG_QUALITY, jpegQuality);
    options.put(CaptureConfig.MAX_FRAMES, maxFrames);
    Settings settings = common.load(options);
    CaptureConfig config = CaptureConfig.from(settings);
    Telemetry telemetry = new Telemetry();
    CaptureStats stats = new CaptureStats(telemetry, config.cameraId());
    CaptureAgent agent = CaptureMain.start(config, stats);
    System.out.println("camera " + config.cameraId() + " -> " + config.kafka().bootstrapServers() + " topic "
        + config.topics().frames());
    long started = System.nanoTime();
    try (GracefulShutdown shutdown = new GracefulShutdown(agent::stop, Duration.ofSeconds(30));
        MetricsServer metrics = MetricsServer.start(MetricsConfig.from(settings), telemetry);
        Progress progress = new Progress(() -> line(stats, started), 5_000, System.out)) {
      agent.run();
    }
    return stats.failedCount() == 0 ? 0 : 3;
  }

  private static String line(CaptureStats stats, long started) {
    double seconds = (System.nanoTime() - started) / 1e9;
    return String.format(Locale.ROOT, "grabbed %d, published %d (%.1f/s, %.1f KB/frame), dropped %d,"
            + " throttled %d, failed %d", stats.grabbedCount(), stats.publishedCount(),
        stats.publishedCount() / Math.max(seconds, 1e-3),
        stats.publishedCount() == 0 ? 0 : stats.publishedBytes() / 1024.0 / stats.publishedCount(),
        stats.droppedCount(), stats.throttledCount(), stats.failedCount());
  }
}
