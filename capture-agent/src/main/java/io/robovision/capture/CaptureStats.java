package io.robovision.capture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.robovision.telemetry.ComponentHealth;
import io.robovision.telemetry.Telemetry;
import java.util.concurrent.TimeUnit;

/**
 * What one capture agent did, as Micrometer meters tagged with the camera id: every grabbed frame
 * ends up published, dropped or failed. Also holds the agent's health.
 */
public final class CaptureStats {
  private final Telemetry telemetry;
  private final ComponentHealth health;
  private final Counter grabbed;
  private final Counter published;
  private final Counter dropped;
  private final Counter failed;
  private final Counter throttled;
  private final Counter bytes;
  private final Timer encode;

  public CaptureStats(Telemetry telemetry, String cameraId) {
    this.telemetry = telemetry;
    this.health = telemetry.component("capture-" + cameraId);
    MeterRegistry registry = telemetry.registry();
    this.grabbed = counter(registry, "vision.capture.frames.grabbed", "frames read from the source", cameraId);
    this.published = counter(registry, "vision.capture.frames.published", "frames the broker acknowledged", cameraId);
    this.dropped = counter(registry, "vision.capture.frames.dropped",
        "live frames discarded because publishing could not keep up", cameraId);
    this.failed = counter(registry, "vision.capture.frames.failed", "frames the broker refused or never acknowledged",
        cameraId);
    this.throttled = counter(registry, "vision.capture.frames.throttled",
        "live frames left out to respect the frames-per-second cap", cameraId);
    this.bytes = Counter.builder("vision.capture.published").baseUnit("bytes")
        .description("encoded frame bytes the broker acknowledged").tag("camera", cameraId).register(registry);
    this.encode = telemetry.latency("vision.capture.encode", "resize and JPEG encode of one frame", "camera", cameraId);
  }

  private static Counter counter(MeterRegistry registry, String name, String description, String cameraId) {
    return Counter.builder(name).description(description).tag("camera", cameraId).register(registry);
  }

  public void grabbed() {
    grabbed.increment();
  }

  public void published(long size) {
    published.increment();
    bytes.increment(size);
    health.ready();
  }

  public void dropped() {
    dropped.increment();
  }

  public void throttled() {
    throttled.increment();
  }

  public void failed(String reason) {
    failed.increment();
    health.notReady("last frame not delivered: " + reason);
  }

  public void encoded(long nanos) {
    encode.record(nanos, TimeUnit.NANOSECONDS);
  }

  public long grabbedCount() {
    return (long) grabbed.count();
  }

  /** Frames the broker acknowledged. */
  public long publishedCount() {
    return (long) published.count();
  }

  /** Live frames discarded because publishing could not keep up. */
  public long droppedCount() {
    return (long) dropped.count();
  }

  /** Frames the broker refused or never acknowledged. */
  public long failedCount() {
    return (long) failed.count();
  }

  /** Live frames left out on purpose to respect the frames-per-second cap. */
  public long throttledCount() {
    return (long) throttled.count();
  }

  public long publishedBytes() {
    return (long) bytes.count();
  }

  /** Liveness and readiness of this agent: ready once the broker acknowledges its frames. */
  public ComponentHealth health() {
    return health;
  }

  public Telemetry telemetry() {
    return telemetry;
  }
}
