package io.robovision.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void aHintFollowsTheLineItCameWithAndNeverTheSummary() throws InterruptedException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    AtomicInteger lines = new AtomicInteger();
    AtomicInteger asked = new AtomicInteger();
    try (Progress progress = new Progress(() -> "line " + lines.incrementAndGet(),
        () -> asked.incrementAndGet() == 2 ? Optional.of("hint") : Optional.empty(), 5, out)) {
      while (asked.get() < 4) {
        Thread.sleep(5);
      }
    }

    String[] printed = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(printed).startsWith("line 1", "line 2", "hint", "line 3");
    assertThat(printed[printed.length - 1]).matches("summary: line \\d+");
    assertThat(printed).filteredOn("hint"::equals).hasSize(1);
  }
}
