package io.robovision.sink.reorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.robovision.sink.reorder.ReorderBuffer.Gap;
import io.robovision.sink.reorder.ReorderBuffer.Outcome;
import io.robovision.sink.reorder.ReorderBuffer.Pair;
import io.robovision.sink.reorder.ReorderBuffer.Released;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReorderBufferTest {
  private final List<String> stale = new ArrayList<>();
  private final ReorderBuffer<String, String> buffer = new ReorderBuffer<>(1_000, 100, stale::add);

  /** Sequence numbers released, a gap of n numbers written as "gap:first+n". */
  private List<String> drained(long now) {
    return describe(buffer.drain(now));
  }

  private static List<String> describe(List<Released<String, String>> released) {
    return released.stream().map(r -> r instanceof Gap<String, String> gap
        ? "gap:" + gap.sequence() + "+" + gap.count() : Long.toString(r.sequence())).toList();
  }

  @Test
  void releasesPairsInSequenceOrderWhateverTheArrivalOrder() {
    for (long s : new long[] {10, 11, 12, 13, 14}) {
      buffer.offerFrame(s, "f" + s);
    }
    buffer.offerResult(12, "r12");
    buffer.offerResult(11, "r11");
    assertThat(drained(0)).isEmpty();
    buffer.offerResult(10, "r10");
    buffer.offerResult(14, "r14");
    assertThat(drained(0)).containsExactly("10", "11", "12");
    buffer.offerResult(13, "r13");
    List<Released<String, String>> pairs = buffer.drain(0);
    assertThat(pairs).map(r -> ((Pair<String, String>) r).frame()).containsExactly("f13", "f14");
    assertThat(pairs).map(r -> ((Pair<String, String>) r).result()).containsExactly("r13", "r14");
    assertThat(buffer.pending()).isZero();
    assertThat(buffer.gaps()).isZero();
    assertThat(buffer.duplicates()).isZero();
  }

  @Test
  void resultsMayArriveLongBeforeTheirFramesInAnyOrder() {
    buffer.offerResult(3, "r3");
    buffer.offerResult(1, "r1");
    buffer.offerFrame(1, "f1");
    buffer.offerResult(2, "r2");
    assertThat(drained(0)).containsExactly("1");
    buffer.offerFrame(2, "f2");
    buffer.offerFrame(3, "f3");
    assertThat(drained(0)).containsExactly("2", "3");
    assertThat(stale).isEmpty();
  }

  @Test
  void dropsAndCountsDuplicatedFramesAndResults() {
    buffer.offerFrame(0, "f0");
    assertThat(buffer.offerFrame(0, "again")).isEqualTo(Outcome.DUPLICATE);
    buffer.offerResult(1, "r1");
    assertThat(buffer.offerResult(1, "r1 from a second worker")).isEqualTo(Outcome.DUPLICATE);
    buffer.offerResult(0, "r0");
    buffer.offerFrame(1, "f1");
    List<Released<String, String>> released = buffer.drain(0);
    assertThat(describe(released)).containsExactly("0", "1");
    assertThat(released).map(r -> ((Pair<String, String>) r).frame()).containsExactly("f0", "f1");
    assertThat(released).map(r -> ((Pair<String, String>) r).result()).containsExactly("r0", "r1");
    assertThat(buffer.offerResult(0, "late copy")).isEqualTo(Outcome.DUPLICATE);
    assertThat(buffer.offerFrame(1, "replayed")).isEqualTo(Outcome.DUPLICATE);
    assertThat(buffer.duplicates()).isEqualTo(4);
    assertThat(buffer.pending()).isZero();
    assertThat(drained(0)).isEmpty();
  }

  @Test
  void resultsOlderThanTheFirstFrameAreDuplicatesOfWorkAlreadyDone() {
    buffer.offerResult(3, "r3");
    buffer.offerResult(5, "r5");
    buffer.offerFrame(5, "f5");
    assertThat(drained(0)).containsExactly("5");
    assertThat(buffer.duplicates()).isEqualTo(1);
    assertThat(stale).containsExactly("r3");
  }

  @Test
  void givesUpOnAMissingResultAfterTheTimeoutAndHandsOverTheFrameThatCame() {
    buffer.offerFrame(0, "f0");
    buffer.offerFrame(1, "f1");
    buffer.offerFrame(2, "f2");
    buffer.offerResult(0, "r0");
    buffer.offerResult(2, "r2");
    assertThat(drained(500)).containsExactly("0");
    assertThat(drained(1_499)).isEmpty();
    List<Released<String, String>> released = buffer.drain(1_500);
    assertThat(describe(released)).containsExactly("gap:1+1", "2");
    Gap<String, String> gap = (Gap<String, String>) released.get(0);
    assertThat(gap.frame()).isEqualTo("f1");
    assertThat(gap.result()).isNull();
    assertThat(buffer.gaps()).isEqualTo(1);
    assertThat(buffer.pending()).isZero();
  }

  @Test
  void givesUpOnAMissingFrameAndHandsOverTheResultThatCame() {
    buffer.offerFrame(0, "f0");
    buffer.offerResult(0, "r0");
    buffer.offerResult(1, "r1");
    buffer.offerFrame(2, "f2");
    buffer.offerResult(2, "r2");
    assertThat(drained(0)).containsExactly("0");
    List<Released<String, String>> released = buffer.drain(1_000);
    assertThat(describe(released)).containsExactly("gap:1+1", "2");
    Gap<String, String> gap = (Gap<String, String>) released.get(0);
    assertThat(gap.frame()).isNull();
    assertThat(gap.result()).isEqualTo("r1");
  }

  @Test
  void aLateArrivalWithinTheTimeoutFillsTheGap() {
    buffer.offerFrame(0, "f0");
    buffer.offerResult(0, "r0");
    buffer.offerFrame(2, "f2");
    buffer.offerResult(2, "r2");
    assertThat(drained(100)).containsExactly("0");
    assertThat(drained(900)).isEmpty();
    buffer.offerFrame(1, "f1");
    buffer.offerResult(1, "r1");
    assertThat(drained(950)).containsExactly("1", "2");
    assertThat(buffer.gaps()).isZero();
  }

  @Test
  void releasesAWholeRunOfMissingSequenceNumbersAsOneGap() {
    buffer.offerFrame(0, "f0");
    buffer.offerResult(0, "r0");
    drained(0);
    buffer.offerFrame(5, "f5");
    buffer.offerResult(5, "r5");
    assertThat(drained(100)).isEmpty();
    assertThat(drained(1_099)).isEmpty();
    List<Released<String, String>> released = buffer.drain(1_100);
    assertThat(describe(released)).containsExactly("gap:1+4", "5");
    Gap<String, String> gap = (Gap<String, String>) released.get(0);
    assertThat(gap.frame()).isNull();
    assertThat(gap.result()).isNull();
    assertThat(buffer.gaps()).isEqualTo(4);
    assertThat(buffer.nextSequence()).isEqualTo(6);
  }

  @Test
  void aMissingNumberFollowedByHalfPairsIsGivenUpOneAtATime() {
    buffer.offerFrame(0, "f0");
    buffer.offerResult(0, "r0");
    buffer.offerFrame(2, "f2");
    buffer.offerFrame(3, "f3");
    buffer.offerResult(3, "r3");
    assertThat(drained(0)).containsExactly("0");
    assertThat(drained(1_000)).containsExactly("gap:1+1");
    // Number 2 has its frame and waits for its result, again no longer than the timeout.
    assertThat(drained(1_999)).isEmpty();
    assertThat(drained(2_000)).containsExactly("gap:2+1", "3");
    assertThat(buffer.gaps()).isEqualTo(2);
  }

  @Test
  void waitsForASlowWorkerWithoutCountingGaps() {
    for (long s = 0; s < 4; s++) {
      buffer.offerFrame(s, "f" + s);
    }
    assertThat(drained(60_000)).isEmpty();
    buffer.offerResult(0, "r0");
    buffer.offerResult(1, "r1");
    assertThat(drained(120_000)).containsExactly("0", "1");
    assertThat(buffer.gaps()).isZero();
  }

  @Test
  void boundsMemoryByGivingUpEarlyWhenFull() {
    ReorderBuffer<String, String> small = new ReorderBuffer<>(60_000, 4, stale::add);
    small.offerFrame(0, "f0");
    for (long s = 1; s <= 3; s++) {
      small.offerFrame(s, "f" + s);
      small.offerResult(s, "r" + s);
    }
    assertThat(describe(small.drain(1))).containsExactly("gap:0+1", "1", "2", "3");
    assertThat(small.gaps()).isEqualTo(1);
    assertThat(small.pending()).isZero();
  }
}
