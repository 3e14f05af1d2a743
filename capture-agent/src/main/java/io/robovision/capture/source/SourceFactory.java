package io.robovision.capture.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a source spec ({@code synthetic:[seed]}, a file, {@code /dev/videoN}, an index or a URL) into a source. */
public final class SourceFactory {
  private static final Pattern CAMERA_INDEX = Pattern.compile("\\d{1,2}");
  public static final String USAGE = "use synthetic:[SEED], a video file path, /dev/videoN or a camera index,"
      + " or an rtsp://, rtsps://, http:// or https:// URL";

  private final int width;
  private final int height;
  private final double fps;
  private final long defaultSeed;

  /** Width, height and fps apply to the synthetic scene; other sources keep their own. */
  public SourceFactory(int width, int height, double fps, long defaultSeed) {
    this.width = width;
    this.height = height;
    this.fps = fps;
    this.defaultSeed = defaultSeed;
  }

  /**
   * Opens the source; a camera or stream that is down comes back unopened, failing its first read with the reason, so
   * that the agent retries it with back-off as it does when a running camera dies. Anything else fails at once.
   */
  public FrameSource openOrDefer(String spec) throws SourceException {
    try {
      return open(spec);
    } catch (SourceException e) {
      if (isLive(spec == null ? "" : spec.trim())) {
        return new UnopenedSource(spec.trim(), e);
      }
      throw e;
    }
  }

  public FrameSource open(String spec) throws SourceException {
    String trimmed = spec == null ? "" : spec.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith("synthetic:") || lower.equals("synthetic")) {
      return new SyntheticSource(seed(trimmed), width, height, fps);
    }
    if (CAMERA_INDEX.matcher(trimmed).matches()) {
      return camera("/dev/video" + trimmed);
    }
    if (trimmed.startsWith("/dev/video")) {
      return camera(trimmed);
    }
    if (isStream(lower)) {
      return GrabberSource.open(trimmed, null, true, "stream " + trimmed);
    }
    if (trimmed.isEmpty() || trimmed.contains("://")) {
      throw new SourceException("unknown source '" + trimmed + "': " + USAGE);
    }
    Path file = Path.of(trimmed);
    if (!Files.isRegularFile(file)) {
      throw new SourceException("unknown source '" + trimmed + "': no such video file; " + USAGE);
    }
    return GrabberSource.open(file.toString(), null, false, "video file " + file);
  }

  private static boolean isLive(String trimmed) {
    return CAMERA_INDEX.matcher(trimmed).matches() || trimmed.startsWith("/dev/video")
        || isStream(trimmed.toLowerCase(Locale.ROOT));
  }

  private static boolean isStream(String lower) {
    return lower.startsWith("rtsp://") || lower.startsWith("rtsps://") || lower.startsWith("http://")
        || lower.startsWith("https://");
  }

  private long seed(String spec) throws SourceException {
    int colon = spec.indexOf(':');
    String value = colon < 0 ? "" : spec.substring(colon + 1).trim();
    if (value.isEmpty()) {
      return defaultSeed;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new SourceException("unknown source '" + spec + "': the synthetic seed must be an integer, e.g. synthetic:42");
    }
  }

  private FrameSource camera(String device) throws SourceException {
    if (!Files.exists(Path.of(device))) {
      throw new SourceException("camera " + device + " does not exist; list cameras with 'ls /dev/video*'");
    }
    return GrabberSource.open(device, "video4linux2", true, "camera " + device);
  }
}
