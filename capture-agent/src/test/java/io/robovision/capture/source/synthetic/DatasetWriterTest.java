package io.robovision.capture.source.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetWriterTest {
  private static final int WIDTH = 96;
  private static final int HEIGHT = 64;
  private static final int COUNT = 8;
  private static final Pattern YOLO_LINE =
      Pattern.compile("\\d+ [01]\\.\\d{6} [01]\\.\\d{6} [01]\\.\\d{6} [01]\\.\\d{6}");
  private static final Set<Integer> COCO_IDS = Set.of(CocoClasses.PERSON, CocoClasses.BICYCLE, CocoClasses.CAR,
      CocoClasses.BUS, CocoClasses.CAT, CocoClasses.DOG);

  @TempDir
  Path outDir;

  @Test
  void writesImagesLabelsBoxesAndClassListsInTheDocumentedLayout() throws IOException {
    DatasetSummary summary = new DatasetWriter(outDir, WIDTH, HEIGHT, 99).write(COUNT);

    assertThat(Files.readAllLines(outDir.resolve("classes_voc.txt"))).isEqualTo(VocClasses.NAMES);
    assertThat(Files.readAllLines(outDir.resolve("classes_coco.txt"))).isEqualTo(CocoClasses.NAMES);
    Map<String, Integer> counted = new HashMap<>();
    for (int i = 0; i < COUNT; i++) {
      String name = String.format("%06d", i);
      try (Mat image = imread(outDir.resolve("images/" + name + ".jpg").toString());
          Mat labels = imread(outDir.resolve("labels/" + name + ".png").toString(), IMREAD_UNCHANGED)) {
        assertThat(image.type()).isEqualTo(CV_8UC3);
        assertThat(image.cols()).isEqualTo(WIDTH);
        assertThat(image.rows()).isEqualTo(HEIGHT);
        assertThat(labels.type()).isEqualTo(CV_8UC1);
        assertThat(labels.cols()).isEqualTo(WIDTH);
        assertThat(labels.rows()).isEqualTo(HEIGHT);
        byte[] classes = MatBytes.of(labels);
        for (byte label : classes) {
          if ((label & 0xFF) != VocClasses.VOID) {
            assertThat(VocClasses.NAMES.get(label)).isIn("__background__", "bicycle", "bus", "car", "cat",
                "dog", "person");
          }
        }
        for (String line : Files.readAllLines(outDir.resolve("boxes/" + name + ".txt"))) {
          assertThat(line).matches(YOLO_LINE);
          String[] fields = line.split(" ");
          int cocoId = Integer.parseInt(fields[0]);
          assertThat(COCO_IDS).contains(cocoId);
          double[] values = new double[4];
          for (int v = 0; v < 4; v++) {
            values[v] = Double.parseDouble(fields[v + 1]);
            assertThat(values[v]).isBetween(0.0, 1.0);
          }
          String className = CocoClasses.NAMES.get(cocoId);
          assertBoxTouchesItsClass(classes, (byte) VocClasses.NAMES.indexOf(className), values);
          counted.merge(className, 1, Integer::sum);
        }
      }
    }
    assertThat(summary.images()).isEqualTo(COUNT);
    assertThat(summary.objects()).isPositive().isEqualTo(counted.values().stream().mapToInt(i -> i).sum());
    counted.forEach((name, count) -> assertThat(summary.objectsPerClass()).containsEntry(name, count));
    assertThat(summary.objectsPerClass().keySet()).containsExactly("bicycle", "bus", "car", "cat", "dog", "person");
  }

  @Test
  void sameSeedWritesTheSameDataset(@TempDir Path otherDir) throws IOException {
    new DatasetWriter(outDir, WIDTH, HEIGHT, 5).write(3);
    new DatasetWriter(otherDir, WIDTH, HEIGHT, 5).write(3);

    for (String file : List.of("labels/000002.png", "boxes/000002.txt", "images/000002.jpg")) {
      assertThat(Files.readAllBytes(otherDir.resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(outDir.resolve(file)));
    }
    assertThat(Files.readAllBytes(outDir.resolve("labels/000001.png")))
        .isNotEqualTo(Files.readAllBytes(outDir.resolve("labels/000002.png")));
  }

  /** Converts the normalised box back to inclusive pixel bounds and checks each edge holds a pixel of the class. */
  private static void assertBoxTouchesItsClass(byte[] classes, byte label, double[] yolo) {
    int xmin = (int) Math.round((yolo[0] - yolo[2] / 2) * WIDTH);
    int xmax = (int) Math.round((yolo[0] + yolo[2] / 2) * WIDTH) - 1;
    int ymin = (int) Math.round((yolo[1] - yolo[3] / 2) * HEIGHT);
    int ymax = (int) Math.round((yolo[1] + yolo[3] / 2) * HEIGHT) - 1;
    // The object's outline is void, so each edge of its box touches its class or its void border.
    assertThat(count(classes, label, xmin, ymin, xmin, ymax)).isPositive();
    assertThat(count(classes, label, xmax, ymin, xmax, ymax)).isPositive();
    assertThat(count(classes, label, xmin, ymin, xmax, ymin)).isPositive();
    assertThat(count(classes, label, xmin, ymax, xmax, ymax)).isPositive();
  }

  private static int count(byte[] classes, byte label, int x0, int y0, int x1, int y1) {
    int count = 0;
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        byte found = classes[y * WIDTH + x];
        count += found == label || found == (byte) VocClasses.VOID ? 1 : 0;
      }
    }
    return count;
  }
}
