package io.robovision.sink;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;

import io.robovision.schemas.Frame;
import io.robovision.schemas.SegmentResult;
import io.robovision.sink.recording.EncodedSize;
import io.robovision.sink.recording.Retention;
import io.robovision.sink.recording.Segment;
import io.robovision.sink.recording.SegmentFile;
import io.robovision.sink.recording.SegmentMetadata;
import io.robovision.sink.recording.VideoFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has each frame rendered with its result on the {@link RenderLanes} and appends the pictures, in order, to its
 * camera's current segment. A segment covers {@code sink.segment.seconds} of capture time from its first frame and
 * holds exactly one video frame per sequence number: a frame that cannot be shown repeats the previous picture.
 */
public final class FrameWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FrameWriter.class);

  private final RenderLanes lanes;
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
    private boolean scaledNoted;
  }

  public FrameWriter(RenderLanes lanes, VideoFiles files, Retention retention, double fps, int segmentSeconds,
      SinkStats stats) {
    this.lanes = lanes;
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

  /** Starts rendering the frame's picture on a render thread; hand it to {@link #write} in sequence order. */
  public Future<Mat> render(Frame frame, SegmentResult result) {
    return lanes.submit(frame, result);
  }

  /** How many pictures can be rendered at once, so callers know how far ahead to ask. */
  public int renderThreads() {
    return lanes.threads();
  }

  /**
   * Records {@code frame} with the picture {@link #render} made of it; returns false when its image could not be
   * decoded or drawn, which the renderer counted, and the previous picture is repeated instead.
   */
  public boolean write(Frame frame, Future<Mat> rendered) {
    Mat picture = picture(rendered);
    if (picture == null) {
      repeat(frame.getCameraId(), frame.getSequence());
      return false;
    }
    append(frame.getCameraId(), frame.getSequence(), frame.getCaptureTime(), picture);
    return true;
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
    lanes.close();
  }

  private void append(String camera, long sequence, Instant captureTime, Mat picture) {
    CameraVideo video = cameras.computeIfAbsent(camera, c -> new CameraVideo());
    Segment segment = video.segment;
    if (segment != null && (segment.nextSequence() != sequence || !covers(segment, captureTime))) {
      finish(camera, video);
    }
    if (video.segment == null) {
      EncodedSize size = EncodedSize.fit(picture.cols(), picture.rows());
      if ((size.width() != picture.cols() || size.height() != picture.rows()) && !video.scaledNoted) {
        video.scaledNoted = true;
        LOG.info("camera {}: {}x{} pictures are recorded at {}x{}, the nearest size the H.264 encoder takes", camera,
            picture.cols(), picture.rows(), size.width(), size.height());
      }
      video.segment = new Segment(files.free(camera, captureTime), camera, sequence, captureTime, size.width(),
          size.height(), fps);
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

  private void write(Segment segment, Mat picture) {
    long started = System.nanoTime();
    segment.write(picture, System.currentTimeMillis());
    stats.encoded(System.nanoTime() - started);
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

  /** A camera that changes resolution mid-segment keeps the segment's size; one the encoder can't take is scaled. */
  private static Mat fitted(Segment segment, Mat picture) {
    return Rescale.to(picture, segment.width(), segment.height(), INTER_AREA);
  }

  private static Mat picture(Future<Mat> rendered) {
    try {
      return rendered.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a rendered frame", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("rendering a frame failed: " + e.getCause(), e.getCause());
    }
  }
}
