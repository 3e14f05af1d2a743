package io.robovision.capture.source.synthetic;

/** Draws one object class from primitives in local coordinates: height 1, centred on the origin, facing +x, y down. */
interface ObjectShape {
  /**
   * Draws the object; {@code phase} is its animation angle in radians (gait cycle or wheel turn), which grows as it
   * moves.
   */
  void draw(ObjectPen pen, Appearance look, double phase);

  /** How fast this object travels relative to others of its class, e.g. a standing person barely drifts. */
  default double speedFactor(Appearance look) {
    return 1.0;
  }
}
