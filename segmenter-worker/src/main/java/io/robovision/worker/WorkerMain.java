package io.robovision.worker;

import io.robovision.config.Settings;
import io.robovision.kafka.BrokerProbe;
import io.robovision.config.ClassNames;
import io.robovision.telemetry.MetricsConfig;
import io.robovision.telemetry.MetricsServer;
import io.robovision.telemetry.Telemetry;
import io.robovision.worker.inference.Detector;
import io.robovision.worker.inference.FrameModels;
import io.robovision.worker.inference.Segmenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs one segmenter worker configured by an optional properties file and VISION_* environment variables. */
public final class WorkerMain {
  private WorkerMain() {
  }

  public static void main(String[] args) {
    Settings settings = Settings.load(args.length > 0 ? Path.of(args[0]) : null, System.getenv(), Map.of());
    Telemetry telemetry = new Telemetry();
    SegmenterWorker worker = start(WorkerConfig.from(settings), new WorkerStats(telemetry));
    Runtime.getRuntime().addShutdownHook(new Thread(worker::stop));
    try (MetricsServer metrics = MetricsServer.start(MetricsConfig.from(settings), telemetry)) {
      worker.run();
    }
  }

  /** Checks the broker and the model files, loads the model and builds a ready worker. */
  public static SegmenterWorker start(WorkerConfig config, WorkerStats stats) {
    configureEngine(config);
    List<String> classes = config.segmentationEnabled() ? ClassNames.read(config.classesPath()) : List.of();
    requireFile(config.segmentationEnabled(), config.modelPath(), "--model or " + WorkerConfig.MODEL_PATH);
    List<String> detectorClasses = config.detector().enabled() ? ClassNames.read(config.detector().classesPath()) : List.of();
    requireFile(config.detector().enabled(), config.detector().modelPath(), "--detector or " + WorkerConfig.DETECTOR_PATH
        + "; --no-detection switches detection off");
    new BrokerProbe(config.kafka(), Duration.ofSeconds(15)).check();
    Optional<Segmenter> segmenter = config.segmentationEnabled()
        ? Optional.of(new Segmenter(config.modelPath(), classes, config.inputWidth(), config.inputHeight()))
        : Optional.empty();
    WorkerConfig.DetectorSettings detection = config.detector();
    Optional<Detector> detector = detection.enabled()
        ? Optional.of(new Detector(detection.modelPath(), detectorClasses, detection.inputSize(), detection.confidence(),
            detection.iou()))
        : Optional.empty();
    return new SegmenterWorker(config, new FrameModels(segmenter, detector), stats);
  }

  private static void requireFile(boolean enabled, Path file, String setting) {
    if (enabled && !Files.isRegularFile(file)) {
      throw new IllegalArgumentException("model file '" + file + "' does not exist (" + setting + ")");
    }
  }

  /** DJL reads these once, when the PyTorch engine starts, so they must be set before the first model loads. */
  private static void configureEngine(WorkerConfig config) {
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    if (config.inferenceThreads() > 0) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(config.inferenceThreads()));
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
  }
}
