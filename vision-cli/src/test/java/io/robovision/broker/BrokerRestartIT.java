package io.robovision.broker;

import static io.robovision.sink.RecordedOutput.cameraFrames;
import static io.robovision.sink.RecordedOutput.csvSequences;
import static org.assertj.core.api.Assertions.assertThat;

import io.robovision.capture.CaptureConfig;
import io.robovision.capture.CaptureMain;
import io.robovision.capture.CaptureStats;
import io.robovision.config.KafkaSettings;
import io.robovision.config.Settings;
import io.robovision.kafka.TopicSetup;
import io.robovision.launch.Await;
import io.robovision.sink.RecorderSink;
import io.robovision.sink.SinkConfig;
import io.robovision.sink.SinkMain;
import io.robovision.telemetry.Telemetry;
import io.robovision.worker.SegmenterWorker;
import io.robovision.worker.WorkerConfig;
import io.robovision.worker.WorkerMain;
import io.robovision.worker.WorkerStats;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops the broker between two runs of a camera, for longer than the clients' API timeout, and starts it again on the
 * same port and data: the worker and the sink ride it out, the camera goes on from where it stopped, and the video
 * holds every frame once.
 */
class BrokerRestartIT {
  private static final Path MODELS = Path.of("..", "models");
  private static final String CAMERA = "camera-1";
  private static final long FRAMES = 100;
  private static final long OUTAGE_MS = 8_000;
  /** Shorter than the outage, so that the clients' blocking calls (the sink's commits) time out during it. */
  private static final String API_TIMEOUT_MS = "3000";

  @TempDir
  Path dir;

  @Test
  void theWorkerAndTheSinkRideOutABrokerRestart() throws Exception {
    int port = freePortPair();
    Path data = dir.resolve("kafka");
    Path out = dir.resolve("out");
    EmbeddedBroker broker = EmbeddedBroker.start(port, data);
    try {
      KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), Map.of());
      new TopicSetup(kafka).ensure(Set.of("vision.frames", "vision.segments", "vision.analytics", "vision.deadletter"),
          1, (short) 1, 16 * 1024 * 1024);
      String bootstrap = broker.bootstrapServers();
      SegmenterWorker worker = WorkerMain.start(WorkerConfig.from(new Settings(Map.of(
          KafkaSettings.BOOTSTRAP_SERVERS, bootstrap,
          "kafka.default.api.timeout.ms", API_TIMEOUT_MS,
          WorkerConfig.MODEL_PATH, MODELS.resolve("deeplabv3_mobilenet_v3_large.pt").toString(),
          WorkerConfig.MODEL_CLASSES, MODELS.resolve("voc_classes.txt").toString(),
          WorkerConfig.DETECTOR_ENABLED, "false"))), new WorkerStats(new Telemetry()));
      RecorderSink sink = SinkMain.start(SinkConfig.from(new Settings(Map.of(
          KafkaSettings.BOOTSTRAP_SERVERS, bootstrap,
          "kafka.default.api.timeout.ms", API_TIMEOUT_MS,
          SinkConfig.OUTPUT_DIR, out.toString(),
          SinkConfig.CLASSES, MODELS.resolve("voc_classes.txt").toString()))), new Telemetry());
      Thread workerThread = new Thread(worker, "worker");
      Thread sinkThread = new Thread(sink, "sink");
      workerThread.start();
      sinkThread.start();

      long published = capture(bootstrap, FRAMES / 2);
      Await.until(() -> sink.stats().recordedCount() == FRAMES / 2, () -> "the first run's frames recorded");
      // The sink's analytics rows are acknowledged by its next commit; after that, nothing is in flight.
      Thread.sleep(2_000);
      broker.close();
      Thread.sleep(OUTAGE_MS);
      assertThat(workerThread.isAlive()).as("the worker after %d ms without a broker", OUTAGE_MS).isTrue();
      assertThat(sinkThread.isAlive()).as("the sink after %d ms of commits timing out", OUTAGE_MS).isTrue();
      broker = EmbeddedBroker.start(port, data);

      published += capture(bootstrap, FRAMES / 2);
      Await.until(() -> sink.stats().recordedCount() == FRAMES, () -> "the second run's frames recorded");
      worker.stop();
      sink.stop();
      workerThread.join(30_000);
      sinkThread.join(30_000);

      assertThat(published).isEqualTo(FRAMES);
      assertThat(sink.stats().recordedCount()).isEqualTo(FRAMES);
      assertThat(sink.stats().gapCount()).isZero();
      assertThat(sink.stats().droppedCount()).isZero();
    } finally {
      broker.close();
    }
    assertThat(csvSequences(out.resolve("analytics.csv")).get(CAMERA))
        .isEqualTo(LongStream.range(0, FRAMES).boxed().toList());
    assertThat(cameraFrames(out.resolve(CAMERA))).as("frames in the videos").isEqualTo(FRAMES);
  }

  /** Runs the camera for {@code frames} frames at 10 frames/s; returns how many it published. */
  private static long capture(String bootstrap, long frames) throws Exception {
    CaptureStats stats = new CaptureStats(new Telemetry(), CAMERA);
    CaptureMain.start(CaptureConfig.from(new Settings(Map.of(
        KafkaSettings.BOOTSTRAP_SERVERS, bootstrap,
        CaptureConfig.CAMERA_ID, CAMERA,
        CaptureConfig.SOURCE, "synthetic:3",
        CaptureConfig.FPS, "10",
        CaptureConfig.MAX_FRAMES, Long.toString(frames)))), stats).run();
    assertThat(stats.failedCount()).isZero();
    return stats.publishedCount();
  }

  /** A free port whose successor, the controller's, is free too. */
  private static int freePortPair() throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket broker = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
          ServerSocket controller = new ServerSocket(broker.getLocalPort() + 1, 1, InetAddress.getLoopbackAddress())) {
        return broker.getLocalPort();
      } catch (IOException taken) {
        // The successor is in use: try another pair.
      }
    }
    throw new IOException("no two free consecutive ports found in 20 attempts");
  }
}
