package io.robovision.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import io.robovision.config.ClassNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A batch through DJL's stacking batchifier gives each frame the masks and boxes it gets alone. */
class BatchedPredictionTest {
  private static final Path MODELS = Path.of("..", "models");
  private static final Path FIXTURES = Path.of("src", "test", "resources", "parity");

  @BeforeAll
  static void offline() {
    System.setProperty("ai.djl.offline", "true");
  }

  @Test
  void aBatchGivesEachFrameWhatItGetsAlone() throws Exception {
    List<Mat> frames = new ArrayList<>();
    for (String name : List.of("val-000003.jpg", "val-000017.jpg", "val-000042.jpg")) {
      frames.add(imread(FIXTURES.resolve(name).toString(), IMREAD_COLOR));
    }
    try (FrameModels models = new FrameModels(
            Optional.of(new Segmenter(MODELS.resolve("deeplabv3_mobilenet_v3_large.pt"),
                ClassNames.read(MODELS.resolve("voc_classes.txt")), 320, 240)),
            Optional.of(new Detector(MODELS.resolve("yolo_synthetic.pt"),
                ClassNames.read(MODELS.resolve("coco_classes.txt")), 320, 0.25f, 0.45f)));
        FramePredictor predictor = models.newPredictor()) {
      List<FramePredictor.Output> batched = predictor.predict(frames).outputs();
      assertThat(batched).hasSize(frames.size());
      for (int i = 0; i < frames.size(); i++) {
        FramePredictor.Output alone = predictor.predict(List.of(frames.get(i))).outputs().get(0);
        assertThat(agreement(batched.get(i).mask(), alone.mask())).as("frame %d", i).isGreaterThanOrEqualTo(0.999);
        assertThat(batched.get(i).boxes()).extracting(BoxDetection::classIndex)
            .containsExactlyElementsOf(alone.boxes().stream().map(BoxDetection::classIndex).toList());
      }
    } finally {
      frames.forEach(Mat::close);
    }
  }

  private static double agreement(SegmentationMask a, SegmentationMask b) {
    assertThat(a.width()).isEqualTo(b.width());
    assertThat(a.height()).isEqualTo(b.height());
    long same = 0;
    for (int i = 0; i < a.classes().length; i++) {
      same += a.classes()[i] == b.classes()[i] ? 1 : 0;
    }
    return (double) same / a.classes().length;
  }
}
