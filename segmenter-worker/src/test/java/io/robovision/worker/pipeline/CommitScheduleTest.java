package io.robovision.worker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitScheduleTest {
  private static final long MS = 1_000_000;

  @Test
  void commitsAtMostOncePerInterval() {
    CommitSchedule schedule = new CommitSchedule(200);
    assertThat(schedule.due(5_000 * MS)).isTrue();
    assertThat(schedule.due(5_050 * MS)).isFalse();
    assertThat(schedule.due(5_199 * MS)).isFalse();
    assertThat(schedule.due(5_200 * MS)).isTrue();
    assertThat(schedule.due(5_250 * MS)).isFalse();
    assertThat(schedule.due(6_000 * MS)).isTrue();
  }

  @Test
  void polledEvery50MsOverASecondItCommitsFiveTimes() {
    CommitSchedule schedule = new CommitSchedule(200);
    int commits = 0;
    for (long t = 0; t < 1_000 * MS; t += 50 * MS) {
      if (schedule.due(t)) {
        commits++;
      }
    }
    assertThat(commits).isEqualTo(5);
  }

  @Test
  void anIntervalOfZeroCommitsAfterEveryPoll() {
    CommitSchedule schedule = new CommitSchedule(0);
    assertThat(schedule.due(0)).isTrue();
    assertThat(schedule.due(0)).isTrue();
    assertThat(schedule.due(MS)).isTrue();
  }
}
