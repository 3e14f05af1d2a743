package io.robovision.bench;

import io.robovision.config.KafkaSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Runs {@code vision segment} as a child JVM over many waiting frames and samples its resident
 * memory (VmRSS) every second, to check it stays flat once warmed up.
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
    long startKb = -1;
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
            if (startKb < 0) {
              startKb = rss;
            }
          }
          nextSample = System.currentTimeMillis() + 1_000;
          if (System.currentTimeMillis() >= nextProgress) {
            out.printf(Locale.ROOT, "    %d of %d results, VmRSS %d MB%n", received, frames, rss / 1024);
            nextProgress += PROGRESS_MILLIS;
          }
        }
      }
      long endKb = rssKb(child.pid());
      if (endKb > 0) {
        samples.add(endKb);
      }
      if (received < frames || startKb < 0) {
        throw new IllegalStateException("the child worker produced " + received + " of " + frames
            + " results; see " + logFile);
      }
      long maxKb = samples.stream().mapToLong(Long::longValue).max().orElse(endKb);
      double change = 100.0 * (endKb - startKb) / startKb;
      return new BenchReport.RssFigures(model.getFileName().toString(), frames, startKb, endKb, maxKb,
          Math.round(change * 100) / 100.0, Math.abs(change) <= FLAT_PERCENT
              && 100.0 * (maxKb - startKb) / startKb <= FLAT_PERCENT, samples.size());
    } finally {
      child.destroy();
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
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
    options.workerOverrides(true).forEach((key, value) -> command.addAll(List.of("-s", key + "=" + value)));
    return command;
  }

  private static long rssKb(long pid) {
    return MachineInfo.procField(Path.of("/proc", Long.toString(pid), "status"), "VmRSS")
        .map(MachineInfo::kilobytes).orElse(-1L);
  }
}
