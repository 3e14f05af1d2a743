package io.robovision.demo;

import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One line of live progress, read from the same Micrometer meters that /metrics serves: rates per
 * stage since the previous line, lag, and the recent end-to-end latency percentiles.
 */
public final class ProgressLine {
  private final PipelineMeters meters;
  private final long startNanos = System.nanoTime();
  private long lastNanos = startNanos;
  private long lastPublished;
  private long lastSegmented;
  private long lastRecorded;

  public ProgressLine(PipelineMeters meters) {
    this.meters = meters;
  }

  public String next() {
    long now = System.nanoTime();
    double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
    long published = meters.published();
    long segmented = meters.worker().segmentedCount();
    long recorded = meters.sink().recordedCount();
    HistogramSnapshot latency = meters.sink().latency().timer().takeSnapshot();
    String line = String.format(Locale.ROOT,
        "[%5.1fs] captured %d (%.1f/s) | segmented %d (%.1f/s, %.0f ms/frame, batch %.1f, lag %d, skipped %d,"
            + " %.1f instances/frame) | recorded %d (%.1f/s) | latency p50 %d ms p95 %d ms | dropped %d dead-lettered %d",
        (now - startNanos) / 1e9, published, (published - lastPublished) / seconds,
        segmented, (segmented - lastSegmented) / seconds, meters.worker().meanInferenceMillis(),
        meters.worker().meanBatchSize(), meters.worker().lagRecords(), meters.worker().skippedCount(),
        segmented == 0 ? 0.0 : (double) meters.worker().instanceCount() / segmented, recorded, (recorded - lastRecorded) / seconds,
        percentileMillis(latency, 0.5), percentileMillis(latency, 0.95),
        meters.dropped(), meters.worker().deadLetteredCount());
    lastNanos = now;
    lastPublished = published;
    lastSegmented = segmented;
    lastRecorded = recorded;
    return line;
  }

  private static long percentileMillis(HistogramSnapshot snapshot, double percentile) {
    for (ValueAtPercentile value : snapshot.percentileValues()) {
      if (value.percentile() == percentile) {
        return Math.round(value.value(TimeUnit.MILLISECONDS));
      }
    }
    return 0;
  }
}
