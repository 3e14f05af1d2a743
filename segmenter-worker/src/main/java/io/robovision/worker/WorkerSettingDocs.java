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
      new SettingDoc(WorkerConfig.COMMIT_INTERVAL_MS, "200",
          "how often at most the offsets of finished frames are committed; a crash redoes up to this long of frames"
              + " (the sink drops the duplicates); 0 = after every poll"),
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
      new SettingDoc(WorkerConfig.INFERENCE_THREADS, "0",
          "intra-op threads of each predictor; 0 shares the cores among the predictors"),
      new SettingDoc(WorkerConfig.INTEROP_THREADS, "1",
          "inter-op threads; read once, when the PyTorch engine starts in the JVM"),
      new SettingDoc(WorkerConfig.DEVICE, "auto",
          "auto (a GPU when libtorch is a CUDA build and sees one, else the CPU), cpu, gpu or gpu:N"),
      new SettingDoc(WorkerConfig.PREDICTORS, "2 (1 on 1 core), cores / 4 from 12 cores, at most 4",
          "models run in parallel, each on its own thread with its own DJL predictor"),
      new SettingDoc(WorkerConfig.BATCH_SIZE, "4",
          "frames of one size run through the model together at most"),
      new SettingDoc(WorkerConfig.BATCH_WAIT_MS, "10",
          "how long a frame waits for batch-mates at most"),
      new SettingDoc(WorkerConfig.MAX_FRAME_AGE_MS, "0",
          "when a camera's oldest waiting frame is older, only its newest is segmented and the older ones are answered SKIPPED; 0 = off"),
      new SettingDoc(WorkerConfig.DECODE_THREADS, "cores / 8, at least 1",
          "JPEG decoding threads"),
      new SettingDoc(WorkerConfig.ENCODE_THREADS, "cores / 8, at least 1",
          "PNG encoding, statistics and sending threads"),
      new SettingDoc(WorkerConfig.QUEUE_CAPACITY, "max(2 x max.poll.records, 4 x predictors x batch size)",
          "frames polled and not yet answered at most; the consumer pauses above it"),
      new SettingDoc(WorkerConfig.INSTANCE_MIN_AREA, "0.001",
          "smallest instance (mask blob) reported: below 1 a share of the frame, from 1 on pixels"));

  public static final List<SettingDoc> ALL = Stream.concat(SharedSettings.ALL.stream(), OWN.stream()).toList();

  private WorkerSettingDocs() {
  }
}
