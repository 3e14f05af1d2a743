package io.robovision.worker.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.robovision.config.ConfigException;
import io.robovision.worker.WorkerConfig;

/** Turns {@code inference.device} (auto, cpu, gpu, gpu:N) into the device the models run on. */
public final class InferenceDevice {
  private InferenceDevice() {
  }

  /** Asks DJL's PyTorch engine how many CUDA GPUs its libtorch build sees; starts the engine if it is not running. */
  public static Device resolve(String setting) {
    return resolve(setting, Engine.getEngine("PyTorch").getGpuCount());
  }

  /** auto takes the first GPU when there is one, else the CPU; gpu and gpu:N fail when that GPU is not there. */
  public static Device resolve(String setting, int gpuCount) {
    if (setting.equals("cpu")) {
      return Device.cpu();
    }
    if (setting.equals("auto")) {
      return gpuCount > 0 ? Device.gpu() : Device.cpu();
    }
    int index = setting.startsWith("gpu:") ? Integer.parseInt(setting.substring(4)) : 0;
    if (index >= gpuCount) {
      throw new ConfigException(WorkerConfig.DEVICE, "is '" + setting + "' but DJL's PyTorch engine sees "
          + (gpuCount == 0 ? "no CUDA GPU: the libtorch it loaded is a CPU build (or no NVIDIA driver is installed)."
              + " Get the CUDA build of libtorch as the README's 'Running on a GPU' says, or use --device cpu"
              : gpuCount + " GPU(s), numbered from 0"));
    }
    return Device.gpu(index);
  }
}
