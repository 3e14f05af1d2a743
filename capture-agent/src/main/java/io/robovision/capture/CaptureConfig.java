package io.robovision.capture;

import io.robovision.config.ConfigException;
import io.robovision.config.KafkaSettings;
import io.robovision.config.Settings;
import io.robovision.config.Topics;

/** Settings of one capture agent. */
public record CaptureConfig(
    KafkaSettings kafka,
    Topics topics,
    String cameraId,
    String source,
    double fps,
    int width,
    int height,
    int jpegQuality,
    long maxFrames,
    int queueCapacity) {

  public static final String CAMERA_ID = "camera.id";
  public static final String SOURCE = "capture.source";
  public static final String FPS = "capture.fps";
  public static final String WIDTH = "capture.width";
  public static final String HEIGHT = "capture.height";
  public static final String JPEG_QUALITY = "capture.jpeg.quality";
  public static final String MAX_FRAMES = "capture.max.frames";
  public static final String QUEUE_CAPACITY = "capture.queue.capacity";

  public CaptureConfig {
    if (cameraId.isBlank() || cameraId.length() > 128) {
      throw new ConfigException(CAMERA_ID, "must be 1 to 128 characters, got '" + cameraId + "'");
    }
    if (fps < 0) {
      throw new ConfigException(FPS, "must be 0 (no cap) or positive, got " + fps);
    }
    if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
      throw new ConfigException(WIDTH, "and " + HEIGHT + " must both be positive, or both 0 to keep the source size");
    }
    if (jpegQuality < 1 || jpegQuality > 100) {
      throw new ConfigException(JPEG_QUALITY, "must be 1..100, got " + jpegQuality);
    }
    if (queueCapacity < 1) {
      throw new ConfigException(QUEUE_CAPACITY, "must be at least 1, got " + queueCapacity);
    }
  }

  public static CaptureConfig from(Settings settings) {
    return new CaptureConfig(
        KafkaSettings.from(settings),
        Topics.from(settings),
        settings.string(CAMERA_ID, "camera-0"),
        settings.string(SOURCE, "synthetic:"),
        settings.decimal(FPS, 10),
        settings.integer(WIDTH, 320),
        settings.integer(HEIGHT, 240),
        settings.integer(JPEG_QUALITY, 90),
        settings.longValue(MAX_FRAMES, 0),
        settings.integer(QUEUE_CAPACITY, 32));
  }
}
