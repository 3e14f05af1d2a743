package io.robovision.worker.decode;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import io.robovision.schemas.Frame;
import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Decodes a frame's image bytes into a BGR Mat, refusing empty or undecodable images. */
public final class FrameDecoder {
  public Mat decode(Frame frame) throws CorruptFrameException {
    ByteBuffer image = frame.getImage();
    if (image == null || image.remaining() == 0) {
      throw new CorruptFrameException("frame " + frame.getSequence() + " of camera " + frame.getCameraId()
          + " has no image bytes");
    }
    byte[] bytes = new byte[image.remaining()];
    image.duplicate().get(bytes);
    Mat decoded;
    try (BytePointer data = new BytePointer(bytes); Mat buffer = new Mat(1, bytes.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1, data)) {
      decoded = imdecode(buffer, IMREAD_COLOR);
    }
    if (decoded == null || decoded.empty()) {
      throw new CorruptFrameException("frame " + frame.getSequence() + " of camera " + frame.getCameraId()
          + " is not a decodable " + frame.getEncoding() + " image (" + bytes.length + " bytes)");
    }
    return decoded;
  }
}
