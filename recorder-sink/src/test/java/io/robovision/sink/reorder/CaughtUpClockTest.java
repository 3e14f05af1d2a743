package io.robovision.sink.reorder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaughtUpClockTest {
  @Test
  void onlyTheTimeSpentCaughtUpPasses() {
    CaughtUpClock clock = new CaughtUpClock();
    assertThat(clock.tick(1_000, true)).isZero();
    assertThat(clock.tick(1_400, true)).isEqualTo(400);
    assertThat(clock.tick(9_000, false)).isEqualTo(400);
    assertThat(clock.tick(20_000, false)).isEqualTo(400);
    assertThat(clock.tick(20_250, true)).isEqualTo(650);
    assertThat(clock.millis()).isEqualTo(650);
  }

  @Test
  void aWallClockThatStepsBackDoesNotTurnItBack() {
    CaughtUpClock clock = new CaughtUpClock();
    clock.tick(5_000, true);
    assertThat(clock.tick(4_000, true)).isZero();
    assertThat(clock.tick(4_100, true)).isEqualTo(100);
  }
}
