package io.robovision.capture.source.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BouncingAxisTest {
  @Test
  void matchesStepByStepSimulationAndStaysInside() {
    BouncingAxis axis = new BouncingAxis(-10, 50, 40.3, 3.77);
    double position = 40.3;
    double velocity = 3.77;
    for (int t = 1; t <= 500; t++) {
      position += velocity;
      if (position > 50) {
        position = 100 - position;
        velocity = -velocity;
      } else if (position < -10) {
        position = -20 - position;
        velocity = -velocity;
      }
      assertThat(axis.position(t)).as("time %d", t).isCloseTo(position, within(1e-6));
      assertThat(axis.direction(t)).as("time %d", t).isEqualTo(velocity > 0 ? 1 : -1);
    }
  }

  @Test
  void negativeVelocityStartsMovingTowardsLow() {
    BouncingAxis axis = new BouncingAxis(0, 100, 5, -2);

    assertThat(axis.position(1)).isCloseTo(3, within(1e-9));
    assertThat(axis.direction(1)).isEqualTo(-1);
    assertThat(axis.position(4)).isCloseTo(3, within(1e-9));
    assertThat(axis.direction(4)).isEqualTo(1);
  }
}
