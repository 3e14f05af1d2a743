package io.robovision.worker.inference;

import static org.bytedeco.opencv.global.opencv_dnn.DNN_LAYOUT_NCHW;
import static org.bytedeco.opencv.global.opencv_dnn.DNN_PMODE_NULL;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImageWithParams;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.nio.ByteBuffer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Image2BlobParams;

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
  // One OpenCV pass does the bilinear resize, BGR to RGB, (x / 255 - mean) / std and HWC to CHW, where DJL's toTensor
  // and normalize take five libtorch passes, on the predictor's thread. OpenCV only reads it, so predictors share it.
  private final Image2BlobParams blobParams;

  public SegmentationTranslator(int inputWidth, int inputHeight, int classCount) {
    this.inputWidth = inputWidth;
    this.inputHeight = inputHeight;
    this.classCount = classCount;
    // The parameters hold their own copies of these.
    try (Size size = new Size(inputWidth, inputHeight);
        Scalar scale = new Scalar(1 / (255.0 * STD[0]), 1 / (255.0 * STD[1]), 1 / (255.0 * STD[2]), 0);
        Scalar mean = new Scalar(255.0 * MEAN[0], 255.0 * MEAN[1], 255.0 * MEAN[2], 0);
        Scalar border = Scalar.all(0)) {
      this.blobParams = new Image2BlobParams(scale, size, mean, true, opencv_core.CV_32F, DNN_LAYOUT_NCHW,
          DNN_PMODE_NULL, border);
    }
  }

  @Override
  public NDList processInput(TranslatorContext ctx, Mat bgr) {
    if (bgr.channels() != 3 || bgr.depth() != opencv_core.CV_8U) {
      throw new IllegalArgumentException("expected an 8-bit BGR image, got " + bgr.channels()
          + " channels of depth " + bgr.depth());
    }
    ctx.setAttachment(FRAME_SIZE, new int[] {bgr.cols(), bgr.rows()});
    try (Mat blob = new Mat()) {
      blobFromImageWithParams(bgr, blob, blobParams);
      ByteBuffer floats = blob.data().capacity(blob.total() * Float.BYTES).asByteBuffer();
      // The view aliases the blob, which is freed on return, so the model gets a copy of its own.
      try (NDArray view = ctx.getNDManager().create(floats, new Shape(3, inputHeight, inputWidth), DataType.FLOAT32)) {
        return new NDList(view.duplicate());
      }
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
