package io.robovision.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import io.robovision.capture.encode.FrameEncoder;
import io.robovision.capture.source.synthetic.GroundTruthBox;
import io.robovision.capture.source.synthetic.SceneFrame;
import io.robovision.capture.source.synthetic.SyntheticScene;
import io.robovision.schemas.Frame;
import io.robovision.worker.decode.FrameDecoder;
import io.robovision.worker.inference.BoxDetection;
import io.robovision.worker.inference.Detector;
import io.robovision.worker.inference.MeanAveragePrecision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled detector through the worker's Java path (JPEG at the capture agent's quality, OpenCV decode, letterbox,
 * DJL, decoding, NMS) on synthetic scenes whose seeds the training and validation sets never used.
 */
class DetectionAccuracyIT {
  private static final Path MODELS = Path.of("..", "models");
  private static final int WIDTH = 320;
  private static final int HEIGHT = 240;
  private static final int INPUT_SIZE = 320;
  private static final long FIRST_SEED = 1000;
  private static final int SCENES = 50;
  private static final long[] FRAME_INDICES = {0, 240, 610};
  private static final int JPEG_QUALITY = 90;
  // mAP needs the whole precision/recall curve, so keep nearly every candidate, as YOLOv5's val.py does.
  private static final float CONFIDENCE = 0.001f;
  private static final float NMS_IOU = 0.5f;
  private static final double MATCH_IOU = 0.5;
  private static final double REQUIRED_MAP = 0.80;

  @BeforeAll
  static void offline() {
    System.setProperty("ai.djl.offline", "true");
  }

  @Test
  void findsHeldOutObjectsWithMeanAveragePrecisionAtHalfIouOfAtLeast080() throws Exception {
    List<String> classNames = Files.readAllLines(MODELS.resolve("coco_classes.txt"));
    FrameEncoder encoder = new FrameEncoder(0, 0, JPEG_QUALITY);
    FrameDecoder decoder = new FrameDecoder();
    MeanAveragePrecision map = new MeanAveragePrecision(MATCH_IOU);
    int frames = 0;
    try (Detector detector = new Detector(MODELS.resolve("yolo_synthetic.pt"), classNames, INPUT_SIZE, CONFIDENCE,
        NMS_IOU)) {
      for (long seed = FIRST_SEED; seed < FIRST_SEED + SCENES; seed++) {
        SyntheticScene scene = new SyntheticScene(seed, WIDTH, HEIGHT);
        for (long index : FRAME_INDICES) {
          try (SceneFrame rendered = scene.render(index)) {
            Frame frame = encoder.encode("camera-" + seed, index, 0, rendered.image(), null);
            try (Mat decoded = decoder.decode(frame)) {
              map.add(detector.detect(decoded), truths(rendered.boxes()));
            }
            frames++;
          }
        }
      }
      System.out.printf(Locale.ROOT, "detector %s on %d held-out frames: mAP@0.5 %.4f%n", detector.modelId(), frames,
          map.mean());
    }
    map.perClass().forEach((classIndex, ap) ->
        System.out.printf(Locale.ROOT, "  AP@0.5 %-8s %.4f%n", classNames.get(classIndex), ap));
    assertThat(map.perClass()).hasSizeGreaterThanOrEqualTo(6);
    assertThat(map.mean()).isGreaterThanOrEqualTo(REQUIRED_MAP);
  }

  private static List<BoxDetection> truths(List<GroundTruthBox> boxes) {
    // Inclusive pixel bounds to the pixel edges the detector's continuous coordinates use.
    return boxes.stream()
        .map(box -> new BoxDetection(box.xmin(), box.ymin(), box.xmax() + 1, box.ymax() + 1, 1f, box.cocoClass(),
            box.name()))
        .toList();
  }
}
