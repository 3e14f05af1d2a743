package io.robovision.capture.source.synthetic;

/**
 * Position along one axis that moves at constant velocity and reflects off both ends of [low, high], computed in closed
 * form so any time can be evaluated without stepping through the earlier ones.
 */
record BouncingAxis(double low, double high, double start, double velocity) {
  double position(double time) {
    double span = high - low;
    if (span <= 0) {
      return low;
    }
    double travelled = unfolded(time, span);
    return travelled <= span ? low + travelled : high - (travelled - span);
  }

  /** +1 while moving towards {@code high}, -1 while moving back towards {@code low}. */
  int direction(double time) {
    double span = high - low;
    int heading = velocity < 0 ? -1 : 1;
    if (span <= 0) {
      return heading;
    }
    return unfolded(time, span) <= span ? heading : -heading;
  }

  /** Distance from {@code low} on a loop of twice the span, where the second half is the way back. */
  private double unfolded(double time, double span) {
    double period = 2 * span;
    double travelled = (start - low + velocity * time) % period;
    return travelled < 0 ? travelled + period : travelled;
  }
}
