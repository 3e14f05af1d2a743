package io.robovision.progress;

import java.util.Optional;

/** Says once, where no --max-frame-age is set, that the worker keeps falling further behind the cameras. */
public final class BacklogHint {
  /** Progress lines in a row with more frames waiting: a short burst is not a trend. */
  private static final int GROWING_LINES = 3;
  private static final long MIN_WAITING = 50;

  private final String subject;
  private final String remedies;
  private long lastWaiting = -1;
  private int growing;
  private boolean said;

  /**
   * @param subject who falls behind, as the hint's opening words
   * @param remedies what to do about it, after the hint's "so latency grows with the run; "
   */
  public BacklogHint(String subject, String remedies) {
    this.subject = subject;
    this.remedies = remedies;
  }

  /**
   * The hint, the first time the frames waiting for the worker have grown on enough progress lines in a row. Count
   * what the worker has not answered yet: its consumer lag alone is no guide, as it pauses its partitions while its
   * queue is full.
   */
  public Optional<String> next(long waiting) {
    growing = lastWaiting >= 0 && waiting > lastWaiting ? growing + 1 : 0;
    lastWaiting = waiting;
    if (said || growing < GROWING_LINES || waiting < MIN_WAITING) {
      return Optional.empty();
    }
    said = true;
    return Optional.of(subject + " (" + waiting + " frames waiting, more on every line), so latency grows with the"
        + " run; " + remedies);
  }
}
