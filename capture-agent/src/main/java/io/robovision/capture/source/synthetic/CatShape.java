package io.robovision.capture.source.synthetic;

/** A cat: slim body, four thin legs, raised curling tail, round head with pointed ears, eyes, nose and whiskers. */
final class CatShape implements ObjectShape {
  private static final double HIP_Y = 0.07;
  private static final double UPPER_LEG = 0.2;
  private static final double LOWER_LEG = 0.2;
  private static final double LEG_WIDTH = 0.055;
  private static final double GAIT_SWING = 0.32;
  private static final double TAIL_SEGMENT = 0.13;
  private static final Bgr PUPIL = new Bgr(15, 15, 15);
  private static final Bgr NOSE = new Bgr(150, 130, 230);
  private static final Bgr WHISKER = new Bgr(225, 225, 225);

  @Override
  public void draw(ObjectPen pen, Appearance look, double phase) {
    Bgr fur = look.primary();
    Bgr far = fur.shade(0.75);
    double swing = GAIT_SWING * Math.sin(phase);
    leg(pen, far, 0.25, -swing);
    leg(pen, far, -0.32, swing);
    tail(pen, fur, 0.25 * Math.sin(0.5 * phase));
    pen.ellipse(fur, -0.06, 0.03, 0.36, 0.135, 0);
    pen.line(fur, 0.12, 0.2, -0.03, 0.33, -0.16);
    pen.polygon(fur, 0.27, -0.29, 0.29, -0.49, 0.38, -0.35);
    pen.polygon(fur, 0.39, -0.36, 0.49, -0.48, 0.51, -0.28);
    pen.circle(fur, 0.39, -0.24, 0.13);
    pen.ellipse(look.accent().mix(new Bgr(40, 200, 220), 0.5), 0.45, -0.27, 0.026, 0.032, 0);
    pen.ellipse(PUPIL, 0.455, -0.27, 0.008, 0.026, 0);
    pen.polygon(NOSE, 0.50, -0.215, 0.525, -0.215, 0.515, -0.195);
    pen.line(WHISKER, 0.008, 0.5, -0.19, 0.66, -0.23);
    pen.line(WHISKER, 0.008, 0.5, -0.185, 0.67, -0.185);
    pen.line(WHISKER, 0.008, 0.5, -0.18, 0.65, -0.14);
    leg(pen, fur, 0.19, swing);
    leg(pen, fur, -0.26, -swing);
  }

  /** The tail rises from the rump and curls forward at the tip; {@code sway} bends every joint a little. */
  private static void tail(ObjectPen pen, Bgr fur, double sway) {
    double[] points = new double[10];
    points[0] = -0.40;
    points[1] = -0.01;
    double angle = 2.2 + sway;
    for (int i = 1; i < 5; i++) {
      points[2 * i] = points[2 * i - 2] + TAIL_SEGMENT * Math.sin(angle);
      points[2 * i + 1] = points[2 * i - 1] + TAIL_SEGMENT * Math.cos(angle);
      angle += 0.3 + sway / 2;
    }
    pen.polyline(fur, 0.045, points);
  }

  private static void leg(ObjectPen pen, Bgr fur, double hipX, double angle) {
    double kneeX = hipX + UPPER_LEG * Math.sin(angle);
    double kneeY = HIP_Y + UPPER_LEG * Math.cos(angle);
    double lowerAngle = 0.5 * angle;
    double pawX = kneeX + LOWER_LEG * Math.sin(lowerAngle);
    double pawY = kneeY + LOWER_LEG * Math.cos(lowerAngle);
    pen.polyline(fur, LEG_WIDTH, hipX, HIP_Y, kneeX, kneeY, pawX, pawY);
    pen.ellipse(fur, pawX + 0.02, pawY + 0.01, 0.035, 0.02, 0);
  }
}
