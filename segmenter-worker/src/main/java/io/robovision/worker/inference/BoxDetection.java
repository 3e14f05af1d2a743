package io.robovision.worker.inference;

/**
 * One detected object in YOLOv5's pandas columns: corners in continuous frame pixel coordinates (0 is the top-left edge
 * of the first pixel, {@code xmax} may equal the frame width), score and class index in the detector's label space.
 */
public record BoxDetection(float xmin, float ymin, float xmax, float ymax, float confidence, int classIndex,
    String name) {
  public float width() {
    return xmax - xmin;
  }

  public float height() {
    return ymax - ymin;
  }

  /** Intersection over union with another box; 0 when either has no area. */
  public double iou(BoxDetection other) {
    double overlapWidth = Math.min(xmax, other.xmax) - Math.max(xmin, other.xmin);
    double overlapHeight = Math.min(ymax, other.ymax) - Math.max(ymin, other.ymin);
    if (overlapWidth <= 0 || overlapHeight <= 0) {
      return 0;
    }
    double intersection = overlapWidth * overlapHeight;
    return intersection / ((double) width() * height() + (double) other.width() * other.height() - intersection);
  }
}
