package io.robovision.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.robovision.files.FileErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The end-of-run figures, as printed and as written to {@code summary.json}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DemoSummary(
    @JsonProperty("frames_captured") long framesCaptured,
    @JsonProperty("frames_published") long framesPublished,
    @JsonProperty("frames_dropped") long framesDropped,
    @JsonProperty("frames_segmented") long framesSegmented,
    @JsonProperty("frames_failed") long framesFailed,
    @JsonProperty("frames_skipped") long framesSkipped,
    @JsonProperty("frames_recorded") long framesRecorded,
    @JsonProperty("frames_deadlettered") long framesDeadLettered,
    @JsonProperty("frames_lost") long framesLost,
    @JsonProperty("duplicates") long duplicates,
    @JsonProperty("gaps") long gaps,
    @JsonProperty("latency_ms") Map<String, Long> latencyMs,
    @JsonProperty("result_latency_ms") Map<String, Long> resultLatencyMs,
    @JsonProperty("fps") double fps,
    @JsonProperty("miou") Double miou,
    @JsonProperty("iou") Map<String, Double> iou,
    @JsonProperty("seconds") double seconds,
    @JsonProperty("cameras") int cameras,
    @JsonProperty("model") String model,
    @JsonProperty("videos") Map<String, List<String>> videos,
    @JsonProperty("analytics_csv") String analyticsCsv,
    @JsonProperty("window_rows") Long windowRows,
    @JsonProperty("windows_topic") String windowsTopic,
    @JsonProperty("instances") Map<String, Long> instances) {

  /** Reads every counter once the pipeline has stopped. */
  public static DemoSummary of(PipelineMeters meters, double seconds, int cameras, String model,
      Map<String, List<Path>> videos, Path csv, Long windowRows, String windowsTopic) {
    Histogram latency = meters.sink().latency().snapshot();
    long recorded = meters.sink().recordedCount();
    long dead = meters.worker().deadLetteredCount();
    double miou = meters.sink().accuracy().meanIou();
    Map<String, List<String>> files = new java.util.TreeMap<>();
    videos.forEach((camera, segments) -> files.put(camera, segments.stream().map(Path::toString).toList()));
    return new DemoSummary(
        meters.grabbed(),
        meters.published(),
        meters.dropped(),
        meters.worker().segmentedCount(),
        meters.worker().failedCount(),
        meters.worker().skippedCount(),
        recorded,
        dead,
        Math.max(0, meters.grabbed() - meters.dropped() - meters.throttled() - recorded),
        meters.sink().duplicateCount(),
        meters.sink().gapCount(),
        latencies(latency),
        latencies(meters.worker().resultLatency().snapshot()),
        seconds > 0 ? Math.round(recorded / seconds * 100) / 100.0 : 0,
        Double.isNaN(miou) ? null : Math.round(miou * 10_000) / 10_000.0,
        Double.isNaN(miou) ? null : meters.sink().iouByClass(),
        Math.round(seconds * 10) / 10.0,
        cameras,
        model,
        files,
        csv.toString(),
        windowRows,
        windowRows == null ? null : windowsTopic,
        meters.worker().instanceCounts());
  }

  private static Map<String, Long> latencies(Histogram latency) {
    Map<String, Long> result = new java.util.LinkedHashMap<>();
    result.put("p50", latency.getValueAtPercentile(50));
    result.put("p95", latency.getValueAtPercentile(95));
    result.put("p99", latency.getValueAtPercentile(99));
    result.put("max", latency.getMaxValue());
    return result;
  }

  public void write(Path file) {
    try {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write '" + file + "': " + FileErrors.reason(e), e);
    }
  }

  /** The command's exit status: 4 when no camera delivered a frame, 3 when a frame was lost or duplicated, else 0. */
  public int exitStatus() {
    if (framesCaptured == 0) {
      return 4;
    }
    return framesLost == 0 && duplicates == 0 ? 0 : 3;
  }

  /** The summary as the terminal shows it. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%d camera(s), %.1f s, model %s%n", cameras, seconds, model));
    text.append(String.format(Locale.ROOT,
        "frames: captured %d, published %d, dropped %d, segmented %d, failed %d, skipped %d,%n"
            + "        recorded %d, dead-lettered %d, lost %d, duplicates %d, gaps %d%n",
        framesCaptured, framesPublished, framesDropped, framesSegmented, framesFailed, framesSkipped,
        framesRecorded, framesDeadLettered, framesLost, duplicates, gaps));
    if (framesCaptured == 0) {
      text.append(String.format(Locale.ROOT, "no frame was captured in %.1f s: the capture warnings above say why;"
          + " check --source%n", seconds));
    }
    // An empty histogram reads 0 ms, which would look like a very fast run.
    text.append(framesRecorded == 0 ? "latency: none, no frame was recorded\n" : String.format(Locale.ROOT,
        "latency: p50 %d ms, p95 %d ms, p99 %d ms; throughput %.2f frames/s%n",
        latencyMs.get("p50"), latencyMs.get("p95"), latencyMs.get("p99"), fps));
    if (framesSegmented + framesSkipped + framesFailed > 0) {
      text.append(String.format(Locale.ROOT, "worker latency (capture to result): p50 %d ms, p95 %d ms, p99 %d ms%n",
          resultLatencyMs.get("p50"), resultLatencyMs.get("p95"), resultLatencyMs.get("p99")));
    }
    if (!instances.isEmpty()) {
      text.append("instances (mask blobs, summed over the segmented frames): ");
      text.append(String.join(", ", instances.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
      text.append('\n');
    }
    if (miou != null) {
      text.append(String.format(Locale.ROOT, "segmentation mIoU against ground truth: %.4f (", miou));
      text.append(String.join(", ", iou.entrySet().stream()
          .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue())).toList()));
      text.append(")\n");
    }
    videos.forEach((camera, segments) -> text.append("video ").append(camera).append(": ")
        .append(segments.size() <= 2 ? String.join(", ", segments)
            : segments.size() + " segments, " + segments.get(0) + " ... " + segments.get(segments.size() - 1))
        .append('\n'));
    text.append("analytics: ").append(analyticsCsv).append('\n');
    if (windowRows != null) {
      text.append(String.format(Locale.ROOT, "analytics windows: %d rows in %s (windows still open at the end are"
          + " published once later frames close them)%n", windowRows, windowsTopic));
    }
    return text.toString();
  }
}
