package io.robovision.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.inference.Predictor.PredictorContext;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslatorContext;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SegmentationTranslatorTest {
  private final Model model = Model.newInstance("translator-test", "PyTorch");
  private final TranslatorContext ctx = new PredictorContext(model, model.getNDManager(), null);

  @BeforeAll
  static void offline() {
    System.setProperty("ai.djl.offline", "true");
  }

  @AfterEach
  void close() {
    ctx.close();
    model.close();
  }

  @Test
  void convertsBgrToNormalisedRgbAtTheInputSize() {
    try (Mat red = new Mat(8, 6, opencv_core.CV_8UC3, new Scalar(0, 128, 255, 0))) {
      NDArray input = new SegmentationTranslator(3, 4, 21).processInput(ctx, red).singletonOrThrow();
      assertThat(input.getShape()).isEqualTo(new Shape(3, 4, 3));
      float[] values = input.toFloatArray();
      assertThat(values[0]).isCloseTo((1f - 0.485f) / 0.229f, within(1e-4f));
      assertThat(values[12]).isCloseTo((128 / 255f - 0.456f) / 0.224f, within(1e-4f));
      assertThat(values[24]).isCloseTo((0f - 0.406f) / 0.225f, within(1e-4f));
    }
  }

  @Test
  void takesTheArgmaxOfTheOutLogitsAndScalesTheMaskBackWithNearestNeighbour() {
    try (Mat frame = new Mat(4, 4, opencv_core.CV_8UC3, new Scalar(0, 0, 0, 0))) {
      SegmentationTranslator translator = new SegmentationTranslator(2, 2, 3);
      translator.processInput(ctx, frame);
      NDManager manager = ctx.getNDManager();
      NDArray logits = manager.create(new float[] {
          9, 0, 0, 0,
          0, 9, 0, 0,
          0, 0, 9, 9}, new Shape(3, 2, 2));
      logits.setName("out");
      NDArray aux = manager.zeros(new Shape(3, 2, 2));
      aux.setName("aux");
      SegmentationMask mask = translator.processOutput(ctx, new NDList(aux, logits));
      assertThat(mask.width()).isEqualTo(4);
      assertThat(mask.height()).isEqualTo(4);
      assertThat(mask.classes()).containsExactly(
          0, 0, 1, 1,
          0, 0, 1, 1,
          2, 2, 2, 2,
          2, 2, 2, 2);
    }
  }

  @Test
  void acceptsAPlainLogitsTensor() {
    try (Mat frame = new Mat(2, 2, opencv_core.CV_8UC3, new Scalar(0, 0, 0, 0))) {
      SegmentationTranslator translator = new SegmentationTranslator(2, 2, 2);
      translator.processInput(ctx, frame);
      NDArray logits = ctx.getNDManager().create(new float[] {1, 0, 1, 0, 0, 1, 0, 1}, new Shape(2, 2, 2));
      assertThat(translator.processOutput(ctx, new NDList(logits)).classes()).containsExactly(0, 1, 0, 1);
    }
  }

  @Test
  void refusesLogitsWithAnotherClassCount() {
    try (Mat frame = new Mat(2, 2, opencv_core.CV_8UC3, new Scalar(0, 0, 0, 0))) {
      SegmentationTranslator translator = new SegmentationTranslator(2, 2, 21);
      translator.processInput(ctx, frame);
      NDArray logits = ctx.getNDManager().zeros(new Shape(5, 2, 2));
      assertThatThrownBy(() -> translator.processOutput(ctx, new NDList(logits)))
          .hasMessageContaining("class file lists 21 classes");
    }
  }
}
