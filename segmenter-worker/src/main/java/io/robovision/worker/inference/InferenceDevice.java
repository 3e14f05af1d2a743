package io.robovision.worker.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.robovision.config.ConfigException;
import io.robovision.worker.WorkerConfig;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Turns {@code inference.device} (auto, cpu, gpu, gpu:N) into the device the models run on.
 *
 * <p>It asks libtorch itself, not DJL's {@code Engine.getGpuCount()}: that count comes from loading
 * {@code libcudart.so} through JNA, which finds it only where a CUDA runtime is on the library path.
 * libtorch does not need one there, so on a machine with only the NVIDIA driver (the NVIDIA container
 * runtime, for one) DJL's count can be 0 while libtorch runs on the GPU.
 */
public final class InferenceDevice {
  private InferenceDevice() {
  }

  /** Starts DJL's PyTorch engine if it is not running and asks its libtorch. */
  public static Device resolve(String setting) {
    Engine engine = PyTorchEngine.start();
    return resolve(setting, engine.hasCapability(StandardCapabilities.CUDA), index -> openFailure(engine, index));
  }

  /**
   * auto takes the first GPU when libtorch can use it, else the CPU; gpu and gpu:N fail when that GPU
   * cannot be used. {@code openFailure} says why a GPU cannot be used, or nothing when it can.
   */
  static Device resolve(String setting, boolean cudaAvailable, IntFunction<Optional<String>> openFailure) {
    if (setting.equals("cpu")) {
      return Device.cpu();
    }
    if (setting.equals("auto")) {
      return cudaAvailable && openFailure.apply(0).isEmpty() ? Device.gpu() : Device.cpu();
    }
    int index = setting.startsWith("gpu:") ? Integer.parseInt(setting.substring(4)) : 0;
    if (!cudaAvailable) {
      throw new ConfigException(WorkerConfig.DEVICE, "is '" + setting + "' but DJL's PyTorch engine sees no CUDA GPU:"
          + " the libtorch it loaded is a CPU build, or no NVIDIA driver or GPU is there. Get the CUDA build of libtorch"
          + " as the README's 'Running on a GPU' says, or use --device cpu");
    }
    Optional<String> failure = openFailure.apply(index);
    if (failure.isPresent()) {
      throw new ConfigException(WorkerConfig.DEVICE, "is '" + setting + "' but libtorch cannot use GPU " + index
          + " (GPUs are numbered from 0): " + failure.get());
    }
    return Device.gpu(index);
  }

  /** Puts one number on the GPU: libtorch refuses a GPU that is not there with its own reason. */
  private static Optional<String> openFailure(Engine engine, int index) {
    try (NDManager manager = engine.newBaseManager(Device.gpu(index))) {
      manager.zeros(new Shape(1)).close();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString()));
    }
  }
}
