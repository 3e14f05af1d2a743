package io.robovision.bench;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.robovision.worker.inference.InferenceDevice;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** JMH benchmark of the raw model: the DJL predictor's forward pass on an already-normalised batch of input tensors. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ModelBenchmark {
  @Param("")
  public String model;

  @Param("320")
  public int width;

  @Param("240")
  public int height;

  @Param("1")
  public int batch;

  /** inference.device: auto, cpu, gpu or gpu:N, resolved as the worker resolves it. */
  @Param("auto")
  public String device;

  /** libtorch's intra-op threads for this benchmark thread; 0 leaves the engine's count. */
  @Param("0")
  public int threads;

  private ZooModel<NDList, NDList> zoo;
  private Predictor<NDList, NDList> predictor;
  private NDManager manager;
  private NDList input;

  @Setup
  public void load() throws ModelNotFoundException, MalformedModelException, IOException {
    Device on = InferenceDevice.resolve(device);
    zoo = Criteria.builder()
        .setTypes(NDList.class, NDList.class)
        .optModelPath(Path.of(model))
        .optEngine("PyTorch")
        .optDevice(on)
        .optTranslator(new NoopTranslator(null))
        .build()
        .loadModel();
    predictor = zoo.newPredictor();
    if (threads > 0) {
      // Set on the benchmark's own thread, once the engine has loaded libtorch: each thread keeps its own count.
      JniUtils.setNumThreads(threads);
    }
    manager = NDManager.newBaseManager(on, "PyTorch");
    // Normalised pixels are roughly standard normal; the values do not change the work done.
    input = new NDList(manager.randomNormal(new Shape(batch, 3, height, width)));
  }

  /** Reads one logit back: on a GPU the forward pass only queues kernels, and this waits for them. */
  @Benchmark
  public float forward() throws TranslateException {
    try (NDList output = predictor.predict(input)) {
      return output.head().getFloat(0, 0, 0, 0);
    }
  }

  @TearDown
  public void close() {
    input.close();
    manager.close();
    predictor.close();
    zoo.close();
  }
}
