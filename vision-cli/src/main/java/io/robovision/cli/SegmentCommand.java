package io.robovision.cli;

import io.robovision.worker.SegmenterWorker;
import io.robovision.worker.WorkerConfig;
import io.robovision.worker.WorkerMain;
import io.robovision.worker.WorkerStats;
import io.robovision.config.Settings;
import io.robovision.progress.BacklogHint;
import io.robovision.telemetry.MetricsConfig;
import io.robovision.telemetry.MetricsServer;
import io.robovision.telemetry.Telemetry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vision segment}: one segmenter worker; start several with the same group id to share the load. */
@Command(name = "segment", mixinStandardHelpOptions = true,
    description = "Consumes frames, segments them with a TorchScript model through DJL and publishes results.")
public final class SegmentCommand implements Callable<Integer> {
  @Option(names = "--model", description = "TorchScript model (setting model.path; default " + WorkerConfig.DEFAULT_MODEL + ")")
  String model;

  @Option(names = "--classes", description = "class file (setting model.classes; default " + WorkerConfig.DEFAULT_CLASSES + ")")
  String classes;

  @Option(names = "--input-width", description = "model input width (setting model.input.width; default 320)")
  String inputWidth;

  @Option(names = "--input-height", description = "model input height (setting model.input.height; default 240)")
  String inputHeight;

  @Option(names = "--threads", description = "intra-op inference threads per predictor; 0 shares the cores among the"
      + " predictors (setting inference.threads; default 0)")
  String threads;

  @Option(names = "--interop-threads", description = "inter-op inference threads (setting inference.interop.threads;"
      + " default 1)")
  String interopThreads;

  @Option(names = "--predictors", description = "models run in parallel, one thread each (setting worker.predictors;"
      + " default 2, 1 on 1 core, one per four cores from 12 cores, at most 4)")
  String predictors;

  @Option(names = "--batch-size", description = "frames of one size run through the model together at most"
      + " (setting worker.batch.size; default 4)")
  String batchSize;

  @Option(names = "--batch-wait", paramLabel = "MS", description = "how long a frame waits for batch-mates at most"
      + " (setting worker.batch.wait.ms; default 10)")
  String batchWait;

  @Option(names = "--max-frame-age", paramLabel = "MS", description = "when a camera's oldest waiting frame is older,"
      + " segment only its newest and answer the others SKIPPED; 0 = off, every frame is segmented"
      + " (setting worker.max.frame.age.ms; default 0)")
  String maxFrameAge;

  @Option(names = "--device", description = "auto, cpu, gpu or gpu:N (setting inference.device; default auto: the GPU"
      + " when libtorch is a CUDA build and sees one)")
  String device;

  @Option(names = "--detector", description = "TorchScript detector with YOLOv5's output layout (setting detector.path;"
      + " default " + WorkerConfig.DEFAULT_DETECTOR + ")")
  String detector;

  @Option(names = "--detector-classes", description = "detector class file (setting detector.classes; default "
      + WorkerConfig.DEFAULT_DETECTOR_CLASSES + ")")
  String detectorClasses;

  @Option(names = "--detector-input-size", description = "square input the detector was exported at, e.g. 640 for"
      + " yolov5s.torchscript (setting detector.input.size; default 320)")
  String detectorInputSize;

  @Option(names = "--confidence", description = "lowest detection confidence kept (setting detector.confidence; default 0.25)")
  String confidence;

  @Option(names = "--iou", description = "NMS overlap threshold (setting detector.iou; default 0.45)")
  String iou;

  @Option(names = "--no-detection", description = "run segmentation only (setting detector.enabled=false)")
  boolean noDetection;

  @Option(names = "--no-segmentation", description = "run detection only (setting segmentation.enabled=false)")
  boolean noSegmentation;

  @Option(names = "--group-id", description = "consumer group (setting worker.group.id; default segmenter-worker)")
  String groupId;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Map<String, String> options = new HashMap<>();
    options.put(WorkerConfig.MODEL_PATH, model);
    options.put(WorkerConfig.MODEL_CLASSES, classes);
    options.put(WorkerConfig.INPUT_WIDTH, inputWidth);
    options.put(WorkerConfig.INPUT_HEIGHT, inputHeight);
    options.put(WorkerConfig.INFERENCE_THREADS, threads);
    options.put(WorkerConfig.INTEROP_THREADS, interopThreads);
    options.put(WorkerConfig.PREDICTORS, predictors);
    options.put(WorkerConfig.BATCH_SIZE, batchSize);
    options.put(WorkerConfig.BATCH_WAIT_MS, batchWait);
    options.put(WorkerConfig.MAX_FRAME_AGE_MS, maxFrameAge);
    options.put(WorkerConfig.DEVICE, device);
    options.put(WorkerConfig.GROUP_ID, groupId);
    options.put(WorkerConfig.DETECTOR_PATH, detector);
    options.put(WorkerConfig.DETECTOR_CLASSES, detectorClasses);
    options.put(WorkerConfig.DETECTOR_INPUT_SIZE, detectorInputSize);
    options.put(WorkerConfig.DETECTOR_CONFIDENCE, confidence);
    options.put(WorkerConfig.DETECTOR_IOU, iou);
    options.put(WorkerConfig.DETECTOR_ENABLED, noDetection ? "false" : null);
    options.put(WorkerConfig.SEGMENTATION_ENABLED, noSegmentation ? "false" : null);
    Settings settings = common.load(options);
    WorkerConfig config = WorkerConfig.from(settings);
    Telemetry telemetry = new Telemetry();
    WorkerStats stats = new WorkerStats(telemetry);
    SegmenterWorker worker = WorkerMain.start(config, stats);
    System.out.println("worker " + config.workerId() + " in group " + config.groupId() + " on "
        + config.kafka().bootstrapServers() + (config.segmentationEnabled() ? ", model " + config.modelPath() : "")
        + (config.detector().enabled() ? ", detector " + config.detector().modelPath() : ""));
    long started = System.nanoTime();
    try (GracefulShutdown shutdown = new GracefulShutdown(worker::stop, Duration.ofSeconds(30));
        MetricsServer metrics = MetricsServer.start(MetricsConfig.from(settings), telemetry);
        Progress progress = new Progress(() -> line(stats, started), backlogHint(config, stats), 5_000, System.out)) {
      worker.run();
    }
    return 0;
  }

  /** Without --max-frame-age, the hint that this worker keeps falling behind, counting what it has not answered. */
  private static Supplier<Optional<String>> backlogHint(WorkerConfig config, WorkerStats stats) {
    if (config.throughput().maxFrameAgeMs() > 0) {
      return Optional::empty;
    }
    BacklogHint backlog = new BacklogHint("this worker is falling behind the cameras", "start more workers with"
        + " group id " + config.groupId() + " (up to one a partition of " + config.topics().frames() + "), or set"
        + " --max-frame-age MS (worker.max.frame.age.ms) to segment each camera's newest frame and answer the older"
        + " ones SKIPPED");
    return () -> backlog.next(stats.lagRecords() + stats.inFlightRecords());
  }

  private static String line(WorkerStats stats, long started) {
    double seconds = (System.nanoTime() - started) / 1e9;
    return String.format(Locale.ROOT, "consumed %d, segmented %d (%.1f/s, %.0f ms/frame, batch %.1f), skipped %d,"
            + " failed %d, dead-lettered %d, in flight %d, lag %d, instances %d", stats.consumedCount(),
        stats.segmentedCount(), stats.segmentedCount() / Math.max(seconds, 1e-3), stats.meanInferenceMillis(),
        stats.meanBatchSize(), stats.skippedCount(), stats.failedCount(), stats.deadLetteredCount(),
        stats.inFlightRecords(), stats.lagRecords(), stats.instanceCount());
  }
}
