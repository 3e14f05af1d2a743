package io.robovision.worker;

import io.robovision.config.SettingDoc;
import io.robovision.config.SharedSettings;
import java.util.List;
import java.util.stream.Stream;

/** Every setting a segmenter worker reads, with its default, for --help and the README. */
public final class WorkerSettingDocs {
  public static final List<SettingDoc> OWN = List.of(
      new SettingDoc(WorkerConfig.GROUP_ID, "segmenter-worker", "consumer group; workers of one group share the load"),
      new SettingDoc(WorkerConfig.WORKER_ID, "pid@host", "worker id written into each result"),
      new SettingDoc(WorkerConfig.MAX_POLL_RECORDS, "16",
          "frames per poll; keep it x inference time well under max.poll.interval.ms"),
      new SettingDoc(WorkerConfig.SEGMENTATION_ENABLED, "true", "run the segmentation model"),
      new SettingDoc(WorkerConfig.MODEL_PATH, WorkerConfig.DEFAULT_MODEL,
          "TorchScript segmentation model returning {\"out\": logits} or a logits tensor"),
      new SettingDoc(WorkerConfig.MODEL_CLASSES, WorkerConfig.DEFAULT_CLASSES,
          "class names, one per line, in model output order"),
      new SettingDoc(WorkerConfig.INPUT_WIDTH, "320", "segmentation model input width"),
      new SettingDoc(WorkerConfig.INPUT_HEIGHT, "240", "segmentation model input height"),
      new SettingDoc(WorkerConfig.DETECTOR_ENABLED, "true", "run the detector"),
      new SettingDoc(WorkerConfig.DETECTOR_PATH, WorkerConfig.DEFAULT_DETECTOR,
          "TorchScript detector with YOLOv5's export layout [1, N, 5+classes]"),
      new SettingDoc(WorkerConfig.DETECTOR_CLASSES, WorkerConfig.DEFAULT_DETECTOR_CLASSES,
          "detector class names in output order"),
      new SettingDoc(WorkerConfig.DETECTOR_INPUT_SIZE, "320", "square input the detector was exported at"),
      new SettingDoc(WorkerConfig.DETECTOR_CONFIDENCE, "0.25", "lowest detection score kept"),
      new SettingDoc(WorkerConfig.DETECTOR_IOU, "0.45", "per-class NMS overlap threshold"),
      new SettingDoc(WorkerConfig.INFERENCE_THREADS, "0", "intra-op inference threads; 0 = engine default"));

  public static final List<SettingDoc> ALL = Stream.concat(SharedSettings.ALL.stream(), OWN.stream()).toList();

  private WorkerSettingDocs() {
  }
}
