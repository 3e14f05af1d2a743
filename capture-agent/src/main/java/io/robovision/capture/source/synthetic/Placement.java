package io.robovision.capture.source.synthetic;

/**
 * Maps an object's local drawing coordinates (units of its height, origin at its centre, y down, facing +x) to frame
 * pixels by mirroring, scaling, rotating and translating.
 */
final class Placement {
  private final double centerX;
  private final double centerY;
  private final double scale;
  private final boolean mirrored;
  private final double rotationDegrees;
  private final double cos;
  private final double sin;

  Placement(double centerX, double centerY, double scale, boolean mirrored, double rotationDegrees) {
    this.centerX = centerX;
    this.centerY = centerY;
    this.scale = scale;
    this.mirrored = mirrored;
    this.rotationDegrees = rotationDegrees;
    this.cos = Math.cos(Math.toRadians(rotationDegrees));
    this.sin = Math.sin(Math.toRadians(rotationDegrees));
  }

  double x(double localX, double localY) {
    double facing = mirrored ? -localX : localX;
    return centerX + scale * (facing * cos - localY * sin);
  }

  double y(double localX, double localY) {
    double facing = mirrored ? -localX : localX;
    return centerY + scale * (facing * sin + localY * cos);
  }

  /** OpenCV ellipse angles turn the same way as this rotation, and a mirror negates them. */
  double angle(double localDegrees) {
    return (mirrored ? -localDegrees : localDegrees) + rotationDegrees;
  }

  double length(double localLength) {
    return scale * localLength;
  }

  double centerX() {
    return centerX;
  }

  double centerY() {
    return centerY;
  }

  double scale() {
    return scale;
  }

  Placement movedTo(double x, double y) {
    return new Placement(x, y, scale, mirrored, rotationDegrees);
  }
}
