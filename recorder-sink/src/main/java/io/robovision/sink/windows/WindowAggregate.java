package io.robovision.sink.windows;

import io.robovision.schemas.AnalyticsRow;
import io.robovision.schemas.SegmentStatus;
import io.robovision.schemas.WindowRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds analytics rows into a window's running sums and turns the sums into a {@link WindowRow}.
 * Means are over the frames that were segmented (status OK): skipped, dropped and failed frames
 * have no mask, so they are counted but do not pull the means towards zero. The p95 latency is
 * the nearest-rank percentile over every frame except dropped ones, which never reached a worker.
 */
public final class WindowAggregate {
  private static final double PERCENTILE = 0.95;

  private WindowAggregate() {
  }

  public static WindowState empty() {
    return new WindowState(0L, 0L, new HashMap<>(), new HashMap<>(), new HashMap<>(), new ArrayList<>(), 0L, 0L, 0L);
  }

  /** Adds one frame's row; returns the same (mutated) state, as Kafka Streams' aggregator expects. */
  public static WindowState add(WindowState state, AnalyticsRow row) {
    state.setFrames(state.getFrames() + 1);
    switch (row.getStatus()) {
      case OK -> {
        state.setSegmented(state.getSegmented() + 1);
        row.getCoverage().forEach((name, fraction) -> state.getCoverageSum().merge(name, (double) fraction, Double::sum));
        row.getInstances().forEach((name, count) -> {
          state.getCountSum().merge(name, (long) count, Long::sum);
          state.getCountMax().merge(name, count, Math::max);
        });
      }
      case SKIPPED -> state.setSkipped(state.getSkipped() + 1);
      case DROPPED -> state.setDropped(state.getDropped() + 1);
      case FAILED -> state.setFailed(state.getFailed() + 1);
    }
    if (row.getStatus() != SegmentStatus.DROPPED) {
      state.getLatenciesMs().add(row.getLatencyMs());
    }
    return state;
  }

  public static WindowRow row(String camera, Instant start, Instant end, WindowState state) {
    long segmented = state.getSegmented();
    Map<String, Double> meanCoverage = new LinkedHashMap<>();
    Map<String, Double> meanCount = new LinkedHashMap<>();
    if (segmented > 0) {
      state.getCoverageSum().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> meanCoverage.put(e.getKey(), e.getValue() / segmented));
      state.getCountSum().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> meanCount.put(e.getKey(), (double) e.getValue() / segmented));
    }
    return WindowRow.newBuilder()
        .setCameraId(camera)
        .setWindowStart(start)
        .setWindowEnd(end)
        .setFrames(state.getFrames())
        .setMeanCoverage(meanCoverage)
        .setMeanCount(meanCount)
        .setMaxCount(new LinkedHashMap<>(new TreeMap<>(state.getCountMax())))
        .setLatencyP95Ms(p95(state.getLatenciesMs()))
        .setSkipped(state.getSkipped())
        .setDropped(state.getDropped())
        .setFailed(state.getFailed())
        .build();
  }

  /** Nearest rank: the smallest value with at least 95 % of the values at or below it; NaN for none. */
  static double p95(List<Long> latencies) {
    if (latencies.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(latencies);
    sorted.sort(null);
    int rank = (int) Math.ceil(PERCENTILE * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
