package io.robovision.capture.source.synthetic;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_COMPRESSION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import io.robovision.files.FileErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.bytedeco.opencv.opencv_core.Mat;

/** Writes a training/evaluation dataset of diverse independent scenes. */
public final class DatasetWriter {
  private static final int JPEG_QUALITY = 90;
  /** PNG is lossless at any level; the lowest keeps writing fast. */
  private static final int PNG_COMPRESSION = 1;
  /** Frames are picked from this range so objects are caught at varied positions and poses. */
  private static final long FRAME_RANGE = 100_000;
  private static final long SCENE_STREAM = 1;
  private static final long FRAME_STREAM = 2;

  private final Path outDir;
  private final int width;
  private final int height;
  private final long seed;

  public DatasetWriter(Path outDir, int width, int height, long seed) {
    SyntheticScene.requireSize(width, height);
    this.outDir = Objects.requireNonNull(outDir, "outDir");
    this.width = width;
    this.height = height;
    this.seed = seed;
  }

  /**
   * Writes {@code count} samples as images/NNNNNN.jpg, labels/NNNNNN.png (VOC class per pixel, 255 on the void
   * border band) and boxes/NNNNNN.txt (YOLO lines with COCO ids), plus classes_voc.txt and classes_coco.txt,
   * replacing files of the same names.
   */
  public DatasetSummary write(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("sample count must not be negative, got " + count);
    }
    try {
      Path images = Files.createDirectories(outDir.resolve("images"));
      Path labels = Files.createDirectories(outDir.resolve("labels"));
      Path boxes = Files.createDirectories(outDir.resolve("boxes"));
      writeNames(outDir.resolve("classes_voc.txt"), VocClasses.NAMES);
      writeNames(outDir.resolve("classes_coco.txt"), CocoClasses.NAMES);
      Map<String, Integer> perClass = new LinkedHashMap<>();
      Arrays.stream(ObjectKind.values())
          .sorted(Comparator.comparingInt(ObjectKind::vocClass))
          .forEach(kind -> perClass.put(kind.label(), 0));
      for (int i = 0; i < count; i++) {
        SyntheticScene scene = new SyntheticScene(Seeds.derive(seed, SCENE_STREAM, i), width, height);
        long frame = Seeds.random(seed, FRAME_STREAM, i).nextLong(FRAME_RANGE);
        String name = String.format("%06d", i);
        try (SceneFrame sample = scene.render(frame)) {
          save(images.resolve(name + ".jpg"), sample.image(), IMWRITE_JPEG_QUALITY, JPEG_QUALITY);
          save(labels.resolve(name + ".png"), sample.labels(), IMWRITE_PNG_COMPRESSION, PNG_COMPRESSION);
          Files.writeString(boxes.resolve(name + ".txt"), sample.boxes().stream()
              .map(box -> YoloFormat.line(box, width, height) + "\n")
              .collect(Collectors.joining()));
          sample.boxes().forEach(box -> perClass.merge(box.name(), 1, Integer::sum));
        }
      }
      return new DatasetSummary(count, perClass);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write dataset to " + outDir + " (--out): " + FileErrors.reason(e), e);
    }
  }

  private static void writeNames(Path file, List<String> names) throws IOException {
    Files.writeString(file, String.join("\n", names) + "\n");
  }

  private static void save(Path file, Mat mat, int option, int value) throws IOException {
    if (!imwrite(file.toString(), mat, new int[] {option, value})) {
      throw new IOException("OpenCV could not write " + file);
    }
  }
}
