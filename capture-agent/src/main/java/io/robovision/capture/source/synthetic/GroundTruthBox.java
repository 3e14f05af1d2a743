package io.robovision.capture.source.synthetic;

/** One object's exact box in frame pixels; all four bounds are inclusive pixel coordinates. */
public record GroundTruthBox(int vocClass, int cocoClass, String name, int xmin, int ymin, int xmax, int ymax) {
  /** Width in pixels, counting both edge columns. */
  public int width() {
    return xmax - xmin + 1;
  }

  /** Height in pixels, counting both edge rows. */
  public int height() {
    return ymax - ymin + 1;
  }
}
