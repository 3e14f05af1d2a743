package io.robovision.bench;

import io.robovision.config.KafkaSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Runs {@code vision segment} as a child JVM over many waiting frames and samples its resident
 * memory (VmRSS) every second, to check it stays flat once warmed up. Native memory that the
 * garbage collector frees makes RSS a sawtooth, so the verdict compares the medians of the first
 * and the last tenth of the samples rather than two single samples; the band is reported too.
 */
final class RssBench {
  static final String FRAMES_TOPIC = "bench.rss.frames";
  static final String SEGMENTS_TOPIC = "bench.rss.segments";
  private static final double FLAT_PERCENT = 5;
  private static final String HEAP = "1g";

  private static final long PROGRESS_MILLIS = 10_000;

  private final KafkaSettings kafka;
  private final Path logFile;
  private final PrintStream out;

  RssBench(KafkaSettings kafka, Path logFile, PrintStream out) {
    this.kafka = kafka;
    this.logFile = logFile;
    this.out = out;
  }

  BenchReport.RssFigures run(FramePool pool, BenchOptions options, Path model, long frames)
      throws IOException, InterruptedException {
    pool.publish(kafka, FRAMES_TOPIC, frames);
    Process child = new ProcessBuilder(command(options, model, FRAMES_TOPIC, SEGMENTS_TOPIC))
        .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    long warm = Math.max(1, frames / 10);
    List<Long> samples = new ArrayList<>();
    long received = 0;
    try (KafkaConsumer<String, byte[]> consumer = WorkerBench.fromStart(kafka, SEGMENTS_TOPIC)) {
      long deadline = System.currentTimeMillis() + Duration.ofMinutes(5).toMillis() + frames * 2_000;
      long nextSample = 0;
      long nextProgress = System.currentTimeMillis() + PROGRESS_MILLIS;
      while (received < frames && child.isAlive() && System.currentTimeMillis() < deadline) {
        received += consumer.poll(Duration.ofMillis(200)).count();
        if (System.currentTimeMillis() >= nextSample) {
          long rss = rssKb(child.pid());
          if (rss > 0 && received >= warm) {
            samples.add(rss);
          }
          nextSample = System.currentTimeMillis() + 1_000;
          if (System.currentTimeMillis() >= nextProgress) {
            out.printf(Locale.ROOT, "    %d of %d results, VmRSS %d MB%n", received, frames, rss / 1024);
            nextProgress += PROGRESS_MILLIS;
          }
        }
      }
      if (received < frames || samples.isEmpty()) {
        throw new IllegalStateException("the child worker produced " + received + " of " + frames
            + " results; see " + logFile);
      }
      long endKb = rssKb(child.pid());
      if (endKb > 0) {
        samples.add(endKb);
      }
      return figures(model.getFileName().toString(), frames, samples);
    } finally {
      child.destroy();
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }

  static BenchReport.RssFigures figures(String model, long frames, List<Long> samples) {
    int window = Math.max(1, samples.size() / 10);
    long startKb = median(samples.subList(0, window));
    long endKb = median(samples.subList(samples.size() - window, samples.size()));
    LongSummaryStatistics band = samples.stream().mapToLong(Long::longValue).summaryStatistics();
    double change = 100.0 * (endKb - startKb) / startKb;
    return new BenchReport.RssFigures(model, frames, startKb, endKb, band.getMin(), band.getMax(),
        Math.round(change * 100) / 100.0, Math.abs(change) <= FLAT_PERCENT, samples.size());
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private List<String> command(BenchOptions options, Path model, String framesTopic, String segments) {
    String java = ProcessHandle.current().info().command().orElse("java");
    // A fixed, pre-touched heap is resident from the start, so what RSS gains afterwards is native memory.
    List<String> command = new ArrayList<>(List.of(java, "-Xms" + HEAP, "-Xmx" + HEAP, "-XX:+AlwaysPreTouch",
        "-Dai.djl.offline=true",
        "-Dvision.home=" + System.getProperty("vision.home", "."),
        "-cp", System.getProperty("java.class.path"), "io.robovision.cli.VisionCommand", "segment",
        "--bootstrap-servers", kafka.bootstrapServers(), "--model", model.toString(),
        "--classes", options.classes().toString(), "--input-width", Integer.toString(options.width()),
        "--input-height", Integer.toString(options.height()), "--no-detection", "--group-id", "bench-rss",
        "-s", "topic.frames=" + framesTopic, "-s", "topic.segments=" + segments,
        "-s", "topic.deadletter=" + WorkerBench.DEAD_LETTER_TOPIC));
    options.workerOverrides(true, Runtime.getRuntime().availableProcessors())
        .forEach((key, value) -> command.addAll(List.of("-s", key + "=" + value)));
    return command;
  }

  private static long rssKb(long pid) {
    return MachineInfo.procField(Path.of("/proc", Long.toString(pid), "status"), "VmRSS")
        .map(MachineInfo::kilobytes).orElse(-1L);
  }
}
