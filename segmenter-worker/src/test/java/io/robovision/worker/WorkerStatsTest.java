package io.robovision.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.robovision.schemas.Instance;
import io.robovision.schemas.StageTimings;
import io.robovision.telemetry.Telemetry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerStatsTest {
  private final Telemetry telemetry = new Telemetry();
  private final WorkerStats stats = new WorkerStats(telemetry);

  @Test
  void batchesSkipsAndInstancesAreMetersOnMetrics() {
    stats.batch(4);
    stats.batch(2);
    for (int i = 0; i < 6; i++) {
      stats.segmented(50_000_000);
    }
    stats.skipped();
    stats.instances(List.of(instance("person"), instance("person"), instance("car")));
    stats.inFlight(7);

    assertThat(stats.batchCount()).isEqualTo(2);
    assertThat(stats.meanBatchSize()).isEqualTo(3.0);
    assertThat(stats.meanInferenceMillis()).isCloseTo(50.0, within(1e-6));
    assertThat(stats.instanceCounts()).isEqualTo(Map.of("car", 1L, "person", 2L));
    assertThat(stats.instanceCount()).isEqualTo(3);
    assertThat(telemetry.scrape()).contains(
        "vision_worker_batch_size_frames_count 2",
        "vision_worker_batch_size_frames_sum 6.0",
        "vision_worker_batch_size_frames_bucket{le=\"2.0\"} 1",
        "vision_worker_model_busy_seconds_total 0.3",
        "vision_worker_frames_skipped_total 1.0",
        "vision_worker_instances_total{class=\"person\"} 2.0",
        "vision_worker_inflight_records 7.0");
  }

  @Test
  void eachStageOfAResultIsTimedAndStagesThatDidNotRunAreLeftOut() {
    stats.stages(StageTimings.newBuilder().setQueueMs(30).setDecodeMs(2).setInferenceMs(120).setDetectionMs(0)
        .setEncodeMs(3).build());

    String scraped = telemetry.scrape();
    assertThat(scraped).contains("vision_worker_stage_seconds_count{stage=\"inference\"} 1",
        "vision_worker_stage_seconds_count{stage=\"queue\"} 1", "vision_worker_stage_seconds_count{stage=\"detection\"} 0");
  }

  @Test
  void everyResultsLatencyIsKeptForTheRunAndTimedOnMetrics() {
    for (long millis : new long[] {40, 60, 1_000, -5}) {
      stats.answered(millis);
    }
    var latency = stats.resultLatency().snapshot();
    assertThat(latency.getTotalCount()).isEqualTo(4);
    assertThat(latency.getMaxValue()).isEqualTo(1_000);
    assertThat(latency.getMinValue()).as("a clock step back counts as 0").isZero();
    assertThat(telemetry.scrape()).contains("vision_worker_latency_seconds_count 4",
        "vision_worker_latency_seconds_max 1.0");
  }

  private static Instance instance(String name) {
    return Instance.newBuilder().setClass$(1).setName(name).setArea(10).setXmin(0).setYmin(0).setXmax(3).setYmax(3)
        .build();
  }
}
