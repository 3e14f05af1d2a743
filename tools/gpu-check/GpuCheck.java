import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.util.cuda.CudaUtils;
import io.robovision.worker.inference.InferenceDevice;
import io.robovision.worker.inference.PyTorchEngine;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the worker's GPU path on a CUDA libtorch: what InferenceDevice picks, the bundled models' masks and outputs
 * on the GPU against the CPU and the Python reference masks, and the raw models' frames/s on the GPU. Run by run.sh.
 */
public class GpuCheck {
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Engine engine = PyTorchEngine.start();
    System.out.println("engine " + engine.getVersion() + " CUDA capability " + engine.hasCapability(StandardCapabilities.CUDA)
        + " CUDNN " + engine.hasCapability(StandardCapabilities.CUDNN));
    System.out.println("DJL Engine.getGpuCount() (JNA cudart): " + engine.getGpuCount() + "; CudaUtils.hasCuda " + CudaUtils.hasCuda());
    System.out.println("resolve(auto) = " + InferenceDevice.resolve("auto"));
    for (String s : new String[] {"gpu", "gpu:0", "gpu:1"}) {
      try {
        System.out.println("resolve(" + s + ") = " + InferenceDevice.resolve(s));
      } catch (RuntimeException e) {
        System.out.println("resolve(" + s + ") failed: " + e.getMessage());
      }
    }
    if (mode.equals("engine")) {
      return;
    }
    Device gpu = System.getenv("CHECK_ON_CPU") != null ? Device.cpu() : InferenceDevice.resolve("gpu");
    if (mode.equals("seg")) {
      seg(gpu, Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
    } else {
      det(gpu, Path.of(args[1]), Path.of(args[2]));
    }
  }

  static ZooModel<NDList, NDList> load(Path file, Device device) throws Exception {
    return Criteria.builder().setTypes(NDList.class, NDList.class).optModelPath(file).optEngine("PyTorch")
        .optDevice(device).optTranslator(new NoopTranslator()).build().loadModel();
  }

  static NDList read(NDManager m, Path p) throws Exception {
    try (InputStream in = Files.newInputStream(p)) {
      return NDList.decode(m, in);
    }
  }

  static NDArray logits(NDList out) {
    return out.get("out") != null ? out.get("out") : out.get(0);
  }

  static void seg(Device gpu, Path model, Path inputs, Path masks) throws Exception {
    try (NDManager cpuM = NDManager.newBaseManager(Device.cpu()); NDManager gpuM = NDManager.newBaseManager(gpu);
        ZooModel<NDList, NDList> onGpu = load(model, gpu); ZooModel<NDList, NDList> onCpu = load(model, Device.cpu());
        Predictor<NDList, NDList> pg = onGpu.newPredictor(); Predictor<NDList, NDList> pc = onCpu.newPredictor()) {
      NDList in = read(cpuM, inputs);
      NDList ref = read(cpuM, masks);
      long agreeRef = 0;
      long agreeCpu = 0;
      long total = 0;
      float maxDiff = 0;
      for (NDArray x : in) {
        NDArray r = ref.get(x.getName());
        NDArray g = logits(pg.predict(new NDList(x.toDevice(gpu, true).expandDims(0))));
        System.out.println(x.getName() + ": logits on " + g.getDevice() + " shape " + g.getShape());
        NDArray c = logits(pc.predict(new NDList(x.expandDims(0))));
        NDArray gm = g.argMax(1).toType(DataType.UINT8, false).toDevice(Device.cpu(), true).squeeze(0);
        NDArray cm = c.argMax(1).toType(DataType.UINT8, false).squeeze(0);
        agreeRef += gm.eq(r).sum().getLong();
        agreeCpu += gm.eq(cm).sum().getLong();
        total += r.size();
        maxDiff = Math.max(maxDiff, g.toDevice(Device.cpu(), true).sub(c).abs().max().getFloat());
      }
      System.out.printf("segmentation: GPU masks agree with the Python reference on %.4f %% of %d pixels, with the CPU"
          + " masks on %.4f %%; max |logit GPU - CPU| %.5f%n", 100.0 * agreeRef / total, total, 100.0 * agreeCpu / total,
          maxDiff);
      NDArray one = in.get(0).toDevice(gpu, true);
      for (int batch : new int[] {1, 8, 32}) {
        NDArray xb = one.expandDims(0).repeat(0, batch);
        time("segmentation GPU batch " + batch + " (argmax on the device, mask to host)", batch, gpuM, scope -> {
          NDList out = pg.predict(new NDList(xb));
          out.attach(scope);
          logits(out).argMax(1).toType(DataType.UINT8, false).toByteArray();
        });
        time("segmentation GPU batch " + batch + " (all logits to host)", batch, gpuM, scope -> {
          NDList out = pg.predict(new NDList(xb));
          out.attach(scope);
          logits(out).toByteBuffer(true);
        });
      }
      NDArray xc = in.get(0).expandDims(0);
      time("segmentation CPU batch 1 (" + Runtime.getRuntime().availableProcessors() + " cores)", 1, cpuM, scope -> {
        NDList out = pc.predict(new NDList(xc));
        out.attach(scope);
        logits(out).argMax(1).toByteArray();
      });
    }
  }

  static void det(Device gpu, Path model, Path input) throws Exception {
    try (NDManager cpuM = NDManager.newBaseManager(Device.cpu());
        ZooModel<NDList, NDList> onGpu = load(model, gpu); ZooModel<NDList, NDList> onCpu = load(model, Device.cpu());
        Predictor<NDList, NDList> pg = onGpu.newPredictor(); Predictor<NDList, NDList> pc = onCpu.newPredictor()) {
      NDArray x = read(cpuM, input).get(0);
      NDArray g = pg.predict(new NDList(x.toDevice(gpu, true))).get(0);
      NDArray c = pc.predict(new NDList(x)).get(0);
      System.out.println("detection: output on " + g.getDevice() + " shape " + g.getShape() + "; max |GPU - CPU| "
          + g.toDevice(Device.cpu(), true).sub(c).abs().max().getFloat() + "; max objectness "
          + c.get(":, :, 4").max().getFloat());
      NDArray one = x.toDevice(gpu, true);
      for (int batch : new int[] {1, 8, 32}) {
        NDArray xb = one.repeat(0, batch);
        time("detection GPU batch " + batch + " (output to host)", batch, cpuM, scope -> {
          NDList out = pg.predict(new NDList(xb));
          out.attach(scope);
          out.get(0).toByteBuffer(true);
        });
      }
    }
  }

  interface Step {
    void run(NDManager scope) throws Exception;
  }

  static void time(String what, int batch, NDManager parent, Step step) throws Exception {
    for (int i = 0; i < 10; i++) {
      try (NDManager scope = parent.newSubManager()) {
        step.run(scope);
      }
    }
    int iterations = Math.max(10, 400 / batch);
    long start = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      try (NDManager scope = parent.newSubManager()) {
        step.run(scope);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s: %.1f frames/s, %.2f ms a batch%n", what, iterations * batch / seconds, 1000 * seconds / iterations);
  }
}
