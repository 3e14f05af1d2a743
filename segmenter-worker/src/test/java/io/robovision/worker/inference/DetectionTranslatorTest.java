package io.robovision.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.inference.Predictor.PredictorContext;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslatorContext;
import java.util.List;
import java.util.stream.IntStream;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DetectionTranslatorTest {
  private static final List<String> COCO = IntStream.range(0, 80).mapToObj(i -> "class" + i).toList();
  private static final int FIELDS = 85;

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
  void letterboxesTheFrameAsRgbOverGreyPadding() {
    try (Mat frame = new Mat(240, 320, opencv_core.CV_8UC3, new Scalar(0, 128, 255, 0))) {
      NDArray input = new DetectionTranslator(COCO, 320, 0.25f, 0.45f).processInput(ctx, frame).singletonOrThrow();
      assertThat(input.getShape()).isEqualTo(new Shape(3, 320, 320));
      float[] values = input.toFloatArray();
      int plane = 320 * 320;
      assertThat(values[0]).isCloseTo(114 / 255f, within(1e-6f));
      assertThat(values[39 * 320]).isCloseTo(114 / 255f, within(1e-6f));
      assertThat(values[40 * 320]).isCloseTo(1f, within(1e-6f));
      assertThat(values[plane + 40 * 320]).isCloseTo(128 / 255f, within(1e-6f));
      assertThat(values[2 * plane + 279 * 320]).isZero();
      assertThat(values[2 * plane + 280 * 320]).isCloseTo(114 / 255f, within(1e-6f));
    }
  }

  @Test
  void decodesRowsIntoFrameBoxesScoredByObjectnessTimesClassProbability() {
    DetectionTranslator translator = prepared(new DetectionTranslator(COCO, 320, 0.25f, 0.45f), 320, 240);
    List<BoxDetection> boxes = translator.processOutput(ctx, rows(row(160, 160, 40, 80, 0.9f, 2, 0.8f)));
    assertThat(boxes).hasSize(1);
    BoxDetection box = boxes.get(0);
    assertThat(box.xmin()).isEqualTo(140);
    assertThat(box.ymin()).isEqualTo(80);
    assertThat(box.xmax()).isEqualTo(180);
    assertThat(box.ymax()).isEqualTo(160);
    assertThat(box.confidence()).isCloseTo(0.72f, within(1e-6f));
    assertThat(box.classIndex()).isEqualTo(2);
    assertThat(box.name()).isEqualTo("class2");
  }

  @Test
  void undoesTheScaleAndPaddingAndClipsToTheFrame() {
    DetectionTranslator translator = prepared(new DetectionTranslator(COCO, 320, 0.25f, 0.45f), 640, 480);
    List<BoxDetection> boxes = translator.processOutput(ctx, rows(row(10, 60, 40, 60, 0.9f, 0, 0.9f)));
    assertThat(boxes).singleElement().satisfies(box -> {
      assertThat(box.xmin()).isZero();
      assertThat(box.ymin()).isZero();
      assertThat(box.xmax()).isCloseTo(60, within(1e-4f));
      assertThat(box.ymax()).isCloseTo(100, within(1e-4f));
    });
  }

  @Test
  void suppressesOverlappingBoxesOfTheSameClassButKeepsOtherClasses() {
    DetectionTranslator translator = prepared(new DetectionTranslator(COCO, 320, 0.25f, 0.45f), 320, 240);
    List<BoxDetection> boxes = translator.processOutput(ctx, rows(
        row(100, 100, 40, 40, 0.8f, 16, 0.9f),
        row(102, 101, 40, 40, 0.9f, 16, 0.9f),
        row(101, 100, 40, 40, 0.7f, 15, 0.9f),
        row(200, 200, 40, 40, 0.6f, 16, 0.9f)));
    assertThat(boxes).extracting(BoxDetection::classIndex).containsExactly(16, 15, 16);
    assertThat(boxes.get(0).confidence()).isCloseTo(0.81f, within(1e-6f));
    assertThat(boxes.get(2).xmin()).isEqualTo(180);
  }

  @Test
  void dropsScoresBelowTheConfidenceThresholdEvenWithHighObjectness() {
    DetectionTranslator translator = prepared(new DetectionTranslator(COCO, 320, 0.5f, 0.45f), 320, 240);
    List<BoxDetection> boxes = translator.processOutput(ctx, rows(
        row(100, 100, 20, 20, 0.95f, 0, 0.5f),
        row(200, 100, 20, 20, 0.45f, 0, 1f),
        row(150, 200, 20, 20, 0.8f, 5, 0.7f)));
    assertThat(boxes).extracting(BoxDetection::classIndex).containsExactly(5);
  }

  @Test
  void keepsOnlyTheHighestScoringMaxDetections() {
    DetectionTranslator translator = prepared(new DetectionTranslator(COCO, 320, 0.1f, 0.45f, 2), 320, 240);
    List<BoxDetection> boxes = translator.processOutput(ctx, rows(
        row(20, 60, 10, 10, 0.5f, 0, 1f),
        row(60, 60, 10, 10, 0.9f, 1, 1f),
        row(100, 60, 10, 10, 0.7f, 2, 1f)));
    assertThat(boxes).extracting(BoxDetection::classIndex).containsExactly(1, 2);
  }

  @Test
  void acceptsALeadingBatchDimensionAndATupleWhosePredictionsComeFirst() {
    DetectionTranslator translator = prepared(new DetectionTranslator(COCO, 320, 0.25f, 0.45f), 320, 240);
    NDArray batched = rows(row(160, 160, 40, 80, 0.9f, 2, 0.8f)).singletonOrThrow().expandDims(0);
    NDArray scaleMap = ctx.getNDManager().zeros(new Shape(1, 3, 40, 40, FIELDS));
    assertThat(translator.processOutput(ctx, new NDList(batched, scaleMap)))
        .singleElement().extracting(BoxDetection::classIndex).isEqualTo(2);
  }

  @Test
  void refusesPredictionsWithAnotherClassCount() {
    DetectionTranslator translator = prepared(new DetectionTranslator(COCO.subList(0, 6), 320, 0.25f, 0.45f), 320,
        240);
    NDList output = rows(row(160, 160, 40, 80, 0.9f, 2, 0.8f));
    assertThatThrownBy(() -> translator.processOutput(ctx, output))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lists 6 classes")
        .hasMessageContaining("last dimension of 11, got 85");
  }

  private DetectionTranslator prepared(DetectionTranslator translator, int width, int height) {
    try (Mat frame = new Mat(height, width, opencv_core.CV_8UC3, new Scalar(0, 0, 0, 0))) {
      translator.processInput(ctx, frame);
    }
    return translator;
  }

  private NDList rows(float[]... rows) {
    float[] flat = new float[rows.length * FIELDS];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * FIELDS, FIELDS);
    }
    return new NDList(ctx.getNDManager().create(flat, new Shape(rows.length, FIELDS)));
  }

  private static float[] row(float cx, float cy, float w, float h, float objectness, int classIndex,
      float probability) {
    float[] row = new float[FIELDS];
    row[0] = cx;
    row[1] = cy;
    row[2] = w;
    row[3] = h;
    row[4] = objectness;
    row[5 + classIndex] = probability;
    // YOLOv5's class probabilities are independent sigmoids, so other classes carry some mass; it must not win.
    row[5 + (classIndex + 1) % 80] = probability / 4;
    return row;
  }
}
