package io.robovision.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClassArgmaxTest {
  @BeforeAll
  static void offline() {
    System.setProperty("ai.djl.offline", "true");
  }

  @Test
  void agreesWithTorchArgmaxOnEveryPixelOfABatchMember() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      manager.getEngine().setRandomSeed(7);
      // The second frame of a batch: a slice that starts past the tensor's first byte.
      NDArray logits = manager.randomNormal(new Shape(2, 21, 48, 64)).get(1);
      assertThat(mask(logits)).containsExactly(torchArgmax(logits));
    }
  }

  @Test
  void readsChannelsLastLogitsInPlaceAndAgreesWithTorchArgmax() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      manager.getEngine().setRandomSeed(5);
      // What a channels-last model returns: [N, C, H, W] whose classes lie next to each other in memory.
      NDArray batch = manager.randomNormal(new Shape(2, 48, 64, 21)).transpose(0, 3, 1, 2);
      NDArray logits = batch.get(1);
      assertThat(ClassArgmax.interleaved(logits)).isTrue();
      assertThat(mask(logits)).containsExactly(torchArgmax(logits));
    }
  }

  @Test
  void tellsPlanarFromChannelsLastLogits() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      assertThat(ClassArgmax.interleaved(manager.zeros(new Shape(21, 48, 64)))).isFalse();
      assertThat(ClassArgmax.interleaved(manager.zeros(new Shape(2, 21, 48, 64)).get(1))).isFalse();
      assertThat(ClassArgmax.interleaved(manager.zeros(new Shape(48, 64, 21)).transpose(2, 0, 1))).isTrue();
      // A pixel's classes spaced out by another tensor's channels: neither layout, read as planar.
      assertThat(ClassArgmax.interleaved(manager.zeros(new Shape(48, 64, 42)).get(":, :, ::2").transpose(2, 0, 1)))
          .isFalse();
    }
  }

  @Test
  void givesTiesToTheLowerClassLikeTorch() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      NDArray logits = manager.create(new float[] {
          1, 5, 0, 2,
          1, 5, 3, 2,
          0, 1, 3, 2}, new Shape(3, 2, 2));
      assertThat(mask(logits)).containsExactly(0, 0, 1, 0).containsExactly(torchArgmax(logits));
    }
  }

  @Test
  void theArgmaxForLogitsOnAGpuAgreesWithTheHostOne() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      manager.getEngine().setRandomSeed(13);
      // Rounded to steps of 0.5 so that many pixels hold ties, which must go to the lower class in both.
      NDArray logits = manager.randomNormal(new Shape(21, 48, 64)).mul(2).round().div(2);
      try (Mat onDevice = ClassArgmax.onDevice(logits)) {
        byte[] pixels = new byte[onDevice.rows() * onDevice.cols()];
        onDevice.data().get(pixels);
        assertThat(onDevice.rows()).isEqualTo(48);
        assertThat(pixels).containsExactly(mask(logits));
      }
    }
  }

  @Test
  void readsHalfPrecisionLogits() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      manager.getEngine().setRandomSeed(11);
      NDArray logits = manager.randomNormal(new Shape(5, 16, 24)).toType(DataType.FLOAT16, false);
      assertThat(mask(logits)).containsExactly(torchArgmax(logits.toType(DataType.FLOAT32, false)));
    }
  }

  private static byte[] mask(NDArray logits) {
    try (Mat classes = ClassArgmax.of(logits)) {
      assertThat(classes.rows()).isEqualTo(logits.getShape().get(1));
      assertThat(classes.cols()).isEqualTo(logits.getShape().get(2));
      byte[] pixels = new byte[classes.rows() * classes.cols()];
      classes.data().get(pixels);
      return pixels;
    }
  }

  private static byte[] torchArgmax(NDArray logits) {
    return logits.argMax(0).toType(DataType.UINT8, false).toByteArray();
  }
}
