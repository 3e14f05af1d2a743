package io.robovision.worker.inference;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Translator for torchvision-style segmentation models: BGR frame to RGB at the model's input
 * size, ImageNet normalisation; the logits ({@code {"out": logits}} or a plain tensor) to a
 * class-index mask scaled back to the frame's size with nearest neighbour.
 */
public final class SegmentationTranslator implements Translator<Mat, SegmentationMask> {
  private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] STD = {0.229f, 0.224f, 0.225f};
  private static final String FRAME_SIZE = "frameSize";

  private final int inputWidth;
  private final int inputHeight;
  private final int classCount;

  public SegmentationTranslator(int inputWidth, int inputHeight, int classCount) {
    this.inputWidth = inputWidth;
    this.inputHeight = inputHeight;
    this.classCount = classCount;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, Mat bgr) {
    if (bgr.channels() != 3 || bgr.depth() != opencv_core.CV_8U) {
      throw new IllegalArgumentException("expected an 8-bit BGR image, got " + bgr.channels()
          + " channels of depth " + bgr.depth());
    }
    ctx.setAttachment(FRAME_SIZE, new int[] {bgr.cols(), bgr.rows()});
    try (Mat resized = new Mat(); Mat rgb = new Mat(); Size size = new Size(inputWidth, inputHeight)) {
      resize(bgr, resized, size, 0, 0, INTER_LINEAR);
      cvtColor(resized, rgb, COLOR_BGR2RGB);
      return new NDList(NDImageUtils.normalize(RgbTensor.of(ctx.getNDManager(), rgb), MEAN, STD));
    }
  }

  @Override
  public SegmentationMask processOutput(TranslatorContext ctx, NDList list) {
    NDArray logits = list.get("out") != null ? list.get("out") : list.get(0);
    if (logits.getShape().dimension() != 3 || logits.getShape().get(0) != classCount) {
      throw new IllegalStateException("the model returned logits of shape " + logits.getShape()
          + " but the class file lists " + classCount + " classes; expected [" + classCount + ", H, W]");
    }
    int[] frameSize = (int[]) ctx.getAttachment(FRAME_SIZE);
    try (Mat classes = ClassArgmax.of(logits)) {
      if (classes.cols() == frameSize[0] && classes.rows() == frameSize[1]) {
        return new SegmentationMask(bytes(classes), frameSize[0], frameSize[1]);
      }
      try (Mat scaled = new Mat(); Size size = new Size(frameSize[0], frameSize[1])) {
        resize(classes, scaled, size, 0, 0, INTER_NEAREST);
        return new SegmentationMask(bytes(scaled), frameSize[0], frameSize[1]);
      }
    }
  }

  @Override
  public Batchifier getBatchifier() {
    return Batchifier.STACK;
  }

  private static byte[] bytes(Mat mask) {
    byte[] pixels = new byte[mask.rows() * mask.cols()];
    mask.data().get(pixels);
    return pixels;
  }
}
