package io.robovision.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CaptureThreadsTest {
  @Test
  void aFinishedFirstCameraDoesNotCutTheWaitForTheOthersShort() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Thread finished = new Thread(() -> { });
    Thread running = new Thread(() -> awaitQuietly(release));
    finished.start();
    finished.join();
    running.start();
    CaptureThreads threads = new CaptureThreads(List.of(finished, running));

    long started = System.nanoTime();
    threads.join(300);
    long waitedMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(waitedMillis).isGreaterThanOrEqualTo(250);
    assertThat(threads.anyAlive()).isTrue();
    release.countDown();
    threads.join(5_000);
    assertThat(threads.anyAlive()).isFalse();
  }

  @Test
  void returnsAsSoonAsEveryThreadHasEnded() throws Exception {
    Thread quick = new Thread(() -> { });
    quick.start();
    CaptureThreads threads = new CaptureThreads(List.of(quick));

    long started = System.nanoTime();
    threads.join(10_000);

    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    assertThat(threads.anyAlive()).isFalse();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
