package io.robovision.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import io.robovision.config.Settings;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EngineThreadsTest {
  @Test
  void aWorkerSetsTheIntraOpThreadsOfAnEngineThatIsAlreadyRunning() throws InterruptedException {
    System.setProperty("ai.djl.offline", "true");
    Engine.getEngine("PyTorch");
    int before = threadsOfANewThread();
    try {
      WorkerMain.configureEngine(WorkerConfig.from(new Settings(Map.of(WorkerConfig.INFERENCE_THREADS, "1"))));
      assertThat(threadsOfANewThread()).isEqualTo(1);

      WorkerMain.configureEngine(WorkerConfig.from(new Settings(Map.of(WorkerConfig.INFERENCE_THREADS, "3"))));
      assertThat(threadsOfANewThread()).isEqualTo(3);
    } finally {
      // Later tests in this JVM start predictor threads of their own.
      JniUtils.setNumThreads(before);
    }
  }

  /** What libtorch gives a thread started now, as the worker's predictor threads are. */
  private static int threadsOfANewThread() throws InterruptedException {
    AtomicInteger threads = new AtomicInteger();
    Thread thread = new Thread(() -> threads.set(JniUtils.getNumThreads()));
    thread.start();
    thread.join();
    return threads.get();
  }
}
