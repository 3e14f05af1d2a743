package io.robovision.sink;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;

import io.robovision.schemas.Frame;
import io.robovision.schemas.Mask;
import io.robovision.schemas.SegmentResult;
import io.robovision.sink.overlay.FrameComposer;
import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Decodes a frame and its mask, scores the mask against the frame's ground truth, if it carries one, and composes the
 * picture to record. Not thread-safe: the composer keeps scratch buffers, so each render thread has its own.
 */
public final class FrameRenderer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FrameRenderer.class);

  private final FrameComposer composer;
  private final SinkStats stats;
  private boolean warnedMask;

  public FrameRenderer(FrameComposer composer, SinkStats stats) {
    this.composer = composer;
    this.stats = stats;
  }

  /**
   * The picture, which the caller closes, or null, counted as undecodable, when the frame's image cannot be read or
   * drawn: one bad record must not stop the sink, which would read it again after a restart.
   */
  public Mat render(Frame frame, SegmentResult result) {
    long started = System.nanoTime();
    try {
      return draw(frame, result);
    } finally {
      stats.rendered(System.nanoTime() - started);
    }
  }

  private Mat draw(Frame frame, SegmentResult result) {
    try (Mat image = decode(frame.getImage(), IMREAD_COLOR)) {
      if (image == null) {
        stats.undecodable();
        return null;
      }
      try (Mat mask = mask(result, image)) {
        score(frame, mask);
        return composer.compose(image, mask, result.getDetections(), frame.getCaptureTime());
      }
    } catch (RuntimeException e) {
      LOG.warn("camera {}: frame {} cannot be drawn: {}", frame.getCameraId(), frame.getSequence(), e.toString());
      stats.undecodable();
      return null;
    }
  }

  @Override
  public void close() {
    composer.close();
  }

  private Mat mask(SegmentResult result, Mat image) {
    Mask mask = result.getMask();
    Mat decoded = classIndices(mask == null ? null : decode(mask.getData(), IMREAD_UNCHANGED));
    if (decoded == null) {
      if (mask != null) {
        // Counted as without mask each time; a producer that sends such masks at all sends them with every frame.
        LOG.atLevel(warnedMask ? Level.DEBUG : Level.WARN).log("camera {}: the mask of frame {} is not a readable"
            + " 8-bit, single-channel PNG; the frame is drawn without it", result.getCameraId(), result.getSequence());
        warnedMask = true;
      }
      stats.withoutMask();
      return new Mat(image.rows(), image.cols(), opencv_core.CV_8UC1, Scalar.all(0));
    }
    return Rescale.to(decoded, image.cols(), image.rows(), INTER_NEAREST);
  }

  private void score(Frame frame, Mat predicted) {
    if (frame.getGroundTruth() == null) {
      return;
    }
    try (Mat truth = classIndices(decode(frame.getGroundTruth().getData(), IMREAD_UNCHANGED))) {
      if (truth == null || truth.cols() != predicted.cols() || truth.rows() != predicted.rows()) {
        return;
      }
      stats.accuracy().add(bytes(truth), bytes(predicted));
    }
  }

  /** {@code mask} when it holds one 8-bit class index a pixel; otherwise null, and the Mat is freed. */
  private static Mat classIndices(Mat mask) {
    if (mask == null || mask.type() == opencv_core.CV_8UC1) {
      return mask;
    }
    mask.close();
    return null;
  }

  private static byte[] bytes(Mat mat) {
    if (!mat.isContinuous()) {
      try (Mat contiguous = mat.clone()) {
        return bytes(contiguous);
      }
    }
    byte[] bytes = new byte[(int) (mat.total() * mat.channels())];
    mat.data().get(bytes);
    return bytes;
  }

  private static Mat decode(ByteBuffer data, int flags) {
    if (data == null || data.remaining() == 0) {
      return null;
    }
    byte[] bytes = new byte[data.remaining()];
    data.duplicate().get(bytes);
    try (BytePointer pointer = new BytePointer(bytes);
        Mat buffer = new Mat(1, bytes.length, opencv_core.CV_8UC1, pointer)) {
      Mat image = imdecode(buffer, flags);
      if (image == null || image.empty()) {
        return null;
      }
      return image;
    }
  }
}
