package io.robovision.sink.reorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Joins one camera's frames with their results by sequence number and releases them strictly in
 * order. A repeated sequence number is dropped. A slow worker is simply waited for; but when the
 * next sequence number is incomplete while a later one is complete (a frame or result went
 * missing) for longer than the timeout, or when more than the capacity is held, the missing
 * numbers are given up and released as a {@link Gap}.
 *
 * @param <F> frame type
 * @param <R> result type
 */
public final class ReorderBuffer<F, R> {
  /** What {@link #drain} lets go of, in sequence order. */
  public sealed interface Released<F, R> permits Pair, Gap {
    long sequence();
  }

  /** A frame together with its result. */
  public record Pair<F, R>(long sequence, F frame, R result) implements Released<F, R> {
  }

  /**
   * Sequence numbers {@code sequence} to {@code sequence + count - 1} given up on; {@code frame} and
   * {@code result} are whichever half of the first of them did arrive (null if it did not).
   */
  public record Gap<F, R>(long sequence, long count, F frame, R result) implements Released<F, R> {
  }

  /** What became of an offered item, so the caller can account for its offset. */
  public enum Outcome { HELD, DUPLICATE }

  private final TreeMap<Long, F> frames = new TreeMap<>();
  private final TreeMap<Long, R> results = new TreeMap<>();
  private final long gapTimeoutMillis;
  private final int capacity;
  private final Consumer<R> staleResults;
  private long next = -1;
  private long blockedSince = -1;
  private long duplicates;
  private long gaps;

  /** {@code staleResults} receives held results older than the camera's first frame, which are let go unpaired. */
  public ReorderBuffer(long gapTimeoutMillis, int capacity, Consumer<R> staleResults) {
    this.gapTimeoutMillis = gapTimeoutMillis;
    this.capacity = capacity;
    this.staleResults = staleResults;
  }

  /**
   * Frames arrive in order from their partition, so the first one seen fixes where this camera
   * starts; results that come before it wait.
   */
  public Outcome offerFrame(long sequence, F frame) {
    if (next < 0) {
      next = sequence;
      Map<Long, R> stale = results.headMap(sequence);
      stale.values().forEach(staleResults);
      duplicates += stale.size();
      stale.clear();
    }
    return offer(frames, sequence, frame);
  }

  public Outcome offerResult(long sequence, R result) {
    return offer(results, sequence, result);
  }

  /** Pairs that are now complete and next in line, and gaps given up on, in order. */
  public List<Released<F, R>> drain(long nowMillis) {
    List<Released<F, R>> ready = new ArrayList<>();
    while (next >= 0) {
      if (frames.containsKey(next) && results.containsKey(next)) {
        ready.add(new Pair<>(next, frames.remove(next), results.remove(next)));
        next++;
        blockedSince = -1;
      } else if (gapExpired(nowMillis)) {
        ready.add(skipGap());
        blockedSince = -1;
      } else {
        break;
      }
    }
    return ready;
  }

  public long duplicates() {
    return duplicates;
  }

  /** Sequence numbers given up on because their frame or result never came. */
  public long gaps() {
    return gaps;
  }

  public int pending() {
    return frames.size() + results.size();
  }

  public long nextSequence() {
    return next;
  }

  private <T> Outcome offer(TreeMap<Long, T> side, long sequence, T item) {
    if ((next >= 0 && sequence < next) || side.containsKey(sequence)) {
      duplicates++;
      return Outcome.DUPLICATE;
    }
    side.put(sequence, item);
    return Outcome.HELD;
  }

  private boolean gapExpired(long nowMillis) {
    if (pending() > capacity) {
      return true;
    }
    if (!laterPairComplete()) {
      blockedSince = -1;
      return false;
    }
    if (blockedSince < 0) {
      blockedSince = nowMillis;
    }
    return nowMillis - blockedSince >= gapTimeoutMillis;
  }

  private boolean laterPairComplete() {
    for (Long sequence : frames.tailMap(next, false).keySet()) {
      if (results.containsKey(sequence)) {
        return true;
      }
    }
    return false;
  }

  /** Gives up on {@code next} and on every later number of which neither half arrived. */
  private Gap<F, R> skipGap() {
    F frame = frames.remove(next);
    R result = results.remove(next);
    long following = Math.min(frames.isEmpty() ? Long.MAX_VALUE : frames.firstKey(),
        results.isEmpty() ? Long.MAX_VALUE : results.firstKey());
    long jumped = following == Long.MAX_VALUE ? next + 1 : following;
    Gap<F, R> gap = new Gap<>(next, jumped - next, frame, result);
    gaps += gap.count();
    next = jumped;
    return gap;
  }
}
