package io.robovision.sink.recording;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Names recordings {@code OUT/<camera>/<YYYY-MM-DD>/<HH-MM-SS>.mp4} by the UTC capture time of their first frame. */
public final class VideoFiles {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH-mm-ss").withZone(ZoneOffset.UTC);

  private final Path root;

  public VideoFiles(Path root) {
    this.root = root;
  }

  public Path file(String cameraId, Instant firstFrame) {
    return root.resolve(safe(cameraId)).resolve(DAY.format(firstFrame)).resolve(TIME.format(firstFrame) + ".mp4");
  }

  /** Camera ids come from the network, so keep only characters that are safe in one path element. */
  public String safe(String cameraId) {
    String cleaned = cameraId.replaceAll("[^A-Za-z0-9._-]", "_");
    return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
  }
}
