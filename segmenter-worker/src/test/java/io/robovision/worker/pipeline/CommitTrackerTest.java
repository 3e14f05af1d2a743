package io.robovision.worker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommitTrackerTest {
  private static final TopicPartition P0 = new TopicPartition("vision.frames", 0);
  private static final TopicPartition P1 = new TopicPartition("vision.frames", 1);

  @Test
  void commitsNeverPassAnUnfinishedRecord() {
    PartitionProgress progress = new PartitionProgress();
    assertThat(progress.committable()).isEmpty();
    for (long offset = 10; offset < 14; offset++) {
      progress.started(offset);
    }
    assertThat(progress.committable()).hasValue(10);
    progress.finished(12);
    progress.finished(11);
    assertThat(progress.committable()).hasValue(10);
    progress.finished(10);
    assertThat(progress.committable()).hasValue(13);
    progress.finished(13);
    assertThat(progress.committable()).hasValue(14);
  }

  @Test
  void handsOutOnlyOffsetsThatMovedPerPartition() {
    CommitTracker tracker = new CommitTracker();
    PartitionProgress p0 = tracker.started(P0, 0);
    tracker.started(P0, 1);
    PartitionProgress p1 = tracker.started(P1, 5);
    assertThat(tracker.changed()).containsOnly(Map.entry(P0, new OffsetAndMetadata(0)),
        Map.entry(P1, new OffsetAndMetadata(5)));
    assertThat(tracker.changed()).isEmpty();
    p0.finished(1);
    assertThat(tracker.changed()).isEmpty();
    p0.finished(0);
    p1.finished(5);
    assertThat(tracker.changed()).containsOnly(Map.entry(P0, new OffsetAndMetadata(2)),
        Map.entry(P1, new OffsetAndMetadata(6)));
    assertThat(tracker.committable(List.of(P0))).containsOnly(Map.entry(P0, new OffsetAndMetadata(2)));
  }

  @Test
  void rewindsToTheOldestUnfinishedRecordAndForgetsLateResults() {
    CommitTracker tracker = new CommitTracker();
    PartitionProgress old = tracker.started(P0, 7);
    tracker.started(P0, 8).finished(8);
    assertThat(tracker.rewindPositions()).containsOnly(Map.entry(P0, 7L));
    tracker.forget(List.of(P0));
    assertThat(tracker.tracked()).isEmpty();
    PartitionProgress fresh = tracker.started(P0, 7);
    old.finished(7);
    assertThat(fresh.committable()).hasValue(7);
  }

  @Test
  void refusesOffsetsOutOfOrder() {
    PartitionProgress progress = new PartitionProgress();
    progress.started(5);
    assertThatThrownBy(() -> progress.started(4))
        .isInstanceOf(IllegalStateException.class);
  }
}
