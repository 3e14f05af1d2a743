package io.robovision.bench;

import io.robovision.worker.WorkerConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one bench run measures: frames, cameras, frame and model input size, the models, and the batched worker's settings. */
public record BenchOptions(
    long frames,
    int cameras,
    int width,
    int height,
    Path model,
    Path classes,
    Path trivialModel,
    Path python,
    Path pythonScript,
    boolean skipPython,
    long rssFrames,
    boolean rssRealModel,
    int batchSize,
    int batchWaitMs,
    int predictors,
    int modelIterations,
    int warmupSeconds,
    String device,
    Path out) {

  public BenchOptions {
    if (frames < 10) {
      throw new IllegalArgumentException("--frames must be at least 10, got " + frames);
    }
    if (cameras < 1 || cameras > 64) {
      throw new IllegalArgumentException("--cameras must be 1..64, got " + cameras);
    }
    if (width < 16 || height < 16) {
      throw new IllegalArgumentException("--width and --height must be at least 16, got " + width + "x" + height);
    }
    if (rssFrames < 0 || batchSize < 1 || batchWaitMs < 0 || predictors < 1 || modelIterations < 1
        || warmupSeconds < 0) {
      throw new IllegalArgumentException("--rss-frames, --batch-wait-ms and --warmup-seconds must be >= 0,"
          + " --batch-size, --predictors and --model-iterations >= 1");
    }
    if (!device.matches(WorkerConfig.DEVICE_VALUES)) {
      throw new IllegalArgumentException("--device must be auto, cpu, gpu or gpu:N, got '" + device + "'");
    }
  }

  /** Frames per forward pass at most in the batch-1 or the batched run. */
  public int batchSize(boolean batched) {
    return batched ? batchSize : 1;
  }

  /** Intra-op threads of each predictor: the cores shared out among the predictors, as the worker's default. */
  public int intraOpThreads(int cores) {
    return WorkerConfig.defaultInferenceThreads(cores, predictors);
  }

  /** Worker settings of the batch-1 run ({@code batched} false) or the batched run on {@code cores} cores. */
  public Map<String, String> workerOverrides(boolean batched, int cores) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(WorkerConfig.BATCH_SIZE, Integer.toString(batchSize(batched)));
    values.put(WorkerConfig.BATCH_WAIT_MS, Integer.toString(batched ? batchWaitMs : 0));
    values.put(WorkerConfig.PREDICTORS, Integer.toString(predictors));
    values.put(WorkerConfig.INFERENCE_THREADS, Integer.toString(intraOpThreads(cores)));
    values.put(WorkerConfig.DEVICE, device);
    return values;
  }

  /** The options as bench.json records them. */
  public Map<String, Object> describe() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("frames", frames);
    values.put("cameras", cameras);
    values.put("width", width);
    values.put("height", height);
    values.put("model", model.getFileName().toString());
    values.put("trivial_model", trivialModel.getFileName().toString());
    values.put("rss_frames", rssFrames);
    values.put("warmup_seconds", warmupSeconds);
    values.put("device", device);
    return values;
  }
}
