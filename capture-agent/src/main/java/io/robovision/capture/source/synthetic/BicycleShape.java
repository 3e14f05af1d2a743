package io.robovision.capture.source.synthetic;

/**
 * A bicycle: two tyre rings with turning spokes, a diamond frame, fork, saddle, handlebar and crank. The wheels are
 * labelled whole, as COCO labels them; the inside of the frame stays background.
 */
final class BicycleShape implements ObjectShape {
  static final double WHEEL_RADIUS = 0.33;

  private static final double WHEEL_Y = 0.17;
  private static final double REAR_X = -0.55;
  private static final double FRONT_X = 0.55;
  private static final double TYRE_WIDTH = 0.05;
  private static final int SPOKES = 8;
  private static final double SPOKE_WIDTH = 0.012;
  private static final double TUBE_WIDTH = 0.04;
  private static final double CRANK_X = -0.02;
  private static final double CRANK_Y = 0.2;
  private static final double SEAT_X = -0.15;
  private static final double SEAT_Y = -0.22;
  private static final double HEAD_X = 0.37;
  private static final double HEAD_Y = -0.24;
  private static final double FORK_X = 0.41;
  private static final double FORK_Y = -0.12;
  private static final Bgr TYRE = new Bgr(28, 28, 30);
  private static final Bgr SPOKE = new Bgr(175, 175, 175);
  private static final Bgr DARK = new Bgr(35, 35, 40);

  @Override
  public void draw(ObjectPen pen, Appearance look, double phase) {
    Bgr frame = look.primary();
    wheel(pen, REAR_X, phase);
    wheel(pen, FRONT_X, phase);
    pen.polyline(frame, TUBE_WIDTH, REAR_X, WHEEL_Y, CRANK_X, CRANK_Y, SEAT_X, SEAT_Y, REAR_X, WHEEL_Y);
    pen.line(frame, TUBE_WIDTH, SEAT_X, SEAT_Y, HEAD_X, HEAD_Y + 0.03);
    pen.line(frame, TUBE_WIDTH * 1.2, CRANK_X, CRANK_Y, FORK_X, FORK_Y);
    pen.line(frame, TUBE_WIDTH * 1.2, HEAD_X, HEAD_Y, FORK_X, FORK_Y);
    pen.line(frame, TUBE_WIDTH * 0.9, FORK_X, FORK_Y, FRONT_X, WHEEL_Y);
    pen.line(DARK, 0.03, SEAT_X, SEAT_Y, SEAT_X - 0.02, SEAT_Y - 0.06);
    pen.ellipse(DARK, SEAT_X - 0.04, SEAT_Y - 0.075, 0.09, 0.028, 0);
    pen.polyline(DARK, 0.03, HEAD_X, HEAD_Y, HEAD_X - 0.02, HEAD_Y - 0.09, HEAD_X - 0.11, HEAD_Y - 0.11);
    pen.circle(look.accent(), CRANK_X, CRANK_Y, 0.05);
    double pedalX = CRANK_X + 0.1 * Math.cos(phase);
    double pedalY = CRANK_Y + 0.1 * Math.sin(phase);
    pen.line(DARK, 0.025, CRANK_X, CRANK_Y, pedalX, pedalY);
    pen.line(DARK, 0.03, pedalX - 0.035, pedalY, pedalX + 0.035, pedalY);
  }

  private static void wheel(ObjectPen pen, double x, double phase) {
    double rim = WHEEL_RADIUS - TYRE_WIDTH / 2;
    pen.silhouetteDisc(x, WHEEL_Y, WHEEL_RADIUS);
    pen.ring(TYRE, x, WHEEL_Y, rim, TYRE_WIDTH);
    for (int i = 0; i < SPOKES; i++) {
      double angle = phase + i * 2 * Math.PI / SPOKES;
      pen.line(SPOKE, SPOKE_WIDTH, x, WHEEL_Y, x + rim * Math.cos(angle), WHEEL_Y + rim * Math.sin(angle));
    }
    pen.circle(SPOKE, x, WHEEL_Y, 0.03);
  }
}
