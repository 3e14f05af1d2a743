package io.robovision.demo;

import io.robovision.broker.EmbeddedBroker;
import io.robovision.capture.CaptureAgent;
import io.robovision.capture.CaptureConfig;
import io.robovision.capture.CaptureMain;
import io.robovision.capture.CaptureStats;
import io.robovision.capture.source.SourceException;
import io.robovision.config.KafkaSettings;
import io.robovision.config.Settings;
import io.robovision.config.Topics;
import io.robovision.export.TimeRange;
import io.robovision.export.TopicSnapshot;
import io.robovision.kafka.TopicSetup;
import io.robovision.progress.BacklogHint;
import io.robovision.sink.RecorderSink;
import io.robovision.sink.SinkConfig;
import io.robovision.sink.SinkMain;
import io.robovision.sink.recording.VideoFiles;
import io.robovision.sink.windows.AnalyticsWindows;
import io.robovision.sink.windows.WindowsConfig;
import io.robovision.telemetry.MetricsConfig;
import io.robovision.telemetry.MetricsServer;
import io.robovision.telemetry.Telemetry;
import io.robovision.worker.SegmenterWorker;
import io.robovision.worker.WorkerConfig;
import io.robovision.worker.WorkerMain;
import io.robovision.worker.WorkerStats;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bytedeco.ffmpeg.global.avutil;

/** Runs capture agents, a worker and the sink in one JVM, against an embedded broker unless given one. */
public final class Demo {
  private static final long PROGRESS_INTERVAL_MS = 2_000;
  private static final long STALL_TIMEOUT_MS = 120_000;
  /**
   * Camera N shows scene DEFAULT_FIRST_SEED + N - 1. Scenes 16 and 17 are the first pair that together show all six
   * classes, each over 300 pixels a frame on average; scenes 1 and 2 showed four, and scene 2 only a dog at an edge.
   */
  static final long DEFAULT_FIRST_SEED = 16;
  private static final String ANALYTICS_CSV = "analytics.csv";
  private static final String SUMMARY_JSON = "summary.json";

  private final DemoOptions options;
  private final Settings base;
  private final PrintStream out;
  private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
  private volatile boolean stopRequested;

  /** {@code base} holds extra settings (topic names, {@code kafka.*}) that apply to every component. */
  public Demo(DemoOptions options, Settings base, PrintStream out) {
    this.options = options;
    this.base = base;
    this.out = out;
  }

  /** Runs the whole pipeline; with a null address it starts and stops its own broker. */
  public DemoSummary run(String bootstrapServers) throws InterruptedException, SourceException, IOException {
    if (!Files.isRegularFile(options.model())) {
      throw new IllegalArgumentException("model file '" + options.model() + "' does not exist (--model)");
    }
    if (options.detector() != null && !Files.isRegularFile(options.detector())) {
      throw new IllegalArgumentException("detector file '" + options.detector() + "' does not exist (--detector;"
          + " --no-detection runs segmentation only)");
    }
    // Before the broker, the cameras and the models: an unusable --out should fail in a second, not at the end.
    SinkMain.createOutputFolder(options.outputDir(), "--out");
    EmbeddedBroker broker = null;
    if (bootstrapServers == null) {
      clearEarlierRun();
      out.println("starting the embedded Kafka broker (KRaft, single node) ...");
      broker = EmbeddedBroker.start(0, null);
      bootstrapServers = broker.bootstrapServers();
      out.println("broker ready at " + bootstrapServers);
    }
    try {
      return runPipeline(settings(bootstrapServers));
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
  }

  /**
   * An earlier run's recordings belong to a broker that is gone: this run's new one starts every camera at sequence 0
   * again, and the sink would take each new frame for one it had already recorded.
   */
  private void clearEarlierRun() throws IOException {
    Path dir = options.outputDir();
    // Reading a segment's metadata opens it, and FFmpeg prints a stream banner for every file at its default level.
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    int segments = new VideoFiles(dir).deleteRecordings();
    boolean csv = Files.deleteIfExists(dir.resolve(ANALYTICS_CSV));
    boolean summary = Files.deleteIfExists(dir.resolve(SUMMARY_JSON));
    if (segments > 0 || csv || summary) {
      out.println("removed an earlier demo run from " + dir + " (" + segments + " video segment(s)): a new embedded"
          + " broker starts every camera's sequence at 0 again (--out DIR keeps runs apart)");
    }
  }

  /** Ends capture early (Ctrl-C); the frames already published are still segmented, recorded and summed up. */
  public void stop() {
    stopRequested = true;
  }

  private Settings settings(String bootstrapServers) {
    Map<String, String> values = new HashMap<>();
    values.put(KafkaSettings.BOOTSTRAP_SERVERS, bootstrapServers);
    values.put(WorkerConfig.MODEL_PATH, options.model().toString());
    values.put(WorkerConfig.MODEL_CLASSES, options.classes().toString());
    values.put(WorkerConfig.INPUT_WIDTH, Integer.toString(options.inputWidth()));
    values.put(WorkerConfig.INPUT_HEIGHT, Integer.toString(options.inputHeight()));
    values.put(WorkerConfig.DETECTOR_ENABLED, Boolean.toString(options.detector() != null));
    if (options.detector() != null) {
      values.put(WorkerConfig.DETECTOR_PATH, options.detector().toString());
      values.put(WorkerConfig.DETECTOR_CLASSES, options.detectorClasses().toString());
    }
    values.put(SinkConfig.OUTPUT_DIR, options.outputDir().toString());
    // Without a cap the MP4 cannot know the source's rate; 25 frames/s is the usual camera rate.
    values.put(SinkConfig.VIDEO_FPS, Double.toString(options.fps() > 0 ? options.fps() : 25));
    values.put(CaptureConfig.FPS, Double.toString(options.fps()));
    values.put(CaptureConfig.WIDTH, Integer.toString(options.width()));
    values.put(CaptureConfig.HEIGHT, Integer.toString(options.height()));
    values.put(CaptureConfig.MAX_FRAMES, Long.toString(options.framesPerCamera()));
    return base.with(values);
  }

  private DemoSummary runPipeline(Settings settings) throws InterruptedException, SourceException {
    Topics topics = Topics.from(settings);
    KafkaSettings kafka = KafkaSettings.from(settings);
    new TopicSetup(kafka).ensure(Set.of(topics.frames(), topics.segments(), topics.analytics(), topics.deadLetter(),
        topics.detections(), topics.windows()), options.partitions(), (short) 1, 16 * 1024 * 1024);

    try (Telemetry telemetry = new Telemetry();
        MetricsServer metrics = MetricsServer.start(MetricsConfig.from(settings), telemetry)) {
      if (metrics != null) {
        out.println("metrics, health and readiness at http://localhost:" + metrics.port() + "/metrics, /health, /ready");
      }
      return runComponents(settings, kafka, topics, telemetry);
    }
  }

  private DemoSummary runComponents(Settings settings, KafkaSettings kafka, Topics topics, Telemetry telemetry)
      throws InterruptedException, SourceException {
    WorkerStats workerStats = new WorkerStats(telemetry);
    List<CaptureAgent> agents = new ArrayList<>();
    List<CaptureStats> captureStats = new ArrayList<>();
    Deque<Runnable> releases = new ArrayDeque<>();
    WorkerConfig workerConfig;
    SegmenterWorker worker;
    RecorderSink sink;
    AnalyticsWindows windows;
    try {
      // The cameras first: a source that cannot be opened fails at once, before the models load.
      for (int i = 1; i <= options.cameras(); i++) {
        CaptureStats stats = new CaptureStats(telemetry, "camera-" + i);
        captureStats.add(stats);
        CaptureAgent agent = CaptureMain.start(CaptureConfig.from(settings.with(Map.of(
            CaptureConfig.CAMERA_ID, "camera-" + i,
            CaptureConfig.SOURCE, sourceFor(i)))), stats);
        agents.add(agent);
        releases.push(() -> runStopped(agent::stop, agent));
      }
      out.println("loading model " + options.model() + (options.detector() == null ? "" : " and detector "
          + options.detector()) + " ...");
      workerConfig = WorkerConfig.from(settings);
      SegmenterWorker builtWorker = WorkerMain.start(workerConfig, workerStats);
      releases.push(() -> runStopped(builtWorker::stop, builtWorker));
      RecorderSink builtSink = SinkMain.start(SinkConfig.from(settings), telemetry);
      releases.push(() -> runStopped(builtSink::stop, builtSink));
      WindowsConfig windowsConfig = WindowsConfig.from(settings);
      worker = builtWorker;
      sink = builtSink;
      windows = windowsConfig.enabled()
          ? AnalyticsWindows.start(windowsConfig, telemetry.component("analytics-windows")) : null;
    } catch (SourceException | RuntimeException e) {
      release(releases, e);
      throw e;
    }
    PipelineMeters meters = new PipelineMeters(captureStats, workerStats, sink.stats());

    Thread sinkThread = start(sink, "recorder-sink");
    Thread workerThread = start(worker, "segmenter-worker");
    long started = System.nanoTime();
    List<Thread> captureThreads = new ArrayList<>();
    for (int i = 0; i < agents.size(); i++) {
      captureThreads.add(start(agents.get(i), "capture-camera-" + (i + 1)));
    }
    out.printf(Locale.ROOT, "running %d camera(s) for %s; Ctrl-C stops early%n", options.cameras(),
        options.framesPerCamera() > 0 ? options.framesPerCamera() + " frames each" : options.seconds() + " s");

    ProgressLine progress = new ProgressLine(meters);
    BacklogHint backlog = new BacklogHint("the worker is falling behind the cameras", "--max-frame-age MS"
        + " (worker.max.frame.age.ms) segments each camera's newest frame and answers the older ones SKIPPED");
    boolean skipping = workerConfig.throughput().maxFrameAgeMs() > 0;
    long deadline = options.seconds() > 0 ? System.currentTimeMillis() + Math.round(options.seconds() * 1000) : Long.MAX_VALUE;
    CaptureThreads capturing = new CaptureThreads(captureThreads);
    while (capturing.anyAlive() && failures.isEmpty()) {
      capturing.join(PROGRESS_INTERVAL_MS);
      if (stopRequested || System.currentTimeMillis() >= deadline) {
        agents.forEach(CaptureAgent::stop);
      }
      out.println(progress.next());
      if (!skipping) {
        backlog.next(meters.published() - workerStats.segmentedCount() - workerStats.skippedCount()
            - workerStats.failedCount()).ifPresent(out::println);
      }
    }
    agents.forEach(CaptureAgent::stop);
    for (Thread thread : captureThreads) {
      thread.join();
    }
    double captureSeconds = (System.nanoTime() - started) / 1e9;
    out.println("capture finished; waiting for the worker and the sink to catch up ...");
    waitUntilSettled(meters, progress);
    double seconds = (System.nanoTime() - started) / 1e9;

    worker.stop();
    sink.stop();
    workerThread.join();
    sinkThread.join();
    Long windowRows = windows == null ? null : finishWindows(windows, kafka, topics.windows());
    if (!failures.isEmpty()) {
      Throwable first = failures.peek();
      throw new IllegalStateException("the pipeline failed: " + first.getMessage(), first);
    }
    Path csv = options.outputDir().resolve(ANALYTICS_CSV);
    DemoSummary summary = DemoSummary.of(meters, Math.max(seconds, captureSeconds), options.cameras(),
        options.model().getFileName() + (options.detector() == null ? "" : " + " + options.detector().getFileName()),
        sink.files(), csv, windowRows, topics.windows());
    summary.write(options.outputDir().resolve(SUMMARY_JSON));
    return summary;
  }

  /**
   * Runs a component that was asked to stop before it started: it returns at once, having closed its Kafka clients
   * and its source, which a component built but never run would otherwise leave open.
   */
  private static void runStopped(Runnable stop, Runnable component) {
    stop.run();
    component.run();
  }

  /** Releases what was built before {@code failure}, newest first, so that the error is all the user sees. */
  private static void release(Deque<Runnable> releases, Exception failure) {
    while (!releases.isEmpty()) {
      try {
        releases.pop().run();
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }

  /** Lets the windows application process every analytics row, stops it and counts the window rows published. */
  private long finishWindows(AnalyticsWindows windows, KafkaSettings kafka, String topic) throws InterruptedException {
    try (windows) {
      if (!windows.awaitCaughtUp(Duration.ofSeconds(30))) {
        out.println("the analytics windows did not catch up within 30 s; their row count may be short");
      }
    }
    long[] rows = {0};
    new TopicSnapshot(kafka, topic, new TimeRange(null, null)).read(record -> rows[0]++);
    return rows[0];
  }

  /** Waits until the sink has finished every published frame, or nothing has moved for a long time. */
  private void waitUntilSettled(PipelineMeters meters, ProgressLine progress) throws InterruptedException {
    long lastSettled = -1;
    long lastChange = System.currentTimeMillis();
    while (meters.settled() < meters.published() && failures.isEmpty()) {
      Thread.sleep(PROGRESS_INTERVAL_MS);
      out.println(progress.next());
      long settled = meters.settled();
      if (settled != lastSettled) {
        lastSettled = settled;
        lastChange = System.currentTimeMillis();
      } else if (System.currentTimeMillis() - lastChange > STALL_TIMEOUT_MS) {
        out.println("no progress for " + STALL_TIMEOUT_MS / 1000 + " s; stopping with "
            + (meters.published() - settled) + " frame(s) unaccounted for");
        return;
      }
    }
  }

  private String sourceFor(int camera) {
    String source = options.source();
    String lower = source.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("synthetic")) {
      return source;
    }
    String seed = source.contains(":") ? source.substring(source.indexOf(':') + 1).trim() : "";
    if (!seed.isEmpty() && !seed.matches("-?\\d{1,18}")) {
      return source;
    }
    long first = seed.isEmpty() ? DEFAULT_FIRST_SEED : Long.parseLong(seed);
    return "synthetic:" + (first + camera - 1);
  }

  private Thread start(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setUncaughtExceptionHandler((t, e) -> {
      failures.add(e);
      out.println(t.getName() + " failed: " + e.getMessage());
    });
    thread.start();
    return thread;
  }
}
