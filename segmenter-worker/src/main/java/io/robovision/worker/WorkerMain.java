package io.robovision.worker;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import io.robovision.kafka.BrokerProbe;
import io.robovision.config.ClassNames;
import io.robovision.launch.Component;
import io.robovision.launch.ComponentCommand;
import io.robovision.telemetry.MeteredComponent;
import io.robovision.telemetry.MetricsConfig;
import io.robovision.telemetry.Telemetry;
import io.robovision.worker.inference.Detector;
import io.robovision.worker.inference.FrameModels;
import io.robovision.worker.inference.InferenceDevice;
import io.robovision.worker.inference.PyTorchEngine;
import io.robovision.worker.inference.Segmenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one segmenter worker configured by an optional properties file, VISION_* environment variables and -s. */
public final class WorkerMain {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerMain.class);

  private WorkerMain() {
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The segmenter-worker image's command line: {@code [FILE] [-s KEY=VALUE]...}, and the VISION_* environment. */
  public static CommandLine commandLine() {
    return ComponentCommand.commandLine("segmenter-worker",
        "Consumes frames, segments and detects with TorchScript models through DJL and publishes results.",
        WorkerSettingDocs.ALL, settings -> {
          WorkerConfig config = WorkerConfig.from(settings);
          MetricsConfig metrics = MetricsConfig.from(settings);
          Telemetry telemetry = new Telemetry();
          SegmenterWorker worker = start(config, new WorkerStats(telemetry));
          return MeteredComponent.of(metrics, telemetry, new Component(worker::run, worker::stop));
        });
  }

  /** Checks the broker and the model files, loads the model and builds a ready worker. */
  public static SegmenterWorker start(WorkerConfig config, WorkerStats stats) {
    configureEngine(config);
    List<String> classes = config.segmentationEnabled() ? ClassNames.read(config.classesPath()) : List.of();
    requireFile(config.segmentationEnabled(), config.modelPath(), "--model or " + WorkerConfig.MODEL_PATH);
    List<String> detectorClasses = config.detector().enabled() ? ClassNames.read(config.detector().classesPath()) : List.of();
    requireFile(config.detector().enabled(), config.detector().modelPath(), "--detector or " + WorkerConfig.DETECTOR_PATH
        + "; --no-detection switches detection off");
    Device device = InferenceDevice.resolve(config.throughput().device());
    new BrokerProbe(config.kafka(), Duration.ofSeconds(15)).check();
    WorkerConfig.ThroughputSettings throughput = config.throughput();
    LOG.info("inference on {} with {} predictor(s) x {} intra-op thread(s) ({} inter-op), batches of up to {} frames"
        + " waiting up to {} ms, {} decode and {} encode thread(s), at most {} frames in flight, max frame age {}",
        device, throughput.predictors(), config.inferenceThreads(), throughput.interopThreads(), throughput.batchSize(),
        throughput.batchWaitMs(), throughput.decodeThreads(), throughput.encodeThreads(), throughput.queueCapacity(),
        throughput.maxFrameAgeMs() > 0 ? throughput.maxFrameAgeMs() + " ms" : "off");
    Optional<Segmenter> segmenter = config.segmentationEnabled()
        ? Optional.of(new Segmenter(config.modelPath(), classes, config.inputWidth(), config.inputHeight(), device))
        : Optional.empty();
    WorkerConfig.DetectorSettings detection = config.detector();
    Optional<Detector> detector;
    try {
      detector = detection.enabled()
          ? Optional.of(new Detector(detection.modelPath(), detectorClasses, detection.inputSize(),
              detection.confidence(), detection.iou(), device))
          : Optional.empty();
    } catch (RuntimeException e) {
      segmenter.ifPresent(Segmenter::close);
      throw e;
    }
    return new SegmenterWorker(config, new FrameModels(segmenter, detector), stats);
  }

  private static void requireFile(boolean enabled, Path file, String setting) {
    if (enabled && !Files.isRegularFile(file)) {
      throw new IllegalArgumentException("model file '" + file + "' does not exist (" + setting + ")");
    }
  }

  /**
   * DJL reads the inter-op threads once, when the PyTorch engine starts, so they must be set before the first model
   * loads; a second worker in the same JVM keeps the first one's. The intra-op threads are set on the running engine:
   * libtorch applies the count to every thread that has not yet run an operator, which the predictor threads started
   * later have not, so they hold for an engine that a benchmark or another worker in this JVM started too.
   */
  static void configureEngine(WorkerConfig config) {
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(config.throughput().interopThreads()));
    PyTorchEngine.start();
    JniUtils.setNumThreads(config.inferenceThreads());
  }
}
