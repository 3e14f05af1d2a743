package io.robovision.worker.inference;

import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Turns an 8-bit RGB Mat into the float CHW tensor in [0, 1] that torchvision and YOLOv5 models take. */
final class RgbTensor {
  private RgbTensor() {
  }

  /**
   * Reads the pixels straight from the Mat's native memory. Handing DJL a heap buffer instead makes it allocate a
   * direct buffer per frame that only the garbage collector frees, which is what grew the worker's resident memory.
   */
  static NDArray of(NDManager manager, Mat rgb) {
    if (!rgb.isContinuous() || rgb.channels() != 3) {
      throw new IllegalArgumentException("expected a continuous 3-channel image, got " + rgb.channels()
          + " channels" + (rgb.isContinuous() ? "" : ", not continuous"));
    }
    ByteBuffer pixels = rgb.data().capacity(rgb.total() * 3).asByteBuffer();
    // The view aliases the Mat, so it is closed here, before the caller frees the Mat; toTensor has copied it.
    try (NDArray view = manager.create(pixels, new Shape(rgb.rows(), rgb.cols(), 3), DataType.UINT8)) {
      return NDImageUtils.toTensor(view);
    }
  }
}
