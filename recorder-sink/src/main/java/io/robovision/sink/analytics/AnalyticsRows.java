package io.robovision.sink.analytics;

import io.robovision.schemas.AnalyticsRow;
import io.robovision.schemas.ClassCoverage;
import io.robovision.schemas.Detection;
import io.robovision.schemas.Instance;
import io.robovision.schemas.SegmentResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the per-frame analytics row from a recorded frame's result. */
public final class AnalyticsRows {
  public AnalyticsRow row(SegmentResult result, Instant recorded) {
    Map<String, Float> coverage = new LinkedHashMap<>();
    for (ClassCoverage entry : result.getCoverage()) {
      coverage.put(entry.getName(), entry.getFraction());
    }
    Map<String, Integer> detections = new LinkedHashMap<>();
    for (Detection detection : result.getDetections()) {
      detections.merge(detection.getName(), 1, Integer::sum);
    }
    Map<String, Integer> instances = new LinkedHashMap<>();
    for (Instance instance : result.getInstances()) {
      instances.merge(instance.getName(), 1, Integer::sum);
    }
    return AnalyticsRow.newBuilder()
        .setCameraId(result.getCameraId())
        .setSequence(result.getSequence())
        .setCaptureTime(result.getCaptureTime())
        .setRecordTime(recorded)
        .setLatencyMs(recorded.toEpochMilli() - result.getCaptureTime().toEpochMilli())
        .setStatus(result.getStatus())
        .setCoverage(coverage)
        .setDetections(detections)
        .setInstances(instances)
        .build();
  }
}
