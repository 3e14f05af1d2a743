package io.robovision.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.robovision.files.FileErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Every figure of one bench run, the machine it ran on, and the share of the CPU that other processes took during each
 * figure, as written to bench.json.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchReport(
    String time,
    Machine machine,
    Map<String, Object> options,
    List<ModelFigures> rawModel,
    List<ModelFigures> rawModelAfter,
    List<WorkerFigures> jvmWarmup,
    List<WorkerFigures> worker,
    PythonFigures python,
    WorkerFigures trivialPipeline,
    RssFigures rss,
    Map<String, Double> ratios,
    Map<String, Double> otherLoad) {

  /** The machine: CPU model, cores, memory and the Java runtime. */
  public record Machine(String cpu, int cores, long memoryMb, String java, String os) {
  }

  /**
   * (a) The model's forward pass alone on prepared tensors, measured by JMH in the configuration of the worker run of
   * the same label, right before it (raw_model) and right after it (raw_model_after); the error is null below 2
   * iterations.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ModelFigures(String label, String model, int width, int height, int predictors, int intraOpThreads,
      int batch, double fps, Double fpsError99,
      int warmupIterations, int iterations, int iterationSeconds) {
  }

  /** (b), (d) and the untimed warm-up passes: one worker on the embedded broker, over frames published beforehand. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record WorkerFigures(String label, String model, long frames, long warmupFrames, double fps,
      double fpsWithWarmup, Map<String, Double> latencyMs, long failed, Map<String, String> settings) {
  }

  /** (c) The seed-style Python loop, or why it was skipped. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PythonFigures(Double fps, Long frames, String decoder, String torch, Integer threads,
      String skipped) {
    static PythonFigures skipped(String reason) {
      return new PythonFigures(null, null, null, null, null, reason);
    }
  }

  /** The worker process' resident memory across a long run: start and end are medians of the first and last tenth. */
  public record RssFigures(String model, long frames, long startKb, long endKb, long minKb, long maxKb,
      double changePercent, boolean flat, int samples) {
  }

  public void write(Path file) {
    try {
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write '" + file + "' (--out): " + FileErrors.reason(e), e);
    }
  }
}
