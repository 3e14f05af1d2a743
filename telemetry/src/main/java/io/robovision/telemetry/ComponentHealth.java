package io.robovision.telemetry;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Liveness and readiness of one component, set by the component's own loop: alive from the
 * loop's start to its end, ready only while connected and consuming or producing.
 */
public final class ComponentHealth {
  private final String name;
  private volatile boolean alive;
  private final AtomicReference<String> notReady = new AtomicReference<>("starting");

  ComponentHealth(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** The component's loop has started. */
  public void started() {
    alive = true;
  }

  /** The component's loop has ended; it is neither alive nor ready any more. */
  public void stopped() {
    alive = false;
    notReady.set("stopped");
  }

  public void ready() {
    notReady.set(null);
  }

  /** Not ready, with a short reason for the /ready answer. */
  public void notReady(String reason) {
    notReady.set(reason);
  }

  public boolean alive() {
    return alive;
  }

  /** Null when ready, else why not. */
  public String notReadyReason() {
    if (!alive) {
      String reason = notReady.get();
      return "stopped".equals(reason) ? reason : "not running";
    }
    return notReady.get();
  }
}
