package io.robovision.sink.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.robovision.schemas.AnalyticsRow;
import io.robovision.schemas.ClassCoverage;
import io.robovision.schemas.Detection;
import io.robovision.schemas.DetectionRow;
import io.robovision.schemas.Instance;
import io.robovision.schemas.SegmentResult;
import io.robovision.schemas.SegmentStatus;
import io.robovision.schemas.StageTimings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyticsRowsTest {
  private static final Instant CAPTURED = Instant.parse("2026-11-25T10:00:00.250Z");

  @Test
  void rowCountsDetectionsAndInstancesPerClass() {
    AnalyticsRow row = new AnalyticsRows().row(result(), CAPTURED.plusMillis(120));

    assertThat(row.getLatencyMs()).isEqualTo(120);
    assertThat(row.getCoverage()).isEqualTo(Map.of("background", 0.75f, "person", 0.25f));
    assertThat(row.getDetections()).isEqualTo(Map.of("person", 2, "dog", 1));
    assertThat(row.getInstances()).isEqualTo(Map.of("person", 3, "car", 1));
  }

  @Test
  void oneDetectionRowPerDetectionWithTheFramesIdentity() {
    List<DetectionRow> rows = new DetectionRows().rows(result());

    assertThat(rows).hasSize(3).allSatisfy(row -> {
      assertThat(row.getCameraId()).isEqualTo("camera-7");
      assertThat(row.getSequence()).isEqualTo(42);
      assertThat(row.getCaptureTime()).isEqualTo(CAPTURED);
    });
    assertThat(rows.get(2)).isEqualTo(DetectionRow.newBuilder().setCameraId("camera-7").setSequence(42)
        .setCaptureTime(CAPTURED).setXmin(5).setYmin(6).setXmax(7).setYmax(8).setConfidence(0.5f).setClass$(16)
        .setName("dog").build());
  }

  private static SegmentResult result() {
    return SegmentResult.newBuilder()
        .setCameraId("camera-7").setSequence(42).setCaptureTime(CAPTURED).setStatus(SegmentStatus.OK)
        .setCoverage(List.of(new ClassCoverage(0, "background", 0.75f), new ClassCoverage(15, "person", 0.25f)))
        .setDetections(List.of(detection(0, "person"), detection(0, "person"),
            new Detection(5f, 6f, 7f, 8f, 0.5f, 16, "dog")))
        .setInstances(List.of(instance(15, "person"), instance(15, "person"), instance(15, "person"),
            instance(7, "car")))
        .setModelId("m").setWorkerId("w").setTimings(timings()).build();
  }

  private static Detection detection(int cls, String name) {
    return new Detection(1f, 2f, 3f, 4f, 0.9f, cls, name);
  }

  private static Instance instance(int cls, String name) {
    return new Instance(cls, name, 10, 0, 0, 3, 3);
  }

  private static StageTimings timings() {
    return new StageTimings(0.0, 0.0, 0.0, 0.0, 0.0);
  }
}
