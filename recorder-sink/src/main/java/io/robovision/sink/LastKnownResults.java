package io.robovision.sink;

import io.robovision.schemas.SegmentResult;
import io.robovision.schemas.SegmentStatus;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers each camera's last segmented result so that a SKIPPED one (the worker was overloaded
 * and sent no mask) is drawn with the mask and detections last seen instead of a bare frame.
 */
final class LastKnownResults {
  private final Map<String, SegmentResult> last = new HashMap<>();

  /** What to draw for {@code result}: itself, or for SKIPPED a copy carrying the last known mask and detections. */
  SegmentResult forDrawing(SegmentResult result) {
    if (result.getStatus() == SegmentStatus.OK && result.getMask() != null) {
      last.put(result.getCameraId(), result);
      return result;
    }
    SegmentResult known = last.get(result.getCameraId());
    if (result.getStatus() != SegmentStatus.SKIPPED || known == null) {
      return result;
    }
    return SegmentResult.newBuilder(result).setMask(known.getMask()).setDetections(known.getDetections()).build();
  }

  void forget() {
    last.clear();
  }
}
