package io.robovision.sink.recording;

import io.robovision.files.FileErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names recordings {@code OUT/<camera>/<YYYY-MM-DD>/<HH-MM-SS>.mp4} by the UTC capture time of
 * their first frame ({@code <HH-MM-SS>-<n>.mp4} when that second is taken), and finds them again.
 * A segment being written is {@code <name>.mp4.part}.
 */
public final class VideoFiles {
  public static final String PART = ".part";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH-mm-ss").withZone(ZoneOffset.UTC);
  private static final Pattern NAME = Pattern.compile("(\\d{2}-\\d{2}-\\d{2})(?:-(\\d+))?\\.mp4");

  private final Path root;

  public VideoFiles(Path root) {
    this.root = root;
  }

  public Path file(String cameraId, Instant firstFrame) {
    return cameraDir(cameraId).resolve(DAY.format(firstFrame)).resolve(TIME.format(firstFrame) + ".mp4");
  }

  /**
   * The name for a segment starting at {@code firstFrame} that no closed segment has taken. Open
   * {@code .part} files do not count, so a segment rewritten after a crash gets its old name back.
   */
  public Path free(String cameraId, Instant firstFrame) {
    Path first = file(cameraId, firstFrame);
    String stem = first.getFileName().toString().replace(".mp4", "");
    Path file = first;
    for (int n = 1; Files.exists(file); n++) {
      file = first.resolveSibling(stem + "-" + n + ".mp4");
    }
    return file;
  }

  /** Where {@code file} is written until it is complete. */
  public static Path part(Path file) {
    return file.resolveSibling(file.getFileName() + PART);
  }

  public Path cameraDir(String cameraId) {
    return root.resolve(safe(cameraId));
  }

  /** Camera ids come from the network, so keep only characters that are safe in one path element. */
  public String safe(String cameraId) {
    String cleaned = cameraId.replaceAll("[^A-Za-z0-9._-]", "_");
    return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
  }

  /** Every closed segment of every camera, oldest first. */
  public List<SegmentFile> closed() {
    List<SegmentFile> segments = new ArrayList<>();
    for (Path camera : list(root)) {
      if (Files.isDirectory(camera)) {
        segments.addAll(closedIn(camera));
      }
    }
    segments.sort(SegmentFile.BY_START);
    return segments;
  }

  /** The camera's closed segments, oldest first. */
  public List<SegmentFile> closed(String cameraId) {
    List<SegmentFile> segments = closedIn(cameraDir(cameraId));
    segments.sort(SegmentFile.BY_START);
    return segments;
  }

  /** Deletes the camera's unfinished segments, left by a sink that stopped without closing them; returns them. */
  public List<Path> deleteParts(String cameraId) {
    List<Path> deleted = new ArrayList<>();
    for (Path day : list(cameraDir(cameraId))) {
      for (Path file : list(day)) {
        if (file.getFileName().toString().endsWith(".mp4" + PART)) {
          delete(file);
          deleted.add(file);
        }
      }
    }
    return deleted;
  }

  /**
   * Deletes every segment this sink wrote under the root, closed (its metadata says so) or unfinished, and the
   * camera and day folders that leaves empty; other files stay. Returns how many segments went.
   */
  public int deleteRecordings() {
    int deleted = 0;
    for (SegmentFile segment : closed()) {
      if (SegmentMetadata.read(segment.file()).isPresent()) {
        delete(segment.file());
        deleted++;
      }
    }
    for (Path camera : list(root)) {
      if (Files.isDirectory(camera)) {
        deleted += deleteParts(camera.getFileName().toString()).size();
        list(camera).forEach(VideoFiles::deleteIfEmpty);
        deleteIfEmpty(camera);
      }
    }
    return deleted;
  }

  private List<SegmentFile> closedIn(Path camera) {
    List<SegmentFile> segments = new ArrayList<>();
    for (Path day : list(camera)) {
      for (Path file : list(day)) {
        parse(camera.getFileName().toString(), file).ifPresent(segments::add);
      }
    }
    return segments;
  }

  private static Optional<SegmentFile> parse(String camera, Path file) {
    Matcher name = NAME.matcher(file.getFileName().toString());
    if (!name.matches() || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      LocalDate day = LocalDate.parse(file.getParent().getFileName().toString());
      LocalTime time = LocalTime.parse(name.group(1).replace('-', ':'));
      int suffix = name.group(2) == null ? 0 : Integer.parseInt(name.group(2));
      return Optional.of(new SegmentFile(camera, file, day.atTime(time).toInstant(ZoneOffset.UTC), suffix,
          Files.size(file), Files.getLastModifiedTime(file).toInstant()));
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    } catch (IOException e) {
      // Deleted between listing and reading (retention of another sink on a shared folder).
      return Optional.empty();
    }
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list recordings in '" + dir + "': " + FileErrors.reason(e), e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete segment '" + file + "': " + FileErrors.reason(e), e);
    }
  }

  private static void deleteIfEmpty(Path dir) {
    if (Files.isDirectory(dir) && list(dir).isEmpty()) {
      try {
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete empty recordings folder '" + dir + "': "
            + FileErrors.reason(e), e);
      }
    }
  }
}
