package io.robovision.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSummaryTest {
  private static final Map<String, Long> NO_LATENCY = Map.of("p50", 0L, "p95", 0L, "p99", 0L, "max", 0L);

  private static DemoSummary summary(long captured, long recorded, long lost, long duplicates) {
    Map<String, Long> latency = recorded == 0 ? NO_LATENCY : Map.of("p50", 300L, "p95", 500L, "p99", 900L, "max", 950L);
    return new DemoSummary(captured, captured, 0, recorded, 0, 0, recorded, 0, lost, duplicates, 0, latency, latency,
        recorded / 30.0, null, null, 30.0, 2, "model.pt", Map.of("camera-1", List.of()), "out/analytics.csv", null,
        null, Map.of());
  }

  @Test
  void aRunWhereNoCameraDeliveredSaysSoAndShowsNoLatency() {
    DemoSummary empty = summary(0, 0, 0, 0);

    String text = empty.describe();

    assertTrue(text.contains("no frame was captured in 30.0 s"), text);
    assertTrue(text.contains("latency: none, no frame was recorded"), text);
    assertFalse(text.contains("p50 0 ms"), text);
    assertEquals(4, empty.exitStatus());
  }

  @Test
  void aCompleteRunPrintsItsLatencyAndExitsZero() {
    DemoSummary complete = summary(300, 300, 0, 0);

    String text = complete.describe();

    assertTrue(text.contains("latency: p50 300 ms, p95 500 ms, p99 900 ms; throughput 10.00 frames/s"), text);
    assertTrue(text.contains("worker latency (capture to result): p50 300 ms"), text);
    assertFalse(text.contains("no frame was captured"), text);
    assertEquals(0, complete.exitStatus());
  }

  @Test
  void aLostOrDuplicatedFrameExitsThree() {
    assertEquals(3, summary(300, 299, 1, 0).exitStatus());
    assertEquals(3, summary(300, 300, 0, 1).exitStatus());
  }
}
