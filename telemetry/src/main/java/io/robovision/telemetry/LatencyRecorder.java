package io.robovision.telemetry;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** A latency distribution over a whole run, safe to record from several threads and read from a progress thread. */
public final class LatencyRecorder {
  private final Recorder recorder = new Recorder(3);
  private final Histogram total = new Histogram(3);

  public void record(long millis) {
    recorder.recordValue(Math.max(0, millis));
  }

  /** Everything recorded so far. */
  public synchronized Histogram snapshot() {
    total.add(recorder.getIntervalHistogram());
    return total.copy();
  }
}
