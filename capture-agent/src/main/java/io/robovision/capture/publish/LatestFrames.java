package io.robovision.capture.publish;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * A bounded hand-over between a live grabber and the publisher: when full, the oldest frame is
 * discarded (and reported) so the newest always gets through.
 */
public final class LatestFrames<T> {
  private final Deque<T> frames = new ArrayDeque<>();
  private final int capacity;
  private final Consumer<T> onDrop;
  private boolean closed;

  public LatestFrames(int capacity, Consumer<T> onDrop) {
    this.capacity = capacity;
    this.onDrop = onDrop;
  }

  public void offer(T frame) {
    T dropped = null;
    synchronized (this) {
      if (frames.size() == capacity) {
        dropped = frames.pollFirst();
      }
      frames.addLast(frame);
      notifyAll();
    }
    if (dropped != null) {
      onDrop.accept(dropped);
    }
  }

  /** The oldest waiting frame, or {@code null} once closed and empty. */
  public synchronized T take() throws InterruptedException {
    while (frames.isEmpty() && !closed) {
      wait();
    }
    return frames.pollFirst();
  }

  /** No more frames will be offered; {@link #take} drains what is left, then returns null. */
  public synchronized void close() {
    closed = true;
    notifyAll();
  }
}
