package io.robovision.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherLoadTest {
  private static final String SELF = "4242 (java (bench)) S 1 4242 4242 0 -1 4194560 100 0 0 0 %d %d %d %d 20 0 40 0";

  @Test
  void readsBusyTimeStealIncludedAndThisProcessWithItsChildren() {
    OtherLoad.Reading reading = OtherLoad.Reading.parse(
        "cpu  100 10 20 500 5 1 2 7 0 0", String.format(SELF, 30, 6, 3, 1));
    assertThat(reading.machineBusy()).isEqualTo(100 + 10 + 20 + 1 + 2 + 7);
    assertThat(reading.machineTotal()).isEqualTo(140 + 500 + 5);
    assertThat(reading.process()).isEqualTo(40);
  }

  @Test
  void theOthersShareIsTheMachinesBusyTimeLessOurs() {
    OtherLoad.Reading start = new OtherLoad.Reading(1_000, 2_000, 400);
    assertThat(new OtherLoad.Reading(1_200, 2_200, 600).othersSince(start)).hasValue(0);
    assertThat(new OtherLoad.Reading(1_200, 2_400, 500).othersSince(start).getAsDouble()).isCloseTo(0.25,
        within(1e-9));
    assertThat(new OtherLoad.Reading(1_000, 2_000, 400).othersSince(start)).isEmpty();
  }

  @Test
  void readsThisMachine(@TempDir Path dir) throws Exception {
    assertThat(new OtherLoad().read()).hasValueSatisfying(reading -> {
      assertThat(reading.machineTotal()).isGreaterThanOrEqualTo(reading.machineBusy()).isPositive();
      assertThat(reading.process()).isPositive();
    });
    Path stat = Files.writeString(dir.resolve("stat"), "intr 1 2 3\n");
    assertThat(new OtherLoad(stat, stat).read()).isEmpty();
  }
}
