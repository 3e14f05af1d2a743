package io.robovision.worker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrameSchedulerTest {
  private static final long NOW = 1_000_000;

  private final AtomicLong nanos = new AtomicLong();
  private final AtomicLong wall = new AtomicLong(NOW);
  private final ExecutorService taker = Executors.newSingleThreadExecutor();

  record Frame(String camera, long sequence, long captureMillis, int width, int height)
      implements FrameScheduler.Item {
  }

  @AfterEach
  void stop() {
    taker.shutdownNow();
  }

  private FrameScheduler<Frame> scheduler(int batch, long waitMs, long maxAgeMs) {
    return new FrameScheduler<>(batch, waitMs, maxAgeMs, nanos::get, wall::get);
  }

  private static Frame frame(String camera, long sequence, long ageMs) {
    return new Frame(camera, sequence, NOW - ageMs, 320, 240);
  }

  @Test
  void aFullBatchGoesAtOnceOldestFirst() throws Exception {
    FrameScheduler<Frame> scheduler = scheduler(3, 60_000, 0);
    List<Frame> frames = List.of(frame("a", 0, 0), frame("b", 0, 0), frame("a", 1, 0), frame("b", 1, 0));
    frames.forEach(scheduler::add);
    FrameScheduler.Selection<Frame> selection = scheduler.take();
    assertThat(selection.batch()).containsExactly(frames.get(0), frames.get(1), frames.get(2));
    assertThat(selection.skipped()).isEmpty();
    assertThat(scheduler.size()).isEqualTo(1);
  }

  @Test
  void aPartialBatchGoesOnceItsOldestFrameHasWaitedLongEnough() throws Exception {
    FrameScheduler<Frame> scheduler = scheduler(4, 10, 0);
    scheduler.add(frame("a", 0, 0));
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
    assertThat(scheduler.take().batch()).extracting(Frame::sequence).containsExactly(0L);
  }

  @Test
  void aPartialBatchWaitsForBatchMatesWhileTheWaitLasts() throws Exception {
    FrameScheduler<Frame> scheduler = scheduler(2, 60_000, 0);
    scheduler.add(frame("a", 0, 0));
    Future<FrameScheduler.Selection<Frame>> taken = taker.submit(scheduler::take);
    scheduler.add(frame("b", 0, 0));
    assertThat(taken.get(30, TimeUnit.SECONDS).batch()).extracting(Frame::camera).containsExactly("a", "b");
  }

  @Test
  void withoutWaitingWhateverIsThereGoes() throws Exception {
    FrameScheduler<Frame> scheduler = scheduler(8, 0, 0);
    scheduler.add(frame("a", 0, 0));
    scheduler.add(frame("a", 1, 0));
    assertThat(scheduler.take().batch()).hasSize(2);
  }

  @Test
  void aBatchHoldsFramesOfOneSizeOnly() throws Exception {
    FrameScheduler<Frame> scheduler = scheduler(4, 0, 0);
    Frame small = new Frame("a", 0, NOW, 320, 240);
    Frame large = new Frame("b", 0, NOW, 640, 480);
    Frame small2 = new Frame("a", 1, NOW, 320, 240);
    List.of(small, large, small2).forEach(scheduler::add);
    assertThat(scheduler.take().batch()).containsExactly(small, small2);
    assertThat(scheduler.take().batch()).containsExactly(large);
  }

  @Test
  void aFrameOfACameraThatFellBehindSkipsItsOlderFramesAtOnce() throws Exception {
    FrameScheduler<Frame> scheduler = scheduler(4, 0, 1_000);
    Frame a0 = frame("a", 0, 900);
    Frame a1 = frame("a", 1, 600);
    Frame b0 = frame("b", 0, 900);
    assertThat(List.of(a0, a1, b0)).allSatisfy(frame -> assertThat(scheduler.add(frame)).isEmpty());
    wall.addAndGet(200);
    Frame a2 = frame("a", 2, 0);
    assertThat(scheduler.add(a2)).containsExactly(a0, a1);
    FrameScheduler.Selection<Frame> selection = scheduler.take();
    assertThat(selection.skipped()).isEmpty();
    assertThat(selection.batch()).containsExactly(b0, a2);
  }

  @Test
  void framesThatAgeWhileWaitingAreSkippedWhenAPredictorTakes() throws Exception {
    FrameScheduler<Frame> scheduler = scheduler(8, 60_000, 1_000);
    assertThat(scheduler.add(frame("a", 0, 900))).isEmpty();
    assertThat(scheduler.add(frame("a", 1, 100))).isEmpty();
    wall.addAndGet(200);
    FrameScheduler.Selection<Frame> selection = scheduler.take();
    assertThat(selection.skipped()).extracting(Frame::sequence).containsExactly(0L);
    assertThat(selection.batch()).extracting(Frame::sequence).containsExactly(1L);
  }

  @Test
  void theNewestFrameOfACameraIsSegmentedHoweverOldItIs() throws Exception {
    FrameScheduler<Frame> scheduler = scheduler(4, 0, 1_000);
    Frame old = frame("a", 7, 60_000);
    Frame other = frame("b", 3, 50_000);
    assertThat(scheduler.add(old)).isEmpty();
    assertThat(scheduler.add(other)).isEmpty();
    FrameScheduler.Selection<Frame> selection = scheduler.take();
    assertThat(selection.skipped()).isEmpty();
    assertThat(selection.batch()).containsExactly(old, other);
  }

  @Test
  void newestMeansHighestSequenceEvenWhenFramesArriveOutOfOrder() throws Exception {
    FrameScheduler<Frame> scheduler = scheduler(4, 0, 1_000);
    Frame newer = frame("a", 5, 1_200);
    Frame older = frame("a", 4, 1_300);
    assertThat(scheduler.add(newer)).isEmpty();
    assertThat(scheduler.add(older)).containsExactly(older);
    assertThat(scheduler.take().batch()).containsExactly(newer);
  }

  @Test
  void withTheAgeOffNothingIsSkipped() throws Exception {
    FrameScheduler<Frame> scheduler = scheduler(8, 0, 0);
    List.of(frame("a", 0, 60_000), frame("a", 1, 30_000), frame("a", 2, 0))
        .forEach(frame -> assertThat(scheduler.add(frame)).isEmpty());
    FrameScheduler.Selection<Frame> selection = scheduler.take();
    assertThat(selection.skipped()).isEmpty();
    assertThat(selection.batch()).hasSize(3);
  }

  @Test
  void closingWakesTakersAndHandsBackWhatWaits() throws Exception {
    FrameScheduler<Frame> scheduler = scheduler(2, 60_000, 0);
    Future<FrameScheduler.Selection<Frame>> taken = taker.submit(scheduler::take);
    Frame waiting = frame("a", 0, 0);
    scheduler.add(waiting);
    List<Frame> left = scheduler.close();
    assertThat(taken.get(30, TimeUnit.SECONDS)).isNull();
    assertThat(left).containsExactly(waiting);
    assertThatThrownBy(() -> scheduler.add(frame("a", 1, 0))).isInstanceOf(RejectedExecutionException.class);
  }
}
