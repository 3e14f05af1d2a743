package io.robovision.sink.recording;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One camera's open segment: an MP4 of consecutive sequence numbers, one frame each, written to
 * {@code <file>.part} and only renamed to {@code <file>} once it is complete and on disk, so a
 * crash never leaves a truncated file under a final name.
 */
public final class Segment {
  private final Path file;
  private final Path part;
  private final Instant start;
  private final long firstSequence;
  private final int width;
  private final int height;
  private final Mp4Recorder recorder;
  private long lastWriteMillis;

  /** Opens {@code <file>.part} for frames of {@code width}x{@code height}, the first being {@code firstSequence}. */
  public Segment(Path file, String cameraId, long firstSequence, Instant start, int width, int height, double fps) {
    this.file = file;
    this.part = VideoFiles.part(file);
    this.start = start;
    this.firstSequence = firstSequence;
    this.width = width;
    this.height = height;
    this.recorder = new Mp4Recorder(part, width, height, fps, SegmentMetadata.tags(cameraId, firstSequence));
  }

  /** Appends the frame of sequence number {@link #nextSequence()}. */
  public void write(Mat bgr, long nowMillis) {
    recorder.write(bgr);
    lastWriteMillis = nowMillis;
  }

  public long nextSequence() {
    return firstSequence + recorder.framesWritten();
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Capture time of the first frame. */
  public Instant start() {
    return start;
  }

  public long framesWritten() {
    return recorder.framesWritten();
  }

  /** Wall-clock time of the last write. */
  public long lastWriteMillis() {
    return lastWriteMillis;
  }

  /** The final name; the file is only there once {@link #close()} returned. */
  public Path file() {
    return file;
  }

  /** Finishes the MP4, forces it to disk and renames it to its final name, which is forced to disk too. */
  public Path close() {
    recorder.close();
    try {
      try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(file.getParent());
    } catch (IOException e) {
      throw new RecordingException("Cannot move finished segment " + part + " to " + file, e);
    }
    return file;
  }

  /** Makes the rename durable across a power cut. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; there the rename is left to the file system's journal.
    }
  }
}
