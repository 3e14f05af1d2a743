package io.robovision.capture.source.synthetic;

/** A car: low body, cabin with two side windows, lights and two wheels with hubcaps. */
final class CarShape implements ObjectShape {
  static final double WHEEL_RADIUS = 0.21;

  private static final double WHEEL_X = 0.62;
  private static final double WHEEL_Y = 0.27;
  private static final Bgr TYRE = new Bgr(28, 28, 30);
  private static final Bgr GLASS = new Bgr(120, 100, 80);
  private static final Bgr HEADLIGHT = new Bgr(170, 235, 250);
  private static final Bgr TAILLIGHT = new Bgr(40, 40, 200);

  @Override
  public void draw(ObjectPen pen, Appearance look, double phase) {
    Bgr body = look.primary();
    Bgr glass = look.secondary().mix(GLASS, 0.65);
    pen.polygon(body.shade(0.9), -0.78, -0.09, -0.56, -0.47, 0.22, -0.47, 0.60, -0.09);
    pen.polygon(glass, -0.68, -0.12, -0.52, -0.42, -0.20, -0.42, -0.20, -0.12);
    pen.polygon(glass, -0.12, -0.12, -0.12, -0.42, 0.19, -0.42, 0.49, -0.12);
    pen.polygon(body, -1.08, 0.28, -1.08, -0.04, -1.0, -0.10, 0.72, -0.11, 1.04, -0.04, 1.08, 0.10, 1.08, 0.28);
    pen.line(body.shade(0.6), 0.015, -0.16, -0.07, -0.16, 0.2);
    pen.ellipse(HEADLIGHT, 1.03, 0.02, 0.045, 0.035, 0);
    pen.ellipse(TAILLIGHT, -1.055, 0.0, 0.025, 0.05, 0);
    wheel(pen, -WHEEL_X, look.accent(), phase);
    wheel(pen, WHEEL_X, look.accent(), phase);
  }

  private static void wheel(ObjectPen pen, double x, Bgr hubcap, double phase) {
    pen.circle(TYRE, x, WHEEL_Y, WHEEL_RADIUS);
    pen.circle(hubcap.mix(new Bgr(190, 190, 190), 0.6), x, WHEEL_Y, 0.1);
    pen.line(TYRE, 0.02, x, WHEEL_Y, x + 0.08 * Math.cos(phase), WHEEL_Y + 0.08 * Math.sin(phase));
  }
}
