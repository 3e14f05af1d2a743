package io.robovision.capture;

import io.robovision.capture.publish.FramePublisher;
import io.robovision.capture.publish.SequenceResume;
import io.robovision.capture.source.FrameSource;
import io.robovision.capture.source.SourceException;
import io.robovision.capture.source.SourceFactory;
import io.robovision.config.Settings;
import io.robovision.kafka.BrokerProbe;
import io.robovision.telemetry.MetricsConfig;
import io.robovision.telemetry.MetricsServer;
import io.robovision.telemetry.Telemetry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Runs one capture agent configured by an optional properties file and VISION_* environment variables. */
public final class CaptureMain {
  private CaptureMain() {
  }

  public static void main(String[] args) throws SourceException {
    Settings settings = Settings.load(args.length > 0 ? Path.of(args[0]) : null, System.getenv(), Map.of());
    CaptureConfig config = CaptureConfig.from(settings);
    Telemetry telemetry = new Telemetry();
    CaptureAgent agent = start(config, new CaptureStats(telemetry, config.cameraId()));
    Runtime.getRuntime().addShutdownHook(new Thread(agent::stop));
    try (MetricsServer metrics = MetricsServer.start(MetricsConfig.from(settings), telemetry)) {
      agent.run();
    }
  }

  /** Checks the broker, finds where the camera left off and builds a ready agent. */
  public static CaptureAgent start(CaptureConfig config, CaptureStats stats) throws SourceException {
    new BrokerProbe(config.kafka(), Duration.ofSeconds(15)).check();
    long first = new SequenceResume(config.kafka(), config.topics().frames(), 500).nextSequence(config.cameraId());
    SourceFactory sources = new SourceFactory(config.width(), config.height(),
        config.fps() > 0 ? config.fps() : 10, config.cameraId().hashCode());
    FrameSource source = sources.open(config.source());
    FramePublisher publisher = new FramePublisher(config.kafka(), config.topics().frames(), config.cameraId(), stats);
    return new CaptureAgent(config, source, () -> sources.open(config.source()), publisher, first, stats);
  }
}
