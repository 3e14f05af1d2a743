package io.robovision.capture.source.synthetic;

import java.util.Locale;

/** Formats a box as a YOLO label line: COCO class id, then centre and size normalised to the image, six decimals. */
final class YoloFormat {
  private YoloFormat() {
  }

  static String line(GroundTruthBox box, int width, int height) {
    // Bounds are inclusive pixel indices, so the box spans from the left edge of xmin to the right edge of xmax.
    double centerX = (box.xmin() + box.xmax() + 1) / 2.0 / width;
    double centerY = (box.ymin() + box.ymax() + 1) / 2.0 / height;
    return String.format(Locale.ROOT, "%d %.6f %.6f %.6f %.6f", box.cocoClass(), centerX, centerY,
        (double) box.width() / width, (double) box.height() / height);
  }
}
