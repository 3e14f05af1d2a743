package io.robovision.sink;

import io.robovision.schemas.SegmentResult;
import io.robovision.schemas.SegmentStatus;
import io.robovision.schemas.StageTimings;
import java.time.Instant;
import java.util.List;

/** The result recorded for a sequence number whose frame or result never arrived: status DROPPED, nothing measured. */
final class DroppedFrames {
  private static final StageTimings NOT_MEASURED = new StageTimings(0.0, 0.0, 0.0, 0.0, 0.0);

  SegmentResult result(String cameraId, long sequence, Instant captureTime) {
    return SegmentResult.newBuilder()
        .setCameraId(cameraId)
        .setSequence(sequence)
        .setCaptureTime(captureTime)
        .setStatus(SegmentStatus.DROPPED)
        .setMask(null)
        .setCoverage(List.of())
        .setDetections(List.of())
        .setInstances(List.of())
        .setModelId("")
        .setWorkerId("recorder-sink")
        .setTimings(NOT_MEASURED)
        .setError("frame or result did not arrive within " + SinkConfig.GAP_TIMEOUT_MS)
        .build();
  }
}
