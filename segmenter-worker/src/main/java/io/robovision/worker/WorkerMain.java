package io.robovision.worker;

import io.robovision.config.Settings;
import io.robovision.kafka.BrokerProbe;
import io.robovision.config.ClassNames;
import io.robovision.worker.inference.Segmenter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Runs one segmenter worker configured by an optional properties file and VISION_* environment variables. */
public final class WorkerMain {
  private WorkerMain() {
  }

  public static void main(String[] args) {
    Settings settings = Settings.load(args.length > 0 ? Path.of(args[0]) : null, System.getenv(), Map.of());
    SegmenterWorker worker = start(WorkerConfig.from(settings), new WorkerStats());
    Runtime.getRuntime().addShutdownHook(new Thread(worker::stop));
    worker.run();
  }

  /** Checks the broker and the model files, loads the model and builds a ready worker. */
  public static SegmenterWorker start(WorkerConfig config, WorkerStats stats) {
    configureEngine(config);
    var classes = ClassNames.read(config.classesPath());
    if (!java.nio.file.Files.isRegularFile(config.modelPath())) {
      throw new IllegalArgumentException("model file '" + config.modelPath() + "' does not exist"
          + " (--model or " + WorkerConfig.MODEL_PATH + ")");
    }
    new BrokerProbe(config.kafka(), Duration.ofSeconds(15)).check();
    Segmenter segmenter = new Segmenter(config.modelPath(), classes, config.inputWidth(), config.inputHeight());
    return new SegmenterWorker(config, segmenter, stats);
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
