package io.robovision.capture.encode;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_COMPRESSION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.robovision.schemas.Frame;
import io.robovision.schemas.ImageEncoding;
import io.robovision.schemas.Mask;
import io.robovision.schemas.MaskEncoding;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Scales a grabbed frame to the output size and encodes it as JPEG, with its label mask as PNG. */
public final class FrameEncoder {
  private final int width;
  private final int height;
  private final int jpegQuality;

  /** A width or height of 0 keeps the source's size. */
  public FrameEncoder(int width, int height, int jpegQuality) {
    if (jpegQuality < 1 || jpegQuality > 100) {
      throw new IllegalArgumentException("capture.jpeg.quality must be 1..100, got " + jpegQuality);
    }
    this.width = width;
    this.height = height;
    this.jpegQuality = jpegQuality;
  }

  public Frame encode(String cameraId, long sequence, long captureTimeMillis, Mat image, Mat groundTruth) {
    try (Mat scaled = scale(image, INTER_AREA)) {
      Frame.Builder frame = Frame.newBuilder()
          .setCameraId(cameraId)
          .setSequence(sequence)
          .setCaptureTime(Instant.ofEpochMilli(captureTimeMillis))
          .setWidth(scaled.cols())
          .setHeight(scaled.rows())
          .setEncoding(ImageEncoding.JPEG)
          .setImage(ByteBuffer.wrap(encode(".jpg", scaled, IMWRITE_JPEG_QUALITY, jpegQuality)));
      if (groundTruth != null) {
        try (Mat labels = scale(groundTruth, INTER_NEAREST)) {
          frame.setGroundTruth(Mask.newBuilder()
              .setWidth(labels.cols())
              .setHeight(labels.rows())
              .setEncoding(MaskEncoding.PNG)
              .setData(ByteBuffer.wrap(encode(".png", labels, IMWRITE_PNG_COMPRESSION, 1)))
              .build());
        }
      }
      return frame.build();
    }
  }

  private Mat scale(Mat source, int interpolation) {
    boolean keep = width <= 0 || height <= 0 || (source.cols() == width && source.rows() == height);
    if (keep) {
      return new Mat(source);
    }
    Mat target = new Mat();
    resize(source, target, new Size(width, height), 0, 0, interpolation);
    return target;
  }

  private static byte[] encode(String extension, Mat image, int parameter, int value) {
    try (BytePointer buffer = new BytePointer(); IntPointer params = new IntPointer(parameter, value)) {
      if (!imencode(extension, image, buffer, params)) {
        throw new IllegalStateException("OpenCV could not encode a " + image.cols() + "x" + image.rows()
            + " frame as " + extension);
      }
      byte[] bytes = new byte[(int) buffer.limit()];
      buffer.get(bytes);
      return bytes;
    }
  }
}
