package io.robovision.capture.source.synthetic;

/** The poses a person can take; angles are in radians, measured from hanging straight down towards the front. */
enum PersonPose {
  STANDING(0.03, 0.0, 0.04, 0.15, 0.08, 0.12),
  WALKING(0.42, 0.7, 0.4, 0.35, 0.0, 1.0),
  RUNNING(0.75, 1.4, 0.75, 1.5, 0.0, 1.8),
  WAVING(0.0, 0.0, 0.04, 0.15, 0.08, 0.12);

  private final double legSwing;
  private final double kneeBend;
  private final double armSwing;
  private final double elbowBend;
  private final double stance;
  private final double speedFactor;

  PersonPose(double legSwing, double kneeBend, double armSwing, double elbowBend, double stance,
      double speedFactor) {
    this.legSwing = legSwing;
    this.kneeBend = kneeBend;
    this.armSwing = armSwing;
    this.elbowBend = elbowBend;
    this.stance = stance;
    this.speedFactor = speedFactor;
  }

  static PersonPose of(int variant) {
    return values()[Math.floorMod(variant, values().length)];
  }

  double legSwing() {
    return legSwing;
  }

  double kneeBend() {
    return kneeBend;
  }

  double armSwing() {
    return armSwing;
  }

  double elbowBend() {
    return elbowBend;
  }

  /** Constant spread of the legs, so people at rest stand with their feet apart. */
  double stance() {
    return stance;
  }

  double speedFactor() {
    return speedFactor;
  }
}
