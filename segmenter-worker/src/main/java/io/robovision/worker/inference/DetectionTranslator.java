package io.robovision.worker.inference;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Translator for models with YOLOv5's TorchScript layout: BGR frame to an RGB square letterbox (grey 114 padding), /255,
 * CHW; rows of {@code cx, cy, w, h, objectness, class probabilities...} in letterbox pixels to boxes in frame pixels,
 * scored objectness × best class probability, thresholded, suppressed per class.
 */
public final class DetectionTranslator implements Translator<Mat, List<BoxDetection>> {
  /** Boxes kept per frame at most, best first. */
  public static final int DEFAULT_MAX_DETECTIONS = 100;

  private static final int BOX_FIELDS = 5;
  private static final double PAD_GREY = 114;
  private static final String LETTERBOX = "letterbox";

  private final List<String> classNames;
  private final int inputSize;
  private final float confidence;
  private final NonMaxSuppression nms;

  public DetectionTranslator(List<String> classNames, int inputSize, float confidence, float iou) {
    this(classNames, inputSize, confidence, iou, DEFAULT_MAX_DETECTIONS);
  }

  public DetectionTranslator(List<String> classNames, int inputSize, float confidence, float iou, int maxDetections) {
    if (classNames.isEmpty()) {
      throw new IllegalArgumentException("a detector needs at least one class name");
    }
    if (inputSize <= 0 || maxDetections <= 0) {
      throw new IllegalArgumentException("input size and max detections must be positive, got " + inputSize
          + " and " + maxDetections);
    }
    if (!(confidence >= 0 && confidence <= 1) || !(iou > 0 && iou <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1] and IoU in (0, 1], got " + confidence
          + " and " + iou);
    }
    this.classNames = List.copyOf(classNames);
    this.inputSize = inputSize;
    this.confidence = confidence;
    this.nms = new NonMaxSuppression(iou, maxDetections);
  }

  @Override
  public NDList processInput(TranslatorContext ctx, Mat bgr) {
    if (bgr.channels() != 3 || bgr.depth() != opencv_core.CV_8U) {
      throw new IllegalArgumentException("expected an 8-bit BGR image, got " + bgr.channels()
          + " channels of depth " + bgr.depth());
    }
    Letterbox letterbox = Letterbox.fit(bgr.cols(), bgr.rows(), inputSize);
    ctx.setAttachment(LETTERBOX, letterbox);
    try (Mat resized = new Mat(); Mat padded = new Mat(); Mat rgb = new Mat();
        Scalar grey = new Scalar(PAD_GREY, PAD_GREY, PAD_GREY, 0);
        Size scaled = new Size(letterbox.scaledWidth(), letterbox.scaledHeight())) {
      Mat fitted = bgr;
      if (letterbox.scaledWidth() != bgr.cols() || letterbox.scaledHeight() != bgr.rows()) {
        resize(bgr, resized, scaled, 0, 0, INTER_LINEAR);
        fitted = resized;
      }
      copyMakeBorder(fitted, padded, letterbox.top(), letterbox.bottom(), letterbox.left(), letterbox.right(),
          BORDER_CONSTANT, grey);
      cvtColor(padded, rgb, COLOR_BGR2RGB);
      return new NDList(RgbTensor.of(ctx.getNDManager(), rgb));
    }
  }

  @Override
  public List<BoxDetection> processOutput(TranslatorContext ctx, NDList list) {
    // Tuple outputs (predictions, per-scale maps) arrive flattened; the predictions come first.
    NDArray predictions = list.get(0);
    Shape shape = predictions.getShape();
    if (shape.dimension() == 3 && shape.get(0) == 1) {
      predictions = predictions.squeeze(0);
    }
    int fields = BOX_FIELDS + classNames.size();
    long last = shape.dimension() == 0 ? -1 : shape.get(shape.dimension() - 1);
    if (predictions.getShape().dimension() != 2 || last != fields) {
      throw new IllegalStateException("the detector returned predictions of shape " + shape + " but the class file"
          + " lists " + classNames.size() + " classes; expected [N, " + fields + "] (x, y, w, h, objectness and one"
          + " probability per class), so a last dimension of " + fields + ", got " + last);
    }
    float[] rows = predictions.toType(DataType.FLOAT32, false).toFloatArray();
    List<BoxDetection> candidates = new ArrayList<>();
    for (int offset = 0; offset < rows.length; offset += fields) {
      float objectness = rows[offset + 4];
      if (objectness < confidence) {
        continue;
      }
      int best = 0;
      for (int c = 1; c < classNames.size(); c++) {
        if (rows[offset + BOX_FIELDS + c] > rows[offset + BOX_FIELDS + best]) {
          best = c;
        }
      }
      float score = objectness * rows[offset + BOX_FIELDS + best];
      if (score >= confidence) {
        float halfWidth = rows[offset + 2] / 2;
        float halfHeight = rows[offset + 3] / 2;
        candidates.add(new BoxDetection(rows[offset] - halfWidth, rows[offset + 1] - halfHeight,
            rows[offset] + halfWidth, rows[offset + 1] + halfHeight, score, best, classNames.get(best)));
      }
    }
    Letterbox letterbox = (Letterbox) ctx.getAttachment(LETTERBOX);
    return nms.apply(candidates).stream()
        .map(box -> new BoxDetection(letterbox.toFrameX(box.xmin()), letterbox.toFrameY(box.ymin()),
            letterbox.toFrameX(box.xmax()), letterbox.toFrameY(box.ymax()), box.confidence(), box.classIndex(),
            box.name()))
        .toList();
  }

  @Override
  public Batchifier getBatchifier() {
    return Batchifier.STACK;
  }
}
