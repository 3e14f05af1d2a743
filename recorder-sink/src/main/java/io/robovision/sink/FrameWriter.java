package io.robovision.sink;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.robovision.schemas.Frame;
import io.robovision.schemas.Mask;
import io.robovision.schemas.SegmentResult;
import io.robovision.sink.overlay.OverlayRenderer;
import io.robovision.sink.recording.Mp4Recorder;
import io.robovision.sink.recording.VideoFiles;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Draws each result onto its frame and appends it to the camera's MP4, scoring the mask against any ground truth. */
public final class FrameWriter implements AutoCloseable {
  private final OverlayRenderer renderer;
  private final VideoFiles files;
  private final double fps;
  private final SinkStats stats;
  private final Map<String, Video> videos = new HashMap<>();
  private final Map<String, Path> written = new java.util.TreeMap<>();

  /** An open recording and the frame size it was opened with. */
  private record Video(Mp4Recorder recorder, int width, int height) {
  }

  public FrameWriter(OverlayRenderer renderer, VideoFiles files, double fps, SinkStats stats) {
    this.renderer = renderer;
    this.files = files;
    this.fps = fps;
    this.stats = stats;
  }

  /** Returns false, having counted why, when the frame's image cannot be decoded. */
  public boolean write(Frame frame, SegmentResult result) {
    try (Mat image = decode(frame.getImage(), IMREAD_COLOR)) {
      if (image == null) {
        stats.undecodable();
        return false;
      }
      try (Mat mask = mask(result, image);
          Mat overlay = renderer.render(image, mask, result.getDetections())) {
        score(frame, mask);
        append(video(frame, image), overlay);
      }
      return true;
    }
  }

  /** Camera id to the MP4 file written for it, including files already closed. */
  public Map<String, Path> files() {
    return Map.copyOf(written);
  }

  @Override
  public void close() {
    videos.values().forEach(video -> video.recorder().close());
    videos.clear();
  }

  private Mat mask(SegmentResult result, Mat image) {
    Mask mask = result.getMask();
    Mat decoded = mask == null ? null : decode(mask.getData(), IMREAD_UNCHANGED);
    if (decoded == null) {
      stats.withoutMask();
      return new Mat(image.rows(), image.cols(), opencv_core.CV_8UC1, org.bytedeco.opencv.opencv_core.Scalar.all(0));
    }
    if (decoded.cols() == image.cols() && decoded.rows() == image.rows()) {
      return decoded;
    }
    Mat scaled = new Mat();
    resize(decoded, scaled, new Size(image.cols(), image.rows()), 0, 0, INTER_NEAREST);
    decoded.close();
    return scaled;
  }

  private void score(Frame frame, Mat predicted) {
    if (frame.getGroundTruth() == null) {
      return;
    }
    try (Mat truth = decode(frame.getGroundTruth().getData(), IMREAD_UNCHANGED)) {
      if (truth == null || truth.cols() != predicted.cols() || truth.rows() != predicted.rows()) {
        return;
      }
      stats.accuracy().add(bytes(truth), bytes(predicted));
    }
  }

  private Video video(Frame frame, Mat image) {
    return videos.computeIfAbsent(frame.getCameraId(), camera -> {
      Path first = files.file(camera, frame.getCaptureTime());
      Path file = first;
      String stem = first.getFileName().toString().replace(".mp4", "");
      for (int n = 1; Files.exists(file); n++) {
        file = first.resolveSibling(stem + "-" + n + ".mp4");
      }
      written.put(camera, file);
      return new Video(new Mp4Recorder(file, image.cols(), image.rows(), fps), image.cols(), image.rows());
    });
  }

  /** A camera that changes resolution mid-stream keeps its file's size. */
  private static void append(Video video, Mat overlay) {
    if (overlay.cols() == video.width() && overlay.rows() == video.height()) {
      video.recorder().write(overlay);
      return;
    }
    try (Mat scaled = new Mat()) {
      resize(overlay, scaled, new Size(video.width(), video.height()), 0, 0, INTER_AREA);
      video.recorder().write(scaled);
    }
  }

  private static byte[] bytes(Mat mat) {
    Mat contiguous = mat.isContinuous() ? mat : mat.clone();
    byte[] bytes = new byte[(int) (contiguous.total() * contiguous.channels())];
    contiguous.data().get(bytes);
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
