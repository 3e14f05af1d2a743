package io.robovision.sink.overlay;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.robovision.schemas.Detection;
import java.util.List;
import java.util.Objects;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;

/** Draws a class-index mask (alpha blended), a legend of the classes present, and detection boxes onto a BGR frame. */
public final class OverlayRenderer implements AutoCloseable {
  private final ClassCensus census = new ClassCensus();
  private final MaskBlender blender;
  private final Legend legend;
  private final DetectionPainter detectionPainter = new DetectionPainter();
  private boolean closed;

  /**
   * @param classNames names of the mask's class indices; indices past the end are shown as "class N"
   * @param alpha      weight of the class colour over the video, in (0, 1]
   */
  public OverlayRenderer(List<String> classNames, double alpha) {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
    }
    VocPalette palette = new VocPalette();
    this.blender = new MaskBlender(palette, alpha);
    this.legend = new Legend(List.copyOf(classNames), palette);
  }

  /**
   * Renders the overlay into a new CV_8UC3 Mat of the frame's size, which the caller closes; the inputs are not
   * modified. Not thread-safe: the renderer reuses its working buffers between calls.
   *
   * @param bgrFrame   CV_8UC3 video frame
   * @param mask       CV_8UC1 class indices, same size as the frame; 0 is background and left untinted
   * @param detections boxes in frame pixels
   */
  public Mat render(Mat bgrFrame, Mat mask, List<Detection> detections) {
    if (closed) {
      throw new IllegalStateException("OverlayRenderer is closed");
    }
    requireInputs(bgrFrame, mask, detections);
    Mat out = bgrFrame.clone();
    // Frees the many small native objects (points, scalars, ROI headers) that drawing creates; out was allocated
    // before the scope opened, so it survives.
    try (PointerScope scope = new PointerScope()) {
      OverlayStyle style = OverlayStyle.forFrameHeight(out.rows());
      List<Integer> classes = census.presentClasses(mask);
      if (!classes.isEmpty()) {
        blender.blend(bgrFrame, mask, out);
      }
      detectionPainter.draw(out, detections, style);
      legend.draw(out, classes, style);
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
    return out;
  }

  private static void requireInputs(Mat bgrFrame, Mat mask, List<Detection> detections) {
    Objects.requireNonNull(bgrFrame, "bgrFrame");
    Objects.requireNonNull(mask, "mask");
    Objects.requireNonNull(detections, "detections");
    if (bgrFrame.empty() || bgrFrame.type() != CV_8UC3) {
      throw new IllegalArgumentException("frame must be a non-empty CV_8UC3 Mat, got type " + bgrFrame.type()
          + " size " + sizeOf(bgrFrame));
    }
    if (mask.type() != CV_8UC1) {
      throw new IllegalArgumentException("mask must be CV_8UC1, got type " + mask.type());
    }
    if (mask.cols() != bgrFrame.cols() || mask.rows() != bgrFrame.rows()) {
      throw new IllegalArgumentException(
          "mask size " + sizeOf(mask) + " does not match frame size " + sizeOf(bgrFrame));
    }
  }

  private static String sizeOf(Mat image) {
    return image.cols() + "x" + image.rows();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    census.close();
    blender.close();
  }
}
