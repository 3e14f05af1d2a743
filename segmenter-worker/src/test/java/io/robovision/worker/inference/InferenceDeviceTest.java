package io.robovision.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.robovision.config.ConfigException;
import org.junit.jupiter.api.Test;

class InferenceDeviceTest {
  @Test
  void autoTakesTheFirstGpuWhenThereIsOne() {
    assertThat(InferenceDevice.resolve("auto", 2)).isEqualTo(Device.gpu());
    assertThat(InferenceDevice.resolve("auto", 0)).isEqualTo(Device.cpu());
  }

  @Test
  void cpuAndNumberedGpus() {
    assertThat(InferenceDevice.resolve("cpu", 1)).isEqualTo(Device.cpu());
    assertThat(InferenceDevice.resolve("gpu", 1)).isEqualTo(Device.gpu());
    assertThat(InferenceDevice.resolve("gpu:1", 2)).isEqualTo(Device.gpu(1));
  }

  @Test
  void askingForAGpuWithoutOneFailsWithTheWayOut() {
    assertThatThrownBy(() -> InferenceDevice.resolve("gpu", 0))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("inference.device")
        .hasMessageContaining("no CUDA GPU")
        .hasMessageContaining("--device cpu");
    assertThatThrownBy(() -> InferenceDevice.resolve("gpu:2", 2)).hasMessageContaining("2 GPU(s)");
  }
}
