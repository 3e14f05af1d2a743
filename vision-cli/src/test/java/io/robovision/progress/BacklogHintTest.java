package io.robovision.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacklogHintTest {
  private static List<String> hints(long... lags) {
    BacklogHint hint = new BacklogHint("the worker is falling behind", "set --max-frame-age MS");
    List<String> said = new ArrayList<>();
    for (long lag : lags) {
      hint.next(lag).ifPresent(said::add);
    }
    return said;
  }

  @Test
  void aLagThatKeepsGrowingIsPointedOutOnce() {
    assertThat(hints(10, 60, 120, 180, 240, 300)).containsExactly("the worker is falling behind (180 frames waiting,"
        + " more on every line), so latency grows with the run; set --max-frame-age MS");
  }

  @Test
  void aWorkerThatKeepsUpOrCatchesUpIsLeftAlone() {
    assertThat(hints(0, 3, 1, 4, 2, 5, 0)).isEmpty();
    assertThat(hints(10, 20, 30, 40, 45)).as("small").isEmpty();
    assertThat(hints(100, 200, 300, 50, 100, 90, 200)).as("not three growing lines in a row").isEmpty();
  }
}
