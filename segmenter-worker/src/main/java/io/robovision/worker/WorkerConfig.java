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
    long commitIntervalMs,
    boolean segmentationEnabled,
    DetectorSettings detector,
    ThroughputSettings throughput) {

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

  /**
   * How the worker spreads work over the machine: parallel predictors, micro-batches, the decode and encode stages,
   * engine threads, the device, and how old a frame may get before the worker skips it to catch up.
   */
  public record ThroughputSettings(int predictors, int batchSize, long batchWaitMs, int decodeThreads,
      int encodeThreads, int queueCapacity, int interopThreads, String device, long maxFrameAgeMs,
      double instanceMinArea) {
    public ThroughputSettings {
      positive(PREDICTORS, predictors);
      positive(BATCH_SIZE, batchSize);
      positive(DECODE_THREADS, decodeThreads);
      positive(ENCODE_THREADS, encodeThreads);
      positive(QUEUE_CAPACITY, queueCapacity);
      positive(INTEROP_THREADS, interopThreads);
      if (batchWaitMs < 0) {
        throw new ConfigException(BATCH_WAIT_MS, "must be 0 or more milliseconds, got " + batchWaitMs);
      }
      if (maxFrameAgeMs < 0) {
        throw new ConfigException(MAX_FRAME_AGE_MS, "must be 0 (off) or a positive number of milliseconds, got "
            + maxFrameAgeMs);
      }
      if (!(instanceMinArea >= 0)) {
        throw new ConfigException(INSTANCE_MIN_AREA, "must be 0 or more (below 1: a share of the frame, from 1: pixels),"
            + " got " + instanceMinArea);
      }
      if (!device.matches(DEVICE_VALUES)) {
        throw new ConfigException(DEVICE, "must be auto, cpu, gpu or gpu:N, got '" + device + "'");
      }
    }

    private static void positive(String setting, int value) {
      if (value < 1) {
        throw new ConfigException(setting, "must be at least 1, got " + value);
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
  public static final String COMMIT_INTERVAL_MS = "worker.commit.interval.ms";
  public static final String SEGMENTATION_ENABLED = "segmentation.enabled";
  public static final String DETECTOR_ENABLED = "detector.enabled";
  public static final String DETECTOR_PATH = "detector.path";
  public static final String DETECTOR_CLASSES = "detector.classes";
  public static final String DETECTOR_INPUT_SIZE = "detector.input.size";
  public static final String DETECTOR_CONFIDENCE = "detector.confidence";
  public static final String DETECTOR_IOU = "detector.iou";
  public static final String PREDICTORS = "worker.predictors";
  public static final String BATCH_SIZE = "worker.batch.size";
  public static final String BATCH_WAIT_MS = "worker.batch.wait.ms";
  public static final String DECODE_THREADS = "worker.decode.threads";
  public static final String ENCODE_THREADS = "worker.encode.threads";
  public static final String QUEUE_CAPACITY = "worker.queue.capacity";
  public static final String MAX_FRAME_AGE_MS = "worker.max.frame.age.ms";
  public static final String INTEROP_THREADS = "inference.interop.threads";
  public static final String DEVICE = "inference.device";
  /** What {@link #DEVICE} takes, as a regular expression. */
  public static final String DEVICE_VALUES = "auto|cpu|gpu(:\\d+)?";
  public static final String INSTANCE_MIN_AREA = "segmentation.instances.min.area";
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
      throw new ConfigException(INFERENCE_THREADS, "must be 0 (one share of the cores per predictor) or positive, got "
          + inferenceThreads);
    }
    if (maxPollRecords < 1) {
      throw new ConfigException(MAX_POLL_RECORDS, "must be at least 1, got " + maxPollRecords);
    }
    if (commitIntervalMs < 0) {
      throw new ConfigException(COMMIT_INTERVAL_MS, "must be 0 (after every poll) or more milliseconds, got "
          + commitIntervalMs);
    }
    if (!segmentationEnabled && !detector.enabled()) {
      throw new ConfigException(SEGMENTATION_ENABLED, "and " + DETECTOR_ENABLED + " are both false: the worker"
          + " would have nothing to run");
    }
  }

  public static WorkerConfig from(Settings settings) {
    int cores = Runtime.getRuntime().availableProcessors();
    int predictors = settings.integer(PREDICTORS, defaultPredictors(cores));
    int maxPollRecords = settings.integer(MAX_POLL_RECORDS, 16);
    int batchSize = settings.integer(BATCH_SIZE, 4);
    int stageThreads = Math.max(1, cores / 8);
    int threads = settings.integer(INFERENCE_THREADS, 0);
    return new WorkerConfig(
        KafkaSettings.from(settings),
        Topics.from(settings),
        settings.string(GROUP_ID, "segmenter-worker"),
        settings.string(WORKER_ID, ManagementFactory.getRuntimeMXBean().getName()),
        Path.of(settings.string(MODEL_PATH, settings.home().resolve(DEFAULT_MODEL).toString())),
        Path.of(settings.string(MODEL_CLASSES, settings.home().resolve(DEFAULT_CLASSES).toString())),
        settings.integer(INPUT_WIDTH, 320),
        settings.integer(INPUT_HEIGHT, 240),
        threads == 0 ? defaultInferenceThreads(cores, predictors) : threads,
        maxPollRecords,
        settings.longValue(COMMIT_INTERVAL_MS, 200),
        settings.bool(SEGMENTATION_ENABLED, true),
        new DetectorSettings(
            settings.bool(DETECTOR_ENABLED, true),
            Path.of(settings.string(DETECTOR_PATH, settings.home().resolve(DEFAULT_DETECTOR).toString())),
            Path.of(settings.string(DETECTOR_CLASSES, settings.home().resolve(DEFAULT_DETECTOR_CLASSES).toString())),
            settings.integer(DETECTOR_INPUT_SIZE, 320),
            (float) settings.decimal(DETECTOR_CONFIDENCE, 0.25),
            (float) settings.decimal(DETECTOR_IOU, 0.45)),
        new ThroughputSettings(
            predictors,
            batchSize,
            settings.longValue(BATCH_WAIT_MS, 10),
            settings.integer(DECODE_THREADS, stageThreads),
            settings.integer(ENCODE_THREADS, stageThreads),
            settings.integer(QUEUE_CAPACITY, Math.max(2 * maxPollRecords, 4 * predictors * batchSize)),
            settings.integer(INTEROP_THREADS, 1),
            settings.string(DEVICE, "auto"),
            settings.longValue(MAX_FRAME_AGE_MS, 0),
            settings.decimal(INSTANCE_MIN_AREA, 0.001)));
  }

  /**
   * Two predictors where there are two cores or more, then one per four cores, at most four. A predictor's intra-op
   * threads all wait whenever another thread of the pipeline takes one of their cores, and a second predictor runs
   * while the first is in pre- or post-processing: on 2 cores the demo's worker went from 8 to 18 frames/s with two
   * single-threaded predictors instead of one with two threads.
   */
  public static int defaultPredictors(int cores) {
    return Math.max(Math.min(2, cores), Math.min(4, cores / 4));
  }

  /** Intra-op threads of each predictor when {@code inference.threads} is 0: the cores shared among the predictors. */
  public static int defaultInferenceThreads(int cores, int predictors) {
    return Math.max(1, cores / Math.max(1, predictors));
  }
}
