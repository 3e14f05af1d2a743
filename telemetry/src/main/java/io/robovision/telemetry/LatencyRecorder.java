package io.robovision.telemetry;

import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A latency recorded twice: exactly over the whole run, for summaries, and on a Micrometer timer, for /metrics and
 * live progress. Safe to record from several threads and read from a progress thread.
 */
public final class LatencyRecorder {
  private final Recorder recorder = new Recorder(3);
  private final Histogram total = new Histogram(3);
  private final Timer timer;

  /** {@code timer}: e.g. {@link Telemetry#latency}; negative latencies (a clock step back) count as 0 in both. */
  public LatencyRecorder(Timer timer) {
    this.timer = timer;
  }

  public void record(long millis) {
    long latency = Math.max(0, millis);
    recorder.recordValue(latency);
    timer.record(latency, TimeUnit.MILLISECONDS);
  }

  /** Everything recorded so far. */
  public synchronized Histogram snapshot() {
    total.add(recorder.getIntervalHistogram());
    return total.copy();
  }

  /** The live timer: recent percentiles, as Prometheus sees them. */
  public Timer timer() {
    return timer;
  }
}
