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
import io.robovision.sink.overlay.FrameComposer;
import io.robovision.sink.recording.Retention;
import io.robovision.sink.recording.Segment;
import io.robovision.sink.recording.SegmentFile;
import io.robovision.sink.recording.SegmentMetadata;
import io.robovision.sink.recording.VideoFiles;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composes each frame with its result and appends it to its camera's current segment. A segment
 * covers {@code sink.segment.seconds} of capture time from its first frame and holds exactly one
 * video frame per sequence number: a frame that cannot be shown repeats the previous picture.
 */
public final class FrameWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FrameWriter.class);

  private final FrameComposer composer;
  private final VideoFiles files;
  private final Retention retention;
  private final double fps;
  private final long segmentMillis;
  private final SinkStats stats;
  private final Map<String, CameraVideo> cameras = new HashMap<>();
  private final Map<String, List<Path>> closed = new TreeMap<>();
  private Consumer<String> segmentClosed = segment -> { };

  /** A camera's open segment (null between segments) and the last picture written, which a gap repeats. */
  private static final class CameraVideo {
    private Segment segment;
    private Mat last;
    private Instant lastCaptureTime;
  }

  public FrameWriter(FrameComposer composer, VideoFiles files, Retention retention, double fps, int segmentSeconds,
      SinkStats stats) {
    this.composer = composer;
    this.files = files;
    this.retention = retention;
    this.fps = fps;
    this.segmentMillis = segmentSeconds * 1_000L;
    this.stats = stats;
  }

  /** Called with a segment's id (see {@link #openSegment}) once its file is closed. */
  public void onSegmentClosed(Consumer<String> listener) {
    this.segmentClosed = listener;
  }

  /**
   * Deletes the camera's unfinished segments of an earlier run (their frames are read again) and
   * returns the last sequence number its closed segments hold, if any.
   */
  public OptionalLong recover(String cameraId) {
    List<Path> parts = files.deleteParts(cameraId);
    if (!parts.isEmpty()) {
      stats.partsDeleted(parts.size());
      LOG.info("camera {}: deleted {} unfinished segment(s) of an earlier run, to be recorded again: {}", cameraId,
          parts.size(), parts);
    }
    List<SegmentFile> segments = files.closed(cameraId);
    if (segments.isEmpty()) {
      return OptionalLong.empty();
    }
    Path newest = segments.get(segments.size() - 1).file();
    return SegmentMetadata.read(newest)
        .filter(metadata -> metadata.cameraId().equals(cameraId))
        .map(metadata -> OptionalLong.of(metadata.lastSequence()))
        .orElseGet(() -> {
          LOG.warn("camera {}: {} does not say which frames it holds; frames already in it may be recorded again",
              cameraId, newest);
          return OptionalLong.empty();
        });
  }

  /** Records {@code frame}; returns false, having counted why, when its image cannot be decoded. */
  public boolean write(Frame frame, SegmentResult result) {
    String camera = frame.getCameraId();
    try (Mat image = decode(frame.getImage(), IMREAD_COLOR)) {
      if (image == null) {
        stats.undecodable();
        repeat(camera, frame.getSequence());
        return false;
      }
      try (Mat mask = mask(result, image)) {
        score(frame, mask);
        Mat picture = composer.compose(image, mask, result.getDetections(), frame.getCaptureTime());
        append(camera, frame.getSequence(), frame.getCaptureTime(), picture);
      }
      return true;
    }
  }

  /** Writes the camera's previous picture again for {@code sequence}; false when no segment is open to continue. */
  public boolean repeat(String cameraId, long sequence) {
    CameraVideo video = cameras.get(cameraId);
    if (video == null || video.segment == null || video.segment.nextSequence() != sequence) {
      return false;
    }
    write(video.segment, video.last);
    return true;
  }

  /** Id of the camera's open segment, or null when none is open. */
  public String openSegment(String cameraId) {
    CameraVideo video = cameras.get(cameraId);
    return video == null || video.segment == null ? null : video.segment.file().toString();
  }

  /** Capture time of the last picture written for the camera, or null. */
  public Instant lastCaptureTime(String cameraId) {
    CameraVideo video = cameras.get(cameraId);
    return video == null ? null : video.lastCaptureTime;
  }

  /** Closes the camera's open segment, if any. */
  public void closeSegment(String cameraId) {
    CameraVideo video = cameras.get(cameraId);
    if (video != null && video.segment != null) {
      finish(cameraId, video);
    }
  }

  /** Closes the segments that nothing was written to since {@code idleSinceMillis}, unless {@code waiting} says the camera has frames pending. */
  public void closeIdle(long idleSinceMillis, Predicate<String> waiting) {
    for (String camera : new ArrayList<>(cameras.keySet())) {
      Segment segment = cameras.get(camera).segment;
      if (segment != null && segment.lastWriteMillis() < idleSinceMillis && !waiting.test(camera)) {
        closeSegment(camera);
      }
    }
  }

  public void closeAllSegments() {
    new ArrayList<>(cameras.keySet()).forEach(this::closeSegment);
  }

  /** Camera id to the segments closed by this writer, oldest first. */
  public Map<String, List<Path>> files() {
    Map<String, List<Path>> copy = new TreeMap<>();
    closed.forEach((camera, list) -> copy.put(camera, List.copyOf(list)));
    return copy;
  }

  @Override
  public void close() {
    closeAllSegments();
    cameras.values().forEach(video -> {
      if (video.last != null) {
        video.last.close();
      }
    });
    cameras.clear();
    composer.close();
  }

  private void append(String camera, long sequence, Instant captureTime, Mat picture) {
    CameraVideo video = cameras.computeIfAbsent(camera, c -> new CameraVideo());
    Segment segment = video.segment;
    if (segment != null && (segment.nextSequence() != sequence || !covers(segment, captureTime))) {
      finish(camera, video);
    }
    if (video.segment == null) {
      video.segment = new Segment(files.free(camera, captureTime), camera, sequence, captureTime, picture.cols(),
          picture.rows(), fps);
    }
    if (video.last != null) {
      video.last.close();
    }
    video.last = fitted(video.segment, picture);
    video.lastCaptureTime = captureTime;
    write(video.segment, video.last);
  }

  private boolean covers(Segment segment, Instant captureTime) {
    long offset = captureTime.toEpochMilli() - segment.start().toEpochMilli();
    return offset >= 0 && offset < segmentMillis;
  }

  private static void write(Segment segment, Mat picture) {
    segment.write(picture, System.currentTimeMillis());
  }

  private void finish(String camera, CameraVideo video) {
    Segment segment = video.segment;
    video.segment = null;
    Path file = segment.close();
    closed.computeIfAbsent(camera, c -> new ArrayList<>()).add(file);
    stats.segmentClosed();
    LOG.debug("camera {}: closed {} ({} frames)", camera, file, segment.framesWritten());
    segmentClosed.accept(file.toString());
    applyRetention();
  }

  private void applyRetention() {
    if (!retention.enabled()) {
      return;
    }
    List<Path> deleted = retention.apply(files.closed(), Instant.now());
    if (!deleted.isEmpty()) {
      stats.segmentsDeleted(deleted.size());
      LOG.info("retention deleted {} segment(s): {}", deleted.size(), deleted);
    }
  }

  /** A camera that changes resolution mid-segment keeps the segment's size. */
  private static Mat fitted(Segment segment, Mat picture) {
    if (picture.cols() == segment.width() && picture.rows() == segment.height()) {
      return picture;
    }
    Mat scaled = new Mat();
    resize(picture, scaled, new Size(segment.width(), segment.height()), 0, 0, INTER_AREA);
    picture.close();
    return scaled;
  }

  private Mat mask(SegmentResult result, Mat image) {
    Mask mask = result.getMask();
    Mat decoded = mask == null ? null : decode(mask.getData(), IMREAD_UNCHANGED);
    if (decoded == null) {
      stats.withoutMask();
      return new Mat(image.rows(), image.cols(), opencv_core.CV_8UC1, Scalar.all(0));
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
