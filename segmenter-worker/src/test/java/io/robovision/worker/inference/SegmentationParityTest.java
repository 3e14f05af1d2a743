package io.robovision.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import io.robovision.config.ClassNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java path (OpenCV decode, our translator, DJL) must give the masks that Python gives with
 * torch and the same preprocessing; the reference masks come from models/make_parity_fixtures.py.
 */
class SegmentationParityTest {
  private static final Path MODELS = Path.of("..", "models");
  private static final Path FIXTURES = Path.of("src", "test", "resources", "parity");

  @BeforeAll
  static void offline() {
    System.setProperty("ai.djl.offline", "true");
  }

  @Test
  void javaMasksAgreeWithThePythonReference() throws Exception {
    List<Path> images;
    try (Stream<Path> files = Files.list(FIXTURES)) {
      images = files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
    }
    assertThat(images).hasSizeGreaterThanOrEqualTo(6);
    try (Segmenter segmenter = new Segmenter(MODELS.resolve("deeplabv3_mobilenet_v3_large.pt"),
        ClassNames.read(MODELS.resolve("voc_classes.txt")), 320, 240)) {
      for (Path image : images) {
        Path reference = Path.of(image.toString().replace(".jpg", ".mask.png"));
        try (Mat bgr = imread(image.toString(), IMREAD_COLOR); Mat expected = imread(reference.toString(), IMREAD_UNCHANGED)) {
          SegmentationMask mask = segmenter.segment(bgr);
          assertThat(mask.width()).isEqualTo(expected.cols());
          assertThat(mask.height()).isEqualTo(expected.rows());
          byte[] want = new byte[mask.classes().length];
          expected.data().get(want);
          long same = 0;
          for (int i = 0; i < want.length; i++) {
            same += want[i] == mask.classes()[i] ? 1 : 0;
          }
          double agreement = (double) same / want.length;
          System.out.printf("%s: %.4f of pixels agree%n", image.getFileName(), agreement);
          assertThat(agreement).as(image.getFileName().toString()).isGreaterThanOrEqualTo(0.995);
        }
      }
    }
  }
}
