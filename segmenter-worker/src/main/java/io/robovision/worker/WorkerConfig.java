package io.robovision.worker;

import io.robovision.config.ConfigException;
import io.robovision.config.KafkaSettings;
import io.robovision.config.Settings;
import io.robovision.config.Topics;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/** Settings of a segmenter worker. */
public record WorkerConfig(
    KafkaSettings kafka,
    Topics topics,
    String groupId,
    String workerId,
    Path modelPath,
    Path classesPath,
    int inputWidth,
    int inputHeight,
    int inferenceThreads,
    int maxPollRecords) {

  public static final String GROUP_ID = "worker.group.id";
  public static final String WORKER_ID = "worker.id";
  public static final String MODEL_PATH = "model.path";
  public static final String MODEL_CLASSES = "model.classes";
  public static final String INPUT_WIDTH = "model.input.width";
  public static final String INPUT_HEIGHT = "model.input.height";
  public static final String INFERENCE_THREADS = "inference.threads";
  public static final String MAX_POLL_RECORDS = "worker.max.poll.records";
  public static final String DEFAULT_MODEL = "models/deeplabv3_mobilenet_v3_large.pt";
  public static final String DEFAULT_CLASSES = "models/voc_classes.txt";

  public WorkerConfig {
    if (inputWidth < 16 || inputHeight < 16) {
      throw new ConfigException(INPUT_WIDTH, "and " + INPUT_HEIGHT + " must be at least 16, got "
          + inputWidth + "x" + inputHeight);
    }
    if (inferenceThreads < 0) {
      throw new ConfigException(INFERENCE_THREADS, "must be 0 (engine default) or positive, got " + inferenceThreads);
    }
    if (maxPollRecords < 1) {
      throw new ConfigException(MAX_POLL_RECORDS, "must be at least 1, got " + maxPollRecords);
    }
  }

  public static WorkerConfig from(Settings settings) {
    return new WorkerConfig(
        KafkaSettings.from(settings),
        Topics.from(settings),
        settings.string(GROUP_ID, "segmenter-worker"),
        settings.string(WORKER_ID, ManagementFactory.getRuntimeMXBean().getName()),
        Path.of(settings.string(MODEL_PATH, settings.home().resolve(DEFAULT_MODEL).toString())),
        Path.of(settings.string(MODEL_CLASSES, settings.home().resolve(DEFAULT_CLASSES).toString())),
        settings.integer(INPUT_WIDTH, 320),
        settings.integer(INPUT_HEIGHT, 240),
        settings.integer(INFERENCE_THREADS, 0),
        settings.integer(MAX_POLL_RECORDS, 16));
  }
}
