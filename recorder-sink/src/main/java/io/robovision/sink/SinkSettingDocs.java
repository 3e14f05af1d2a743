package io.robovision.sink;

import io.robovision.config.SettingDoc;
import io.robovision.config.SharedSettings;
import io.robovision.sink.windows.WindowsConfig;
import java.util.List;
import java.util.stream.Stream;

/** Every setting the recorder sink reads, with its default, for --help and the README. */
public final class SinkSettingDocs {
  public static final List<SettingDoc> OWN = List.of(
      new SettingDoc(SinkConfig.GROUP_ID, "recorder-sink", "consumer group of the sink"),
      new SettingDoc(SinkConfig.OUTPUT_DIR, "out", "folder of the MP4 recordings and analytics.csv"),
      new SettingDoc(SinkConfig.CLASSES, "models/voc_classes.txt", "class names of the segmentation model"),
      new SettingDoc(SinkConfig.VIDEO_FPS, "10", "frame rate written into the MP4s"),
      new SettingDoc(SinkConfig.OVERLAY_ALPHA, "0.5", "opacity of the class mask over the video, (0, 1]"),
      new SettingDoc(SinkConfig.GAP_TIMEOUT_MS, "30000",
          "how long a missing frame or result holds back its camera before it counts as a gap;"
              + " only the time the sink spends caught up with its topics counts; longer than a worker fail-over"),
      new SettingDoc(SinkConfig.REORDER_CAPACITY, "2000", "frames + results held per camera at most"),
      new SettingDoc(SinkConfig.SEGMENT_SECONDS, "60", "capture time covered by each MP4 segment"),
      new SettingDoc(SinkConfig.OUTPUT, "overlay", "what the videos show: overlay, original or side-by-side"),
      new SettingDoc(SinkConfig.RENDER_THREADS, "cores / 2, from 1 to 4",
          "threads that decode frames and masks and draw the overlays while the sink's consumer thread encodes"),
      new SettingDoc(SinkConfig.RETENTION_HOURS, "0", "delete closed segments closed longer ago than this; 0 = keep all"),
      new SettingDoc(SinkConfig.RETENTION_BYTES, "0",
          "delete the oldest closed segments while all of them together are larger; 0 = keep all"),
      new SettingDoc(WindowsConfig.ENABLED, "true", "run the windows application in the sink process"),
      new SettingDoc(WindowsConfig.WINDOW_SECONDS, "10", "length of the tumbling windows, in capture time"),
      new SettingDoc(WindowsConfig.GRACE_SECONDS, "5",
          "how late (in capture time) a frame may arrive and still count in its window"));

  public static final List<SettingDoc> ALL = Stream.concat(SharedSettings.ALL.stream(), OWN.stream()).toList();

  private SinkSettingDocs() {
  }
}
