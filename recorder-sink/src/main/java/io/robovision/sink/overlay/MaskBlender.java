package io.robovision.sink.overlay;

import static org.bytedeco.opencv.global.opencv_core.LUT;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.opencv.opencv_core.Mat;

/** Tints the non-background pixels of a frame with their class's palette colour. */
final class MaskBlender implements AutoCloseable {
  private final Mat lut;
  private final double alpha;
  // Reused across frames so that steady-state rendering allocates no image buffers.
  private final Mat mask3 = new Mat();
  private final Mat colours = new Mat();
  private final Mat blended = new Mat();

  MaskBlender(VocPalette palette, double alpha) {
    this.lut = palette.lut();
    this.alpha = alpha;
  }

  /** Writes {@code (1-alpha)*frame + alpha*colour} into {@code out} where {@code mask} is non-zero; keeps the rest. */
  void blend(Mat frame, Mat mask, Mat out) {
    // LUT maps each channel through the matching table channel, so the mask needs three channels.
    cvtColor(mask, mask3, COLOR_GRAY2BGR);
    LUT(mask3, lut, colours);
    addWeighted(frame, 1 - alpha, colours, alpha, 0, blended);
    blended.copyTo(out, mask);
  }

  @Override
  public void close() {
    lut.close();
    mask3.close();
    colours.close();
    blended.close();
  }
}
