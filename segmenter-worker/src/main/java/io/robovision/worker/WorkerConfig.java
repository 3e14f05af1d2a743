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
    int maxPollRecords,
    boolean segmentationEnabled,
    DetectorSettings detector) {

  /** The optional detector: a TorchScript model with YOLOv5's output layout. */
  public record DetectorSettings(boolean enabled, Path modelPath, Path classesPath, int inputSize,
      float confidence, float iou) {
    public DetectorSettings {
      if (inputSize < 32) {
        throw new ConfigException(DETECTOR_INPUT_SIZE, "must be at least 32, got " + inputSize);
      }
      if (confidence < 0 || confidence > 1 || iou <= 0 || iou > 1) {
        throw new ConfigException(DETECTOR_CONFIDENCE, "and " + DETECTOR_IOU + " must be in (0, 1], got "
            + confidence + " and " + iou);
      }
    }
  }

  public static final String GROUP_ID = "worker.group.id";
  public static final String WORKER_ID = "worker.id";
  public static final String MODEL_PATH = "model.path";
  public static final String MODEL_CLASSES = "model.classes";
  public static final String INPUT_WIDTH = "model.input.width";
  public static final String INPUT_HEIGHT = "model.input.height";
  public static final String INFERENCE_THREADS = "inference.threads";
  public static final String MAX_POLL_RECORDS = "worker.max.poll.records";
  public static final String SEGMENTATION_ENABLED = "segmentation.enabled";
  public static final String DETECTOR_ENABLED = "detector.enabled";
  public static final String DETECTOR_PATH = "detector.path";
  public static final String DETECTOR_CLASSES = "detector.classes";
  public static final String DETECTOR_INPUT_SIZE = "detector.input.size";
  public static final String DETECTOR_CONFIDENCE = "detector.confidence";
  public static final String DETECTOR_IOU = "detector.iou";
  public static final String DEFAULT_MODEL = "models/deeplabv3_mobilenet_v3_large.pt";
  public static final String DEFAULT_DETECTOR = "models/yolo_synthetic.pt";
  public static final String DEFAULT_DETECTOR_CLASSES = "models/coco_classes.txt";
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
    if (!segmentationEnabled && !detector.enabled()) {
      throw new ConfigException(SEGMENTATION_ENABLED, "and " + DETECTOR_ENABLED + " are both false: the worker"
          + " would have nothing to run");
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
        settings.integer(MAX_POLL_RECORDS, 16),
        settings.bool(SEGMENTATION_ENABLED, true),
        new DetectorSettings(
            settings.bool(DETECTOR_ENABLED, true),
            Path.of(settings.string(DETECTOR_PATH, settings.home().resolve(DEFAULT_DETECTOR).toString())),
            Path.of(settings.string(DETECTOR_CLASSES, settings.home().resolve(DEFAULT_DETECTOR_CLASSES).toString())),
            settings.integer(DETECTOR_INPUT_SIZE, 320),
            (float) settings.decimal(DETECTOR_CONFIDENCE, 0.25),
            (float) settings.decimal(DETECTOR_IOU, 0.45)));
  }
}
