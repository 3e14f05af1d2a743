package io.robovision.worker.inference;

import static org.bytedeco.opencv.global.opencv_core.CMP_GT;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_core.split;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.function.IntFunction;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * The per-pixel class of {@code [C, H, W]} logits, planar or channels-last, as an 8-bit OpenCV mask. libtorch's
 * {@code argmax} over the class dimension of planar logits walks memory with a stride of H×W and took 7 to 12 ms a
 * frame at 320×240, about a third of the model's own time; OpenCV's vectorised compare and max over one class plane at
 * a time take under 1 ms.
 */
final class ClassArgmax {
  private ClassArgmax() {
  }

  /** Ties go to the lower class index, as with {@code torch.argmax}. The caller closes the returned Mat. */
  static Mat of(NDArray logits) {
    Shape shape = logits.getShape();
    int classes = (int) shape.get(0);
    int height = (int) shape.get(1);
    int width = (int) shape.get(2);
    if (classes > 256) {
      throw new IllegalArgumentException("a mask holds at most 256 classes, the logits have " + classes);
    }
    if (logits.getDevice().isGpu()) {
      return onDevice(logits);
    }
    // A conversion belongs to the logits' manager and goes with them; contiguous CPU floats are read in place.
    NDArray floats = logits.getDataType() == DataType.FLOAT32 ? logits : logits.toType(DataType.FLOAT32, false);
    if (interleaved(floats)) {
      // A channels-last model's logits: reading them as [C, H, W] would make DJL copy them into that order (about
      // 6 ms a frame at 320x240); as [H, W, C] they are read in place and OpenCV splits them into planes.
      try (BytePointer data = new BytePointer(floats.transpose(1, 2, 0).toByteBuffer(true));
          Mat pixels = new Mat(height, width, opencv_core.CV_32FC(classes), data);
          MatVector planes = new MatVector()) {
        split(pixels, planes);
        return argmax(classes, c -> new Mat(planes.get(c)));
      }
    }
    long planeBytes = (long) height * width * Float.BYTES;
    try (BytePointer data = new BytePointer(floats.toByteBuffer(true))) {
      return argmax(classes, c -> new Mat(height, width, opencv_core.CV_32FC1, data.getPointer(c * planeBytes)));
    }
  }

  /**
   * libtorch's argmax where the logits are, e.g. on a GPU: copying C float planes to the host for OpenCV costs more
   * than the argmax there, so only one byte a pixel crosses over.
   */
  static Mat onDevice(NDArray logits) {
    try (NDArray indices = logits.argMax(0); NDArray classes = indices.toType(DataType.UINT8, false)) {
      byte[] pixels = classes.toByteArray();
      Mat mask = new Mat((int) logits.getShape().get(1), (int) logits.getShape().get(2), opencv_core.CV_8UC1);
      mask.data().put(pixels);
      return mask;
    }
  }

  private static Mat argmax(int classes, IntFunction<Mat> plane) {
    try (Mat best = new Mat(); Mat greater = new Mat(); Mat first = plane.apply(0); Scalar zero = Scalar.all(0)) {
      first.copyTo(best);
      Mat indices = new Mat(first.rows(), first.cols(), opencv_core.CV_8UC1, zero);
      for (int c = 1; c < classes; c++) {
        try (Mat scores = plane.apply(c);
            Scalar value = Scalar.all(c);
            Mat index = new Mat(1, 1, opencv_core.CV_8UC1, value)) {
          compare(scores, best, greater, CMP_GT);
          indices.setTo(index, greater);
          max(best, scores, best);
        }
      }
      return indices;
    }
  }

  /**
   * Whether the classes of a pixel lie next to each other in memory (a channels-last layout). DJL does not expose
   * strides, but it hands out contiguous CPU tensors in place and copies the others, so a two-class sliver of one
   * pixel starts at the tensor's first element only when its class stride is 1. Any other layout, or a copy on the
   * way (e.g. from a GPU), reads as planar, which is always correct.
   */
  static boolean interleaved(NDArray logits) {
    if (logits.getShape().get(0) < 2) {
      return false;
    }
    try (NDArray corner = logits.get(new NDIndex(":1, :1, :1"));
        NDArray sliver = logits.get(new NDIndex(":2, :1, :1"));
        BytePointer first = new BytePointer(corner.toByteBuffer(true));
        BytePointer pair = new BytePointer(sliver.toByteBuffer(true))) {
      return first.address() == pair.address();
    }
  }
}
