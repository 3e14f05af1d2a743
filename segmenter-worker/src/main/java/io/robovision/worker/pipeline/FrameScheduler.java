package io.robovision.worker.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Decoded frames waiting for a predictor. Hands out micro-batches of frames of one size (DJL stacks a batch into
 * one tensor, and the translators map outputs back with one frame size), the oldest waiting frame first; a batch
 * goes when it is full or when its oldest frame has waited {@code maxWait}. With a maximum frame age, a camera
 * whose oldest waiting frame is older than that has fallen behind: all its frames but the newest are skipped.
 */
public final class FrameScheduler<T extends FrameScheduler.Item> {
  /** What the scheduler needs to know about a frame. */
  public interface Item {
    String camera();

    long sequence();

    /** Capture time, epoch milliseconds. */
    long captureMillis();

    int width();

    int height();
  }

  /** Frames to run as one batch (all of one size, possibly none) and frames to answer as skipped. */
  public record Selection<T>(List<T> batch, List<T> skipped) {
  }

  private record Waiting<T>(T item, long arrivedNanos) {
  }

  private final int maxBatch;
  private final long maxWaitNanos;
  private final long maxAgeMillis;
  private final LongSupplier nanoClock;
  private final LongSupplier wallClock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<Waiting<T>> waiting = new ArrayList<>();
  private boolean closed;

  /** @param maxAgeMillis 0: never skip */
  public FrameScheduler(int maxBatch, long maxWaitMillis, long maxAgeMillis) {
    this(maxBatch, maxWaitMillis, maxAgeMillis, System::nanoTime, System::currentTimeMillis);
  }

  FrameScheduler(int maxBatch, long maxWaitMillis, long maxAgeMillis, LongSupplier nanoClock, LongSupplier wallClock) {
    if (maxBatch < 1 || maxWaitMillis < 0 || maxAgeMillis < 0) {
      throw new IllegalArgumentException("batch size must be at least 1 and wait and age 0 or more, got " + maxBatch
          + ", " + maxWaitMillis + " and " + maxAgeMillis);
    }
    this.maxBatch = maxBatch;
    this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
    this.maxAgeMillis = maxAgeMillis;
    this.nanoClock = nanoClock;
    this.wallClock = wallClock;
  }

  /**
   * Queues a decoded frame and returns the frames to answer as skipped because it arrived: the older frames of its
   * camera when that camera fell behind. They leave here at once, not when a predictor is next free, because each one
   * holds a place the consumer would otherwise fill with newer frames.
   *
   * @throws RejectedExecutionException when the scheduler is closed; the caller keeps the frame
   */
  public List<T> add(T item) {
    lock.lock();
    try {
      if (closed) {
        throw new RejectedExecutionException("the frame scheduler is closed");
      }
      waiting.add(new Waiting<>(item, nanoClock.getAsLong()));
      changed.signalAll();
      return skipStale();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Blocks until there is a batch to run or frames to skip; null once closed. Skips return at once, with whatever
   * batch is ready, so that their results are not held back.
   */
  public Selection<T> take() throws InterruptedException {
    lock.lock();
    try {
      while (!closed) {
        List<T> skipped = skipStale();
        if (waiting.isEmpty()) {
          if (!skipped.isEmpty()) {
            return new Selection<>(List.of(), skipped);
          }
          changed.await();
          continue;
        }
        Waiting<T> oldest = waiting.get(0);
        long waitLeft = oldest.arrivedNanos() + maxWaitNanos - nanoClock.getAsLong();
        if (!skipped.isEmpty() || waitLeft <= 0 || countLike(oldest.item()) >= maxBatch) {
          return new Selection<>(removeBatchLike(oldest.item()), skipped);
        }
        changed.awaitNanos(waitLeft);
      }
      return null;
    } finally {
      lock.unlock();
    }
  }

  /** Wakes every taker with null and hands back the frames still waiting. */
  public List<T> close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
      List<T> left = waiting.stream().map(Waiting::item).toList();
      waiting.clear();
      return left;
    } finally {
      lock.unlock();
    }
  }

  public int size() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  private List<T> skipStale() {
    if (maxAgeMillis == 0 || waiting.size() < 2) {
      return List.of();
    }
    long now = wallClock.getAsLong();
    Map<String, T> newest = new HashMap<>();
    Map<String, Long> oldestCapture = new HashMap<>();
    for (Waiting<T> entry : waiting) {
      T item = entry.item();
      newest.merge(item.camera(), item, (a, b) -> a.sequence() >= b.sequence() ? a : b);
      oldestCapture.merge(item.camera(), item.captureMillis(), Math::min);
    }
    List<T> skipped = new ArrayList<>();
    for (Iterator<Waiting<T>> it = waiting.iterator(); it.hasNext(); ) {
      T item = it.next().item();
      boolean behind = now - oldestCapture.get(item.camera()) > maxAgeMillis;
      if (behind && newest.get(item.camera()) != item) {
        skipped.add(item);
        it.remove();
      }
    }
    return skipped;
  }

  private int countLike(T first) {
    int count = 0;
    for (Waiting<T> entry : waiting) {
      if (sameSize(entry.item(), first)) {
        count++;
      }
    }
    return count;
  }

  private List<T> removeBatchLike(T first) {
    List<T> batch = new ArrayList<>(maxBatch);
    for (Iterator<Waiting<T>> it = waiting.iterator(); it.hasNext() && batch.size() < maxBatch; ) {
      T item = it.next().item();
      if (sameSize(item, first)) {
        batch.add(item);
        it.remove();
      }
    }
    return batch;
  }

  private static boolean sameSize(Item a, Item b) {
    return a.width() == b.width() && a.height() == b.height();
  }
}
