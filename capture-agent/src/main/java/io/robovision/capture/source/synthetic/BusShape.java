package io.robovision.capture.source.synthetic;

/** A bus: long box with a side stripe, a row of windows, a windscreen, a door and two wheels. */
final class BusShape implements ObjectShape {
  static final double WHEEL_RADIUS = 0.18;

  private static final int SIDE_WINDOWS = 6;
  private static final double WINDOWS_FROM = -1.18;
  private static final double WINDOWS_TO = 0.78;
  private static final double WINDOW_GAP = 0.06;
  private static final double WHEEL_Y = 0.30;
  private static final Bgr TYRE = new Bgr(28, 28, 30);
  private static final Bgr GLASS = new Bgr(90, 70, 50);

  @Override
  public void draw(ObjectPen pen, Appearance look, double phase) {
    Bgr glass = look.secondary().mix(GLASS, 0.7);
    pen.polygon(look.primary(), -1.28, -0.47, 1.18, -0.47, 1.28, -0.38, 1.28, 0.31, -1.28, 0.31);
    pen.polygon(look.accent(), -1.28, 0.05, 1.28, 0.05, 1.28, 0.13, -1.28, 0.13);
    double pitch = (WINDOWS_TO - WINDOWS_FROM) / SIDE_WINDOWS;
    for (int i = 0; i < SIDE_WINDOWS; i++) {
      double left = WINDOWS_FROM + i * pitch;
      double right = left + pitch - WINDOW_GAP;
      pen.polygon(glass, left, -0.39, right, -0.39, right, -0.08, left, -0.08);
    }
    pen.polygon(glass.shade(0.8), 0.86, -0.39, 1.02, -0.39, 1.02, 0.25, 0.86, 0.25);
    pen.polygon(glass, 1.09, -0.40, 1.24, -0.35, 1.24, -0.02, 1.09, -0.02);
    wheel(pen, -0.84, phase);
    wheel(pen, 0.66, phase);
  }

  private static void wheel(ObjectPen pen, double x, double phase) {
    pen.circle(TYRE, x, WHEEL_Y, WHEEL_RADIUS);
    pen.circle(new Bgr(160, 160, 160), x, WHEEL_Y, 0.08);
    pen.line(TYRE, 0.02, x, WHEEL_Y, x + 0.07 * Math.cos(phase), WHEEL_Y + 0.07 * Math.sin(phase));
  }
}
