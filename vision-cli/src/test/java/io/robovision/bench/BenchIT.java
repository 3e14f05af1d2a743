package io.robovision.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short bench on the trivial model: every part runs on the real broker and bench.json holds the figures. */
class BenchIT {
  private static final Path TRIVIAL = Path.of("..", "bench", "trivial_segmenter.pt");
  private static final Path CLASSES = Path.of("..", "models", "voc_classes.txt");

  @Test
  void measuresTheModelTheWorkerAndTheTrivialPipeline(@TempDir Path out) throws Exception {
    // This checks that the bench runs, not its figures: another JMH run on the machine must not stop it (own JVM).
    System.setProperty("jmh.ignoreLock", "true");
    Path json = out.resolve("bench.json");
    BenchOptions options = new BenchOptions(12, 2, 64, 48, TRIVIAL, CLASSES, TRIVIAL, out.resolve("no-python"),
        Path.of("..", "bench", "python_loop.py"), false, 0, false, 4, 10, 1, 1, 1, "auto", json);

    BenchReport report = new Bench(options, System.out).run();

    assertThat(report.rawModel()).extracting(BenchReport.ModelFigures::label).containsExactly("batch-1", "batched");
    assertThat(report.rawModel()).allSatisfy(run -> assertThat(run.fps()).isPositive());
    assertThat(report.rawModel().get(1).batch()).isEqualTo(4);
    assertThat(report.rawModelAfter()).extracting(BenchReport.ModelFigures::label, BenchReport.ModelFigures::batch)
        .containsExactly(tuple("batch-1", 1), tuple("batched", 4));
    assertThat(report.rawModelAfter()).allSatisfy(run -> assertThat(run.fps()).isPositive());
    // One second of warm-up still runs one whole pass over the frames.
    assertThat(report.jvmWarmup()).isNotEmpty().allSatisfy(pass -> {
      assertThat(pass.frames()).isEqualTo(12);
      assertThat(pass.failed()).isZero();
    });
    assertThat(report.worker()).extracting(BenchReport.WorkerFigures::label).containsExactly("batch-1", "batched");
    assertThat(report.worker()).allSatisfy(run -> {
      assertThat(run.fps()).isPositive();
      assertThat(run.failed()).isZero();
      assertThat(run.latencyMs()).containsKeys("p50", "p99", "max");
    });
    assertThat(report.worker().get(1).settings()).containsEntry("worker.batch.size", "4");
    assertThat(report.trivialPipeline().fps()).isPositive();
    assertThat(report.python().skipped()).contains("not found (--python)");
    assertThat(report.ratios()).containsKeys("worker_batch_1_over_raw_model", "worker_batched_over_raw_model",
            "best_worker_over_best_raw_model", "raw_model_batch_1_after_over_before",
            "raw_model_batched_after_over_before")
        .doesNotContainKey("worker_batch_1_over_python");
    double meanModel = (report.rawModel().get(0).fps() + report.rawModelAfter().get(0).fps()) / 2;
    assertThat(report.ratios().get("worker_batch_1_over_raw_model"))
        .isCloseTo(report.worker().get(0).fps() / meanModel, within(0.001));
    assertThat(report.machine().cores()).isPositive();
    // The Python loop was skipped at once here, too quickly for the machine's clock ticks to tell any share.
    assertThat(report.otherLoad()).containsKeys("raw_model_batch_1", "raw_model_batched", "worker_batch_1",
        "worker_batched", "raw_model_batch_1_after", "raw_model_batched_after", "trivial_pipeline")
        .allSatisfy((phase, share) -> assertThat(share).isBetween(0.0, 1.0));
    assertThat(Files.readString(json)).contains("\"raw_model\"", "\"raw_model_after\"", "\"jvm_warmup\"",
        "\"trivial_pipeline\"",
        "\"machine\"");
  }
}
