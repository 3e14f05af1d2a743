package io.robovision.demo;

import io.robovision.capture.CaptureStats;
import io.robovision.sink.SinkStats;
import io.robovision.worker.WorkerStats;
import java.util.List;

/** The counters of every component of a running pipeline, read together. */
public record PipelineMeters(List<CaptureStats> captures, WorkerStats worker, SinkStats sink) {
  public long grabbed() {
    return captures.stream().mapToLong(CaptureStats::grabbedCount).sum();
  }

  public long published() {
    return captures.stream().mapToLong(CaptureStats::publishedCount).sum();
  }

  public long dropped() {
    return captures.stream().mapToLong(CaptureStats::droppedCount).sum();
  }

  public long throttled() {
    return captures.stream().mapToLong(CaptureStats::throttledCount).sum();
  }

  public long publishFailed() {
    return captures.stream().mapToLong(CaptureStats::failedCount).sum();
  }

  /** Frames the sink has recorded or given up on. */
  public long settled() {
    return sink.recordedCount() + sink.gapCount();
  }
}
