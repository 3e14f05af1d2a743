package io.robovision.cli;

import io.robovision.capture.source.synthetic.DatasetSummary;
import io.robovision.capture.source.synthetic.DatasetWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vision dataset}: synthetic images with exact labels, for training and evaluating the bundled models. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
    description = {"Writes synthetic scenes with exact ground truth: OUT/images/*.jpg, OUT/labels/*.png",
        "(Pascal VOC class indices, 255 = void along object borders) and OUT/boxes/*.txt",
        "(YOLO format, COCO class ids)."})
public final class DatasetCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "output folder")
  Path out;

  @Option(names = "--count", defaultValue = "1000", description = "number of images (default ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--seed", defaultValue = "1", description = "seed; use another one for held-out data (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--size", defaultValue = "320x240", description = "WIDTHxHEIGHT (default ${DEFAULT-VALUE})")
  String size;

  @Override
  public Integer call() {
    String[] parts = size.toLowerCase(Locale.ROOT).split("x");
    if (parts.length != 2 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")) {
      throw new IllegalArgumentException("--size must look like 320x240, got '" + size + "'");
    }
    long started = System.nanoTime();
    DatasetSummary summary = new DatasetWriter(out, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), seed)
        .write(count);
    System.out.printf(Locale.ROOT, "wrote %d images with %d objects to %s in %.1f s; objects per class: %s%n",
        summary.images(), summary.objects(), out, (System.nanoTime() - started) / 1e9, summary.objectsPerClass());
    return 0;
  }
}
