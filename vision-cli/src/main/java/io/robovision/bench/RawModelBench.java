package io.robovision.bench;

import java.nio.file.Path;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link ModelBenchmark} through JMH in this JVM and returns the model's frames per second. */
public final class RawModelBench {
  private final int warmupIterations;
  private final int iterations;
  private final TimeValue iterationTime;

  public RawModelBench(int warmupIterations, int iterations, int iterationSeconds) {
    this.warmupIterations = warmupIterations;
    this.iterations = iterations;
    this.iterationTime = TimeValue.seconds(iterationSeconds);
  }

  /**
   * The forward pass as {@code predictors} JMH threads, each with its own predictor, {@code threads} intra-op threads
   * and batches of {@code batch} on {@code device} (inference.device): the configuration of the worker run labelled
   * {@code label}.
   */
  public BenchReport.ModelFigures run(String label, Path model, int width, int height, int predictors, int threads,
      int batch, String device) throws RunnerException {
    // In-process (no fork): libtorch is already unpacked and configured here, and a fork would pay that again.
    Options options = new OptionsBuilder()
        .include(ModelBenchmark.class.getName() + ".forward")
        .param("model", model.toAbsolutePath().toString())
        .param("width", Integer.toString(width))
        .param("height", Integer.toString(height))
        .param("batch", Integer.toString(batch))
        .param("threads", Integer.toString(threads))
        .param("device", device)
        .forks(0)
        .threads(predictors)
        .warmupIterations(warmupIterations)
        .warmupTime(iterationTime)
        .measurementIterations(iterations)
        .measurementTime(iterationTime)
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    RunResult result = results.iterator().next();
    double error = result.getPrimaryResult().getScoreError();
    // JMH sums the threads' forward passes; each pass is a batch of frames.
    return new BenchReport.ModelFigures(label, model.getFileName().toString(), width, height, predictors, threads,
        batch, result.getPrimaryResult().getScore() * batch, Double.isNaN(error) ? null : error * batch,
        warmupIterations, iterations, (int) iterationTime.getTime());
  }
}
