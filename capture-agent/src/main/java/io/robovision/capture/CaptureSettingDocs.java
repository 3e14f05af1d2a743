package io.robovision.capture;

import io.robovision.config.SettingDoc;
import io.robovision.config.SharedSettings;
import java.util.List;
import java.util.stream.Stream;

/** Every setting a capture agent reads, with its default, for --help and the README. */
public final class CaptureSettingDocs {
  public static final List<SettingDoc> OWN = List.of(
      new SettingDoc(CaptureConfig.CAMERA_ID, "camera-0", "camera id, the record key of its frames"),
      new SettingDoc(CaptureConfig.SOURCE, "synthetic:",
          "synthetic:[SEED], a video file, /dev/videoN, a camera index, or an rtsp/http(s) URL"),
      new SettingDoc(CaptureConfig.FPS, "10", "frames-per-second cap; 0 = none"),
      new SettingDoc(CaptureConfig.WIDTH, "320", "frame width; 0 (with height 0) keeps the source size"),
      new SettingDoc(CaptureConfig.HEIGHT, "240", "frame height; 0 (with width 0) keeps the source size"),
      new SettingDoc(CaptureConfig.JPEG_QUALITY, "90", "JPEG quality 1..100"),
      new SettingDoc(CaptureConfig.MAX_FRAMES, "0", "stop after this many frames; 0 = unlimited"),
      new SettingDoc(CaptureConfig.QUEUE_CAPACITY, "32",
          "live sources: frames waiting to be published before the oldest is dropped; a bursty stream delivers"
              + " many at once"));

  public static final List<SettingDoc> ALL = Stream.concat(SharedSettings.ALL.stream(), OWN.stream()).toList();

  private CaptureSettingDocs() {
  }
}
