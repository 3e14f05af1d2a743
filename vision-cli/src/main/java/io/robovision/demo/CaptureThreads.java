package io.robovision.demo;

import java.util.List;

/** The demo's capture threads, waited on together so that one camera finishing early does not cut the wait short. */
record CaptureThreads(List<Thread> threads) {
  boolean anyAlive() {
    return threads.stream().anyMatch(Thread::isAlive);
  }

  /** Waits until every thread has ended or {@code millis} have passed, whichever comes first. */
  void join(long millis) throws InterruptedException {
    long until = System.nanoTime() + millis * 1_000_000;
    for (Thread thread : threads) {
      long left = (until - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return;
      }
      thread.join(left);
    }
  }
}
