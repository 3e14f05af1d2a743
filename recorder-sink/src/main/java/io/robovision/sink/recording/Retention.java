package io.robovision.sink.recording;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes closed segments closed longer ago than the maximum age, then the oldest ones while all
 * of them together are over the byte budget. Each camera's newest segment is always kept: it tells
 * a restarted sink where that camera's recording stopped.
 */
public final class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  private final Duration maxAge;
  private final long maxBytes;

  /** A zero age or zero bytes turns that limit off. */
  public Retention(Duration maxAge, long maxBytes) {
    this.maxAge = maxAge;
    this.maxBytes = maxBytes;
  }

  public boolean enabled() {
    return !maxAge.isZero() || maxBytes > 0;
  }

  /** Deletes what is over the limits among {@code closed} (oldest first) and returns the deleted files. */
  public List<Path> apply(List<SegmentFile> closed, Instant now) {
    if (!enabled()) {
      return List.of();
    }
    Set<Path> newest = newestPerCamera(closed);
    long total = closed.stream().mapToLong(SegmentFile::bytes).sum();
    List<Path> deleted = new ArrayList<>();
    for (SegmentFile segment : closed) {
      if (newest.contains(segment.file())) {
        continue;
      }
      boolean tooOld = !maxAge.isZero() && segment.closed().isBefore(now.minus(maxAge));
      boolean overBudget = maxBytes > 0 && total > maxBytes;
      if ((tooOld || overBudget) && delete(segment.file())) {
        deleted.add(segment.file());
        total -= segment.bytes();
      }
    }
    return deleted;
  }

  private static Set<Path> newestPerCamera(List<SegmentFile> closed) {
    Map<String, SegmentFile> newest = new HashMap<>();
    for (SegmentFile segment : closed) {
      newest.merge(segment.cameraDir(), segment,
          (a, b) -> SegmentFile.BY_START.compare(a, b) >= 0 ? a : b);
    }
    Set<Path> files = new HashSet<>();
    newest.values().forEach(segment -> files.add(segment.file()));
    return files;
  }

  /** Deletes the file, and its day folder once that is empty; a file that cannot be deleted is logged and kept. */
  private static boolean delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("cannot delete old segment '{}' (sink.retention.hours, sink.retention.bytes): {}", file, e.toString());
      return false;
    }
    try {
      Files.deleteIfExists(file.getParent());
    } catch (DirectoryNotEmptyException e) {
      // Other segments of that day remain.
    } catch (IOException e) {
      LOG.warn("cannot delete empty folder '{}': {}", file.getParent(), e.toString());
    }
    return true;
  }
}
