package io.robovision.cli;

import io.robovision.bench.Bench;
import io.robovision.bench.BenchOptions;
import io.robovision.worker.WorkerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vision bench}: the raw model, the worker on the embedded broker, the Python loop and a trivial model, on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measures on this machine, with one model and input size: (a) the raw model (JMH, prepared tensors),",
        "(b) the worker end to end on the embedded broker at batch 1 and batched, (c) the seed-style Python loop,",
        "(d) the worker with a trivial model, and optionally the worker's memory over a long run; writes bench.json."})
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--frames", defaultValue = "200", description = "frames per worker run and for the Python loop (default ${DEFAULT-VALUE})")
  long frames;

  @Option(names = "--cameras", defaultValue = "2", description = "cameras the frames come from (default ${DEFAULT-VALUE})")
  int cameras;

  @Option(names = "--width", defaultValue = "320", description = "frame width and model input width (default ${DEFAULT-VALUE})")
  int width;

  @Option(names = "--height", defaultValue = "240", description = "frame height and model input height (default ${DEFAULT-VALUE})")
  int height;

  @Option(names = "--model", defaultValue = "${sys:vision.home:-.}/models/deeplabv3_mobilenet_v3_large.pt",
      description = "TorchScript segmentation model (default ${DEFAULT-VALUE})")
  Path model;

  @Option(names = "--classes", defaultValue = "${sys:vision.home:-.}/models/voc_classes.txt",
      description = "class names of the model (default ${DEFAULT-VALUE})")
  Path classes;

  @Option(names = "--trivial-model", defaultValue = "${sys:vision.home:-.}/bench/trivial_segmenter.pt",
      description = "tiny model of the same layout, for the ceiling of everything but inference (default ${DEFAULT-VALUE})")
  Path trivialModel;

  @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch for the seed-style loop (default ${DEFAULT-VALUE})")
  Path python;

  @Option(names = "--python-script", defaultValue = "${sys:vision.home:-.}/bench/python_loop.py",
      description = "the seed-style loop (default ${DEFAULT-VALUE})")
  Path pythonScript;

  @Option(names = "--no-python", description = "skip the Python loop")
  boolean noPython;

  @Option(names = "--rss-frames", defaultValue = "0",
      description = "also run a child worker over this many frames and sample its VmRSS, e.g. 10000; its log goes to bench-rss-worker.log beside --out (default 0: off)")
  long rssFrames;

  @Option(names = "--rss-real-model", description = "use --model for the memory run instead of the trivial model")
  boolean rssRealModel;

  @Option(names = "--batch-size", defaultValue = "4", description = "worker.batch.size of the batched run (default ${DEFAULT-VALUE}, the worker's)")
  int batchSize;

  @Option(names = "--batch-wait-ms", defaultValue = "10", description = "worker.batch.wait.ms of the batched run (default ${DEFAULT-VALUE}, the worker's)")
  int batchWaitMs;

  @Option(names = "--predictors", defaultValue = "0",
      description = "worker.predictors of both worker runs and of the raw model (default 0: the worker's default for this machine's cores)")
  int predictors;

  @Option(names = "--warmup-seconds", defaultValue = "120",
      description = "before the worker runs, run the worker with the trivial model over the frames, untimed, for"
          + " this long, so that the JIT has compiled the Kafka, broker and pipeline paths (default ${DEFAULT-VALUE};"
          + " 0: off)")
  int warmupSeconds;

  @Option(names = "--model-iterations", defaultValue = "10",
      description = "JMH measurement iterations of 2 s for the raw model, plus half as many warm-up ones (default ${DEFAULT-VALUE})")
  int modelIterations;

  @Option(names = "--device", defaultValue = "auto",
      description = "where the raw model, the worker runs and the Python loop run: auto, cpu, gpu or gpu:N, as"
          + " inference.device (default ${DEFAULT-VALUE})")
  String device;

  @Option(names = "--out", defaultValue = "bench.json", description = "where to write the figures (default ${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() throws Exception {
    new Bench(new BenchOptions(frames, cameras, width, height, model, classes, trivialModel, python, pythonScript,
        noPython, rssFrames, rssRealModel, batchSize, batchWaitMs,
        predictors > 0 ? predictors : WorkerConfig.defaultPredictors(Runtime.getRuntime().availableProcessors()),
        modelIterations, warmupSeconds, device, out), System.out).run();
    return 0;
  }
}
