package io.robovision.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RssFiguresTest {
  @Test
  void aGarbageCollectionSawtoothThatDoesNotGrowIsFlat() {
    List<Long> samples = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      samples.add(1_600_000L + (i % 30) * 4_000L);
    }

    BenchReport.RssFigures figures = RssBench.figures("m.pt", 10_000, samples);

    assertThat(figures.flat()).isTrue();
    assertThat(figures.minKb()).isEqualTo(1_600_000L);
    assertThat(figures.maxKb()).isEqualTo(1_716_000L);
    assertThat(figures.samples()).isEqualTo(300);
  }

  @Test
  void memoryThatKeepsGrowingIsNotFlat() {
    List<Long> samples = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      samples.add(1_600_000L + i * 400L + (i % 30) * 4_000L);
    }

    BenchReport.RssFigures figures = RssBench.figures("m.pt", 10_000, samples);

    assertThat(figures.flat()).isFalse();
    assertThat(figures.changePercent()).isGreaterThan(5);
  }
}
