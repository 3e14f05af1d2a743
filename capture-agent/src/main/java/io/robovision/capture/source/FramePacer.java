package io.robovision.capture.source;

import java.util.concurrent.TimeUnit;

/** Holds a source to a frames-per-second cap without bursting to catch up after a stall. */
public final class FramePacer {
  private static final long MAX_STREAM_STEP_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final long periodNanos;
  private long nextSlot;
  private boolean onStreamClock;
  private long lastStreamNanos;
  private long lastStampArrivalNanos;

  /** An fps of 0 means no cap. */
  public FramePacer(double fps) {
    this(fps, System.nanoTime());
  }

  FramePacer(double fps, long startNanos) {
    this.periodNanos = fps <= 0 ? 0 : Math.round(1e9 / fps);
    this.nextSlot = startNanos;
  }

  /** Sleeps until the next slot. */
  public void await() throws InterruptedException {
    if (periodNanos == 0) {
      return;
    }
    long wait = nextSlot - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
    nextSlot = Math.max(nextSlot, System.nanoTime() - periodNanos) + periodNanos;
  }

  /**
   * For live sources: true when a frame is due, false when it comes too early for the cap. On the source's own
   * presentation clock when it has one ({@code streamMicros} 0 or more), so that frames which a bursty stream (MPEG-TS
   * over HTTP, RTSP after a stall) delivers together keep the spacing the stream gave them; else on arrival time.
   */
  public boolean due(long streamMicros) {
    return dueAt(streamMicros < 0 ? -1 : TimeUnit.MICROSECONDS.toNanos(streamMicros), System.nanoTime());
  }

  /**
   * As {@link #due(long)} for a frame at {@code streamNanos} on the stream's clock (-1 for none) that arrived at
   * {@code arrivalNanos}. Half a period of slack lets a camera whose own rate equals the cap keep every frame despite
   * jitter; the slots still advance by one period per frame kept, so a faster camera is held to the cap on average.
   */
  boolean dueAt(long streamNanos, long arrivalNanos) {
    if (periodNanos == 0) {
      return true;
    }
    long now;
    boolean restart;
    if (streamNanos >= 0) {
      now = streamNanos;
      // A change of clock, or a stream whose clock went back or leapt (a reconnect, a loop, a seek), starts anew.
      restart = !onStreamClock || now < lastStreamNanos || now - lastStreamNanos > MAX_STREAM_STEP_NANOS;
      onStreamClock = true;
      lastStreamNanos = now;
      lastStampArrivalNanos = arrivalNanos;
    } else if (onStreamClock && arrivalNanos - lastStampArrivalNanos <= MAX_STREAM_STEP_NANOS) {
      // A frame without a stamp of its own (one that repeats the last) between stamped ones stays on the stream's
      // clock, as far past the last stamp as it arrived after it: switching clocks restarts the slots, and a stream
      // that alternated would have had every frame let through.
      now = lastStreamNanos + (arrivalNanos - lastStampArrivalNanos);
      restart = false;
    } else {
      now = arrivalNanos;
      restart = onStreamClock;
      onStreamClock = false;
    }
    if (restart) {
      nextSlot = now;
    }
    if (now < nextSlot - periodNanos / 2) {
      return false;
    }
    nextSlot = Math.max(nextSlot, now - periodNanos / 2) + periodNanos;
    return true;
  }
}
