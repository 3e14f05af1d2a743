package io.robovision.sink.recording;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;

/**
 * A closed segment on disk: its camera folder, file, start (from its name, to the second), the
 * {@code -n} suffix that orders segments starting in the same second, size and close time.
 */
public record SegmentFile(String cameraDir, Path file, Instant start, int suffix, long bytes, Instant closed) {
  /** Oldest first. */
  public static final Comparator<SegmentFile> BY_START =
      Comparator.comparing(SegmentFile::start).thenComparingInt(SegmentFile::suffix);
}
