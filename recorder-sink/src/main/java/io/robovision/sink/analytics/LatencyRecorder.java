package io.robovision.sink.analytics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** End-to-end latency distribution, safe to record from the sink and read from a progress thread. */
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
