package io.robovision.capture;

import io.robovision.capture.publish.CameraPositions;
import io.robovision.capture.publish.FramePublisher;
import io.robovision.capture.publish.SequenceResume;
import io.robovision.capture.source.FrameSource;
import io.robovision.capture.source.SourceException;
import io.robovision.capture.source.SourceFactory;
import io.robovision.kafka.BrokerProbe;
import io.robovision.kafka.TopicSetup;
import io.robovision.launch.Component;
import io.robovision.launch.ComponentCommand;
import io.robovision.telemetry.MeteredComponent;
import io.robovision.telemetry.MetricsConfig;
import io.robovision.telemetry.Telemetry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Runs one capture agent configured by an optional properties file, VISION_* environment variables and -s. */
public final class CaptureMain {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureMain.class);

  private CaptureMain() {
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The capture-agent image's command line: {@code [FILE] [-s KEY=VALUE]...}, and the VISION_* environment. */
  public static CommandLine commandLine() {
    return ComponentCommand.commandLine("capture-agent",
        "Grabs frames from one camera, stream, file or synthetic scene and publishes them as JPEG to Kafka.",
        CaptureSettingDocs.ALL, settings -> {
          try {
            CaptureConfig config = CaptureConfig.from(settings);
            MetricsConfig metrics = MetricsConfig.from(settings);
            Telemetry telemetry = new Telemetry();
            CaptureAgent agent = start(config, new CaptureStats(telemetry, config.cameraId()));
            return MeteredComponent.of(metrics, telemetry, new Component(agent::run, agent::stop));
          } catch (SourceException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
          }
        });
  }

  /**
   * Checks the broker, finds where the camera left off (the later of its saved position and its last frame still in
   * the frames topic) and builds a ready agent.
   */
  public static CaptureAgent start(CaptureConfig config, CaptureStats stats) throws SourceException {
    new BrokerProbe(config.kafka(), Duration.ofSeconds(15)).check();
    new TopicSetup(config.kafka()).ensureCompacted(config.topics().positions(), CameraPositions.SEGMENT_MS);
    CameraPositions positions = new CameraPositions(config.kafka(), config.topics().positions(), config.cameraId());
    try {
      long saved = positions.read();
      long tail = new SequenceResume(config.kafka(), config.topics().frames(), 500).nextSequence(config.cameraId());
      long first = Math.max(saved, tail);
      LOG.info("camera {}: first sequence number {} (saved position {} in {}, after the last frame in {}: {})",
          config.cameraId(), first, saved, config.topics().positions(), config.topics().frames(), tail);
      SourceFactory sources = new SourceFactory(config.width(), config.height(),
          config.fps() > 0 ? config.fps() : 10, config.cameraId().hashCode());
      FrameSource source = sources.openOrDefer(config.source());
      FramePublisher publisher = new FramePublisher(config.kafka(), config.topics().frames(), config.cameraId(), stats);
      return new CaptureAgent(config, source, () -> sources.openOrDefer(config.source()), publisher, positions, first,
          stats);
    } catch (SourceException | RuntimeException e) {
      positions.close();
      throw e;
    }
  }
}
