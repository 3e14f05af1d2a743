package io.robovision.sink.analytics;

import io.robovision.schemas.Detection;
import io.robovision.schemas.DetectionRow;
import io.robovision.schemas.SegmentResult;
import java.util.List;

/** One {@link DetectionRow} per detection of a recorded frame: YOLOv5's pandas columns plus the frame's identity. */
public final class DetectionRows {
  public List<DetectionRow> rows(SegmentResult result) {
    return result.getDetections().stream().map(detection -> row(result, detection)).toList();
  }

  private static DetectionRow row(SegmentResult result, Detection detection) {
    return DetectionRow.newBuilder()
        .setCameraId(result.getCameraId())
        .setSequence(result.getSequence())
        .setCaptureTime(result.getCaptureTime())
        .setXmin(detection.getXmin())
        .setYmin(detection.getYmin())
        .setXmax(detection.getXmax())
        .setYmax(detection.getYmax())
        .setConfidence(detection.getConfidence())
        .setClass$(detection.getClass$())
        .setName(detection.getName())
        .build();
  }
}
