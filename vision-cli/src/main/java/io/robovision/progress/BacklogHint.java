package io.robovision.demo;

import java.util.Optional;

/** Says once, in a demo without --max-frame-age, that the worker keeps falling further behind the cameras. */
final class BacklogHint {
  /** Progress lines in a row with more frames waiting: a short burst is not a trend. */
  private static final int GROWING_LINES = 3;
  private static final long MIN_WAITING = 50;

  private long lastWaiting = -1;
  private int growing;
  private boolean said;

  /**
   * The hint, the first time the frames published and not yet answered by the worker have grown on enough progress
   * lines in a row. (The worker's consumer lag is no guide: it pauses its partitions while its queue is full.)
   */
  Optional<String> next(long waiting) {
    growing = lastWaiting >= 0 && waiting > lastWaiting ? growing + 1 : 0;
    lastWaiting = waiting;
    if (said || growing < GROWING_LINES || waiting < MIN_WAITING) {
      return Optional.empty();
    }
    said = true;
    return Optional.of("the worker is falling behind the cameras (" + waiting + " frames waiting, more on every line),"
        + " so latency grows with the run; --max-frame-age MS (worker.max.frame.age.ms) segments each camera's newest"
        + " frame and answers the older ones SKIPPED");
  }
}
