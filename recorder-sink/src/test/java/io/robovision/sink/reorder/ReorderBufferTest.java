package io.robovision.sink.reorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReorderBufferTest {
  private final List<String> discarded = new ArrayList<>();
  private final ReorderBuffer<String, String> buffer =
      new ReorderBuffer<>(1_000, 100, discarded::add, discarded::add);

  private List<Long> drained(long now) {
    return buffer.drain(now).stream().map(ReorderBuffer.Pair::sequence).toList();
  }

  @Test
  void releasesPairsInSequenceOrderWhateverTheArrivalOrder() {
    for (long s = 10; s < 15; s++) {
      buffer.offerFrame(s, "f" + s, 0);
    }
    buffer.offerResult(12, "r12", 0);
    buffer.offerResult(11, "r11", 0);
    assertThat(drained(0)).isEmpty();
    buffer.offerResult(10, "r10", 0);
    buffer.offerResult(14, "r14", 0);
    assertThat(drained(0)).containsExactly(10L, 11L, 12L);
    buffer.offerResult(13, "r13", 0);
    List<ReorderBuffer.Pair<String, String>> pairs = buffer.drain(0);
    assertThat(pairs).extracting(ReorderBuffer.Pair::frame).containsExactly("f13", "f14");
    assertThat(pairs).extracting(ReorderBuffer.Pair::result).containsExactly("r13", "r14");
    assertThat(buffer.pending()).isZero();
    assertThat(buffer.gaps()).isZero();
  }

  @Test
  void dropsAndCountsDuplicates() {
    buffer.offerFrame(0, "f0", 0);
    assertThat(buffer.offerFrame(0, "again", 0)).isEqualTo(ReorderBuffer.Outcome.DUPLICATE);
    buffer.offerResult(0, "r0", 0);
    assertThat(drained(0)).containsExactly(0L);
    assertThat(buffer.offerResult(0, "late copy", 0)).isEqualTo(ReorderBuffer.Outcome.DUPLICATE);
    assertThat(buffer.offerFrame(0, "replayed", 0)).isEqualTo(ReorderBuffer.Outcome.DUPLICATE);
    assertThat(buffer.duplicates()).isEqualTo(3);
  }

  @Test
  void resultsOlderThanTheFirstFrameAreDuplicatesOfWorkAlreadyDone() {
    buffer.offerResult(3, "r3", 0);
    buffer.offerResult(5, "r5", 0);
    buffer.offerFrame(5, "f5", 0);
    assertThat(drained(0)).containsExactly(5L);
    assertThat(buffer.duplicates()).isEqualTo(1);
    assertThat(discarded).containsExactly("r3");
  }

  @Test
  void givesUpOnAGapAfterTheTimeoutAndCountsIt() {
    buffer.offerFrame(0, "f0", 0);
    buffer.offerFrame(1, "f1", 0);
    buffer.offerFrame(2, "f2", 0);
    buffer.offerResult(0, "r0", 0);
    buffer.offerResult(2, "r2", 0);
    assertThat(drained(500)).containsExactly(0L);
    assertThat(drained(1_499)).isEmpty();
    assertThat(drained(1_500)).containsExactly(2L);
    assertThat(buffer.gaps()).isEqualTo(1);
    assertThat(discarded).containsExactly("f1");
  }

  @Test
  void jumpsOverAWholeRunOfMissingSequenceNumbers() {
    buffer.offerFrame(0, "f0", 0);
    buffer.offerResult(0, "r0", 0);
    drained(0);
    buffer.offerFrame(5, "f5", 10);
    buffer.offerResult(5, "r5", 10);
    assertThat(drained(100)).isEmpty();
    assertThat(drained(1_099)).isEmpty();
    assertThat(drained(1_100)).containsExactly(5L);
    assertThat(buffer.gaps()).isEqualTo(4);
  }

  @Test
  void waitsForASlowWorkerWithoutCountingGaps() {
    for (long s = 0; s < 4; s++) {
      buffer.offerFrame(s, "f" + s, 0);
    }
    assertThat(drained(60_000)).isEmpty();
    buffer.offerResult(0, "r0", 60_000);
    buffer.offerResult(1, "r1", 60_000);
    assertThat(drained(120_000)).containsExactly(0L, 1L);
    assertThat(buffer.gaps()).isZero();
  }

  @Test
  void boundsMemoryByGivingUpEarlyWhenFull() {
    ReorderBuffer<String, String> small = new ReorderBuffer<>(60_000, 4, discarded::add, discarded::add);
    small.offerFrame(0, "f0", 0);
    for (long s = 1; s <= 3; s++) {
      small.offerFrame(s, "f" + s, 0);
      small.offerResult(s, "r" + s, 0);
    }
    assertThat(small.drain(1).stream().map(ReorderBuffer.Pair::sequence).toList()).containsExactly(1L, 2L, 3L);
    assertThat(small.gaps()).isEqualTo(1);
  }
}
