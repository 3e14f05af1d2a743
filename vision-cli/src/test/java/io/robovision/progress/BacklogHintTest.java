package io.robovision.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacklogHintTest {
  private static List<String> hints(long... lags) {
    BacklogHint hint = new BacklogHint();
    List<String> said = new ArrayList<>();
    for (long lag : lags) {
      hint.next(lag).ifPresent(said::add);
    }
    return said;
  }

  @Test
  void aLagThatKeepsGrowingIsPointedOutOnce() {
    assertThat(hints(10, 60, 120, 180, 240, 300)).singleElement().asString()
        .startsWith("the worker is falling behind the cameras (180 frames waiting, more on every line)")
        .contains("--max-frame-age");
  }

  @Test
  void aWorkerThatKeepsUpOrCatchesUpIsLeftAlone() {
    assertThat(hints(0, 3, 1, 4, 2, 5, 0)).isEmpty();
    assertThat(hints(10, 20, 30, 40, 45)).as("small").isEmpty();
    assertThat(hints(100, 200, 300, 50, 100, 90, 200)).as("not three growing lines in a row").isEmpty();
  }
}
