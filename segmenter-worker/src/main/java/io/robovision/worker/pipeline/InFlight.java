package io.robovision.worker.pipeline;

/** How many polled records the pipeline holds; the consumer pauses above a limit and waits for it to drain. */
public final class InFlight {
  private long count;

  public synchronized void add() {
    count++;
  }

  public synchronized void done() {
    count--;
    notifyAll();
  }

  public synchronized long count() {
    return count;
  }

  /** Waits until no record is in flight or the time is up; true when drained. */
  public synchronized boolean awaitEmpty(long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (count > 0) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }
}
