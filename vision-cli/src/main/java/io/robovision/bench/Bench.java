package io.robovision.bench;

import ai.djl.Device;
import io.robovision.broker.EmbeddedBroker;
import io.robovision.config.ClassNames;
import io.robovision.config.KafkaSettings;
import io.robovision.kafka.TopicSetup;
import io.robovision.worker.inference.InferenceDevice;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openjdk.jmh.runner.RunnerException;

/**
 * One bench run on one machine, one model and one input size: (a) the raw model under JMH, (b) the
 * worker end to end on the embedded broker at batch 1 and batched, (c) the seed-style Python loop,
 * (d) the worker with a trivial model, and optionally the worker's memory over a long run.
 */
public final class Bench {
  private static final String FRAMES_TOPIC = "bench.frames";
  private static final int DISTINCT_FRAMES = 50;

  private final BenchOptions options;
  private final PrintStream out;
  /** A change of the raw model's speed across a worker run, either way, above which the bench says so. */
  private static final double DRIFT_WARNING = 0.10;

  private final OtherLoad load = new OtherLoad();

  public Bench(BenchOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public BenchReport run() throws IOException, InterruptedException, RunnerException {
    requireFile(options.model(), "--model");
    requireFile(options.trivialModel(), "--trivial-model (made by bench/make_trivial_model.py)");
    int classes = ClassNames.read(options.classes()).size();
    BenchReport.Machine machine = new MachineInfo().describe();
    out.printf(Locale.ROOT, "machine: %s, %d cores, %d MB, %s%n", machine.cpu(), machine.cores(), machine.memoryMb(),
        machine.java());

    Device device = InferenceDevice.resolve(options.device());
    out.println("device: " + device + " (--device " + options.device() + ")");
    int cores = machine.cores();
    Map<String, Double> others = new LinkedHashMap<>();
    RawModelBench models = new RawModelBench(Math.max(1, options.modelIterations() / 2), options.modelIterations(), 2);

    Path scratch = Files.createTempDirectory("vision-bench");
    try (EmbeddedBroker broker = EmbeddedBroker.start(0, null)) {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), Map.of());
      int partitions = Math.max(1, options.cameras());
      // Every topic up front: producing right after a topic is created can meet a leader not yet elected.
      new TopicSetup(kafka).ensure(Set.of(FRAMES_TOPIC, WorkerBench.segmentsTopic("batch-1"),
          WorkerBench.segmentsTopic("batched"), WorkerBench.segmentsTopic("trivial"),
          WorkerBench.segmentsTopic(WorkerBench.WARMUP_LABEL), WorkerBench.DEAD_LETTER_TOPIC,
          RssBench.FRAMES_TOPIC, RssBench.SEGMENTS_TOPIC), partitions, (short) 1, 16 * 1024 * 1024);
      FramePool pool = new FramePool(options.cameras(), DISTINCT_FRAMES, options.width(), options.height());
      out.println("publishing " + options.frames() + " frames of " + options.cameras() + " camera(s) before the clock"
          + " starts ...");
      pool.publish(kafka, FRAMES_TOPIC, options.frames());

      WorkerBench workers = new WorkerBench(kafka, FRAMES_TOPIC);
      List<BenchReport.WorkerFigures> warmup = List.of();
      if (options.warmupSeconds() > 0) {
        out.println("warming up the JVM for " + options.warmupSeconds() + " s, untimed: the worker with "
            + options.trivialModel().getFileName() + " over the frames, pass after pass ...");
        warmup = new ArrayList<>(workers.warmUp(options, options.trivialModel(), options.frames(),
            options.workerOverrides(false, cores), Duration.ofSeconds(options.warmupSeconds()),
            pass -> out.printf(Locale.ROOT, "    %.1f frames/s%n", pass.fps())));
        out.println("  and one pass with " + options.model().getFileName() + " ...");
        BenchReport.WorkerFigures real = workers.warmUpOnce(options, options.model(), options.frames(),
            options.workerOverrides(false, cores), warmup.size() + 1);
        out.printf(Locale.ROOT, "    %.1f frames/s%n", real.fps());
        warmup.add(real);
      }
      List<BenchReport.ModelFigures> raw = new ArrayList<>();
      List<BenchReport.WorkerFigures> worker = new ArrayList<>();
      List<BenchReport.ModelFigures> rawAfter = new ArrayList<>();
      for (boolean batched : new boolean[] {false, true}) {
        // (a) right before and right after (b): this host's speed drifts within minutes, and the ratio takes the mean.
        out.printf(Locale.ROOT, "(a) raw model under JMH, as the %s worker: %d predictor(s) x %d intra-op thread(s),"
            + " forward passes on batches of %d prepared %dx%d tensors ...%n", label(batched), options.predictors(),
            options.intraOpThreads(cores), options.batchSize(batched), options.width(), options.height());
        raw.add(rawModel(models, batched, "", others, cores));
        out.println("(b) worker end to end, " + label(batched) + " " + options.workerOverrides(batched, cores)
            + " ...");
        worker.add(watched("worker_" + label(batched).replace('-', '_'), others,
            () -> workers.run(label(batched), options, options.model(), options.frames(),
                options.workerOverrides(batched, cores)), Bench::describe));
        out.println("(a) again, right after (b) ...");
        rawAfter.add(rawModel(models, batched, "_after", others, cores));
      }

      BenchReport.PythonFigures python;
      if (options.skipPython()) {
        python = BenchReport.PythonFigures.skipped("--no-python");
        out.println("    skipped: " + python.skipped());
      } else {
        out.println("(c) seed-style Python loop (" + options.python() + " " + options.pythonScript() + ") ...");
        Path jpegs = scratch.resolve("frames");
        pool.writeJpegs(jpegs);
        python = watched("python", others, () -> new PythonLoopBench(options.python(), options.pythonScript())
            .run(options.model(), jpegs, options.frames(), options.width(), options.height(), classes,
                device.isGpu() ? "cuda:" + device.getDeviceId() : "cpu"),
            figures -> figures.skipped() != null ? "skipped: " + figures.skipped()
                : String.format(Locale.ROOT, "%.2f frames/s (%s decode, torch %s, %d threads)", figures.fps(),
                    figures.decoder(), figures.torch(), figures.threads()));
      }

      out.println("(d) worker end to end with the trivial model " + options.trivialModel().getFileName() + " ...");
      BenchReport.WorkerFigures trivial = watched("trivial_pipeline", others, () -> workers.run("trivial", options,
          options.trivialModel(), options.frames(), options.workerOverrides(false, cores)), Bench::describe);

      BenchReport.RssFigures rss = null;
      if (options.rssFrames() > 0) {
        Path model = options.rssRealModel() ? options.model() : options.trivialModel();
        out.println("worker memory: " + options.rssFrames() + " frames through a child `vision segment` with "
            + model.getFileName() + " ...");
        rss = watched("rss", others, () -> new RssBench(kafka,
            options.out().toAbsolutePath().resolveSibling("bench-rss-worker.log"), out)
            .run(pool, options, model, options.rssFrames()),
            figures -> String.format(Locale.ROOT, "VmRSS start %d kB, end %d kB (medians of the first and last tenth,"
                + " %+.2f %%: %s), between %d and %d kB", figures.startKb(), figures.endKb(), figures.changePercent(),
                figures.flat() ? "flat" : "NOT flat within 5 %", figures.minKb(), figures.maxKb()));
      }

      Map<String, Object> described = options.describe();
      described.put("device_used", device.toString());
      BenchReport report = new BenchReport(Instant.now().toString(), machine, described, raw, rawAfter, warmup,
          worker, python, trivial, rss, ratios(raw, rawAfter, worker, python), others);
      report.ratios().forEach((name, value) -> out.printf(Locale.ROOT, "%s: %.3f%n", name, value));
      for (int i = 0; i < raw.size(); i++) {
        double drift = rawAfter.get(i).fps() / raw.get(i).fps() - 1;
        if (Math.abs(drift) > DRIFT_WARNING) {
          out.printf(Locale.ROOT, "WARNING: the raw model ran %.0f %% %s right after the %s worker run than right"
              + " before it: the machine's speed changed meanwhile, so that run's ratio to (a) is uncertain%n",
              100 * Math.abs(drift), drift > 0 ? "faster" : "slower", raw.get(i).label());
        }
      }
      List<String> disturbed = others.entrySet().stream().filter(entry -> entry.getValue() > OtherLoad.DISTURBED)
          .map(Map.Entry::getKey).toList();
      if (!disturbed.isEmpty()) {
        out.printf(Locale.ROOT, "WARNING: other processes took over %.0f %% of the CPU during %s; the ratios that use"
            + " these figures are not comparable, rerun on a quiet machine%n", 100 * OtherLoad.DISTURBED,
            String.join(", ", disturbed));
      }
      report.write(options.out());
      out.println("figures: " + options.out());
      return report;
    } finally {
      deleteTree(scratch);
    }
  }

  private BenchReport.ModelFigures rawModel(RawModelBench models, boolean batched, String suffix,
      Map<String, Double> others, int cores) throws IOException, InterruptedException, RunnerException {
    return watched("raw_model_" + label(batched).replace('-', '_') + suffix, others,
        () -> models.run(label(batched), options.model(), options.width(), options.height(), options.predictors(),
            options.intraOpThreads(cores), options.batchSize(batched), options.device()),
        figures -> String.format(Locale.ROOT, "%.2f frames/s%s", figures.fps(), figures.fpsError99() == null ? ""
            : String.format(Locale.ROOT, " (99.9%% error %.2f)", figures.fpsError99())));
  }

  /** One step of the bench: what it measures, and how its figures print. */
  @FunctionalInterface
  private interface Phase<T> {
    T run() throws IOException, InterruptedException, RunnerException;
  }

  /**
   * Runs {@code phase}, prints its figures and the share of the CPU that other processes took meanwhile, records that
   * share under {@code name}, and says so when it is high enough to make the figure incomparable.
   */
  private <T> T watched(String name, Map<String, Double> others, Phase<T> phase, Function<T, String> describe)
      throws IOException, InterruptedException, RunnerException {
    Optional<OtherLoad.Reading> start = load.read();
    T figures = phase.run();
    Optional<OtherLoad.Reading> end = load.read();
    out.println("    " + describe.apply(figures));
    if (start.isPresent() && end.isPresent()) {
      end.get().othersSince(start.get()).ifPresent(share -> {
        others.put(name, round(share));
        out.printf(Locale.ROOT, "    other processes took %.0f %% of the CPU meanwhile%s%n", 100 * share,
            share > OtherLoad.DISTURBED ? ": this figure is disturbed, rerun on a quiet machine" : "");
      });
    }
    return figures;
  }

  private static String describe(BenchReport.WorkerFigures figures) {
    return String.format(Locale.ROOT, "%.2f frames/s (%.2f with warm-up), latency p50 %.0f ms p99 %.0f ms, %d failed",
        figures.fps(), figures.fpsWithWarmup(), figures.latencyMs().get("p50"), figures.latencyMs().get("p99"),
        figures.failed());
  }

  private static String label(boolean batched) {
    return batched ? "batched" : "batch-1";
  }

  /**
   * Each worker run over the mean of the raw model right before and right after it, in its own configuration; the
   * best of each over the other; each raw model's figure after over before, which shows how far the host drifted
   * meanwhile; and each worker run over the Python loop.
   */
  private static Map<String, Double> ratios(List<BenchReport.ModelFigures> raw,
      List<BenchReport.ModelFigures> rawAfter, List<BenchReport.WorkerFigures> worker,
      BenchReport.PythonFigures python) {
    Map<String, Double> ratios = new LinkedHashMap<>();
    double bestModel = 0;
    for (int i = 0; i < worker.size(); i++) {
      BenchReport.WorkerFigures figures = worker.get(i);
      String label = figures.label().replace('-', '_');
      double model = (raw.get(i).fps() + rawAfter.get(i).fps()) / 2;
      bestModel = Math.max(bestModel, model);
      ratios.put("worker_" + label + "_over_raw_model", round(figures.fps() / model));
      ratios.put("raw_model_" + label + "_after_over_before", round(rawAfter.get(i).fps() / raw.get(i).fps()));
      if (python.fps() != null) {
        ratios.put("worker_" + label + "_over_python", round(figures.fps() / python.fps()));
      }
    }
    double bestWorker = worker.stream().mapToDouble(BenchReport.WorkerFigures::fps).max().orElseThrow();
    ratios.put("best_worker_over_best_raw_model", round(bestWorker / bestModel));
    return ratios;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static void requireFile(Path file, String option) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("'" + file + "' does not exist (" + option + ")");
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
