package io.robovision.capture.source.synthetic;

/** A dog: long body, four jointed legs with paws, neck, head with a long snout, nose, floppy ear and a wagging tail. */
final class DogShape implements ObjectShape {
  private static final double HIP_Y = 0.03;
  private static final double UPPER_LEG = 0.22;
  private static final double LOWER_LEG = 0.215;
  private static final double LEG_WIDTH = 0.08;
  private static final double GAIT_SWING = 0.38;
  private static final Bgr DARK = new Bgr(25, 25, 30);

  @Override
  public void draw(ObjectPen pen, Appearance look, double phase) {
    Bgr fur = look.primary();
    Bgr far = fur.shade(0.75);
    double swing = GAIT_SWING * Math.sin(phase);
    // Diagonal legs move together, as in a trot.
    leg(pen, far, 0.29, -swing);
    leg(pen, far, -0.34, swing);
    double wag = 2.35 + 0.3 * Math.sin(2 * phase);
    double tailMidX = -0.44 + 0.13 * Math.sin(wag);
    double tailMidY = -0.07 + 0.13 * Math.cos(wag);
    pen.polyline(fur, 0.05, -0.44, -0.07, tailMidX, tailMidY,
        tailMidX + 0.12 * Math.sin(wag + 0.3), tailMidY + 0.12 * Math.cos(wag + 0.3));
    pen.ellipse(fur, -0.05, -0.02, 0.42, 0.16, 0);
    pen.line(fur, 0.15, 0.26, -0.07, 0.43, -0.25);
    pen.ellipse(fur, 0.48, -0.29, 0.13, 0.11, 0);
    pen.ellipse(look.secondary().mix(fur, 0.5), 0.62, -0.25, 0.10, 0.055, 0);
    pen.circle(DARK, 0.71, -0.27, 0.025);
    pen.circle(DARK, 0.52, -0.33, 0.017);
    pen.ellipse(fur.shade(0.55), 0.41, -0.29, 0.045, 0.11, 20);
    leg(pen, fur, 0.21, swing);
    leg(pen, fur, -0.27, -swing);
  }

  private static void leg(ObjectPen pen, Bgr fur, double hipX, double angle) {
    double kneeX = hipX + UPPER_LEG * Math.sin(angle);
    double kneeY = HIP_Y + UPPER_LEG * Math.cos(angle);
    double lowerAngle = 0.5 * angle;
    double pawX = kneeX + LOWER_LEG * Math.sin(lowerAngle);
    double pawY = kneeY + LOWER_LEG * Math.cos(lowerAngle);
    pen.polyline(fur, LEG_WIDTH, hipX, HIP_Y, kneeX, kneeY, pawX, pawY);
    pen.ellipse(fur, pawX + 0.025, pawY + 0.005, 0.045, 0.025, 0);
  }
}
