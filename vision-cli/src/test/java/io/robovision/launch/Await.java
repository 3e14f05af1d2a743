package io.robovision.launch;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for what other threads or processes of a test bring about. */
public final class Await {
  private static final long TIMEOUT_MS = 120_000;

  private Await() {
  }

  /** Checks {@code condition} every 50 ms until it holds; fails, saying {@code what} it waited for, after 120 s. */
  public static void until(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("waited " + TIMEOUT_MS / 1000 + " s for " + what.get());
      }
      Thread.sleep(50);
    }
  }
}
