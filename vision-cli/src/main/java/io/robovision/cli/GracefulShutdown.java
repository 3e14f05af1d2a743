package io.robovision.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * On Ctrl-C or SIGTERM, asks a component to stop and holds the JVM open until the component has
 * finished (closed its files, committed its offsets) or the grace period is over.
 */
final class GracefulShutdown implements AutoCloseable {
  private final CountDownLatch finished = new CountDownLatch(1);

  GracefulShutdown(Runnable stop, Duration grace) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop.run();
      try {
        finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "graceful-shutdown"));
  }

  /** The component has finished. */
  @Override
  public void close() {
    finished.countDown();
  }
}
