package io.robovision.sink.reorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
  private final TopicPartition frames = new TopicPartition("frames", 0);
  private final TopicPartition results = new TopicPartition("results", 0);

  @Test
  void neverCommitsPastARecordStillHeld() {
    OffsetTracker tracker = new OffsetTracker();
    for (long o = 0; o < 5; o++) {
      tracker.consumed(frames, o);
    }
    tracker.consumed(results, 7);
    tracker.done(frames, 0);
    tracker.done(frames, 2);
    tracker.done(frames, 3);
    assertThat(tracker.committable().get(frames).offset()).isEqualTo(1);
    assertThat(tracker.committable().get(results).offset()).isEqualTo(7);
    tracker.done(frames, 1);
    tracker.done(frames, 4);
    tracker.done(results, 7);
    assertThat(tracker.committable().get(frames).offset()).isEqualTo(5);
    assertThat(tracker.committable().get(results).offset()).isEqualTo(8);
    tracker.revoked(List.of(frames));
    assertThat(tracker.committable()).containsOnlyKeys(results);
  }

  @Test
  void recordsWrittenIntoASegmentAreHeldUntilThatSegmentCloses() {
    OffsetTracker tracker = new OffsetTracker();
    for (long o = 0; o < 6; o++) {
      tracker.consumed(frames, o);
    }
    tracker.holdUntilClosed("a.mp4", new Held<>("f0", frames, 0));
    tracker.holdUntilClosed("a.mp4", new Held<>("f1", frames, 1));
    tracker.holdUntilClosed("b.mp4", new Held<>("f2", frames, 2));
    tracker.done(frames, 3);
    assertThat(tracker.committable().get(frames).offset()).isZero();

    tracker.segmentClosed("b.mp4");
    assertThat(tracker.committable().get(frames).offset()).isZero();
    tracker.segmentClosed("a.mp4");
    assertThat(tracker.committable().get(frames).offset()).isEqualTo(4);
    tracker.segmentClosed("a.mp4");
    assertThat(tracker.committable().get(frames).offset()).isEqualTo(4);
  }
}
