package io.robovision.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.robovision.config.ConfigException;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class InferenceDeviceTest {
  private static IntFunction<Optional<String>> gpus(int count) {
    return index -> index < count ? Optional.empty() : Optional.of("CUDA error: invalid device ordinal");
  }

  @Test
  void autoTakesTheFirstGpuWhenLibtorchCanUseIt() {
    assertThat(InferenceDevice.resolve("auto", true, gpus(2))).isEqualTo(Device.gpu());
    assertThat(InferenceDevice.resolve("auto", true, gpus(0))).isEqualTo(Device.cpu());
    assertThat(InferenceDevice.resolve("auto", false, gpus(2))).isEqualTo(Device.cpu());
  }

  @Test
  void cpuAndNumberedGpus() {
    assertThat(InferenceDevice.resolve("cpu", true, gpus(1))).isEqualTo(Device.cpu());
    assertThat(InferenceDevice.resolve("gpu", true, gpus(1))).isEqualTo(Device.gpu());
    assertThat(InferenceDevice.resolve("gpu:1", true, gpus(2))).isEqualTo(Device.gpu(1));
  }

  @Test
  void aCpuBuildOfLibtorchFailsWithTheWayOut() {
    assertThatThrownBy(() -> InferenceDevice.resolve("gpu", false, gpus(1)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("inference.device")
        .hasMessageContaining("no CUDA GPU")
        .hasMessageContaining("--device cpu");
  }

  @Test
  void aGpuThatLibtorchCannotOpenFailsWithLibtorchsReason() {
    assertThatThrownBy(() -> InferenceDevice.resolve("gpu:2", true, gpus(2)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot use GPU 2")
        .hasMessageContaining("invalid device ordinal");
  }

  @Test
  void theBundledCpuLibtorchRunsOnTheCpu() {
    assertThat(InferenceDevice.resolve("auto")).isEqualTo(Device.cpu());
    assertThatThrownBy(() -> InferenceDevice.resolve("gpu")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("CPU build");
  }
}
