package io.robovision.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Misuse ends in one line that names what is wrong. */
class MisuseTest {
  private String run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = VisionCommand.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    int status = commandLine.execute(args);
    assertThat(status).isNotZero();
    return err.toString().strip();
  }

  @Test
  void anUnreachableBrokerIsNamedWithinABoundedTime() {
    long started = System.nanoTime();
    String error = run("capture", "--bootstrap-servers", "127.0.0.1:1", "--source", "synthetic:");
    assertThat(error).startsWith("vision capture: cannot reach Kafka at 127.0.0.1:1").doesNotContain("\n");
    assertThat((System.nanoTime() - started) / 1e9).isLessThan(40);
  }

  @Test
  void aMissingModelFileIsNamed() {
    String error = run("segment", "--bootstrap-servers", "127.0.0.1:1", "--classes", "../models/voc_classes.txt",
        "--model", "/no/such/model.pt", "--no-detection");
    assertThat(error).isEqualTo("vision segment: model file '/no/such/model.pt' does not exist (--model or model.path)");
  }

  @Test
  void askingForAGpuThatIsNotThereIsNamed() {
    String error = run("segment", "--bootstrap-servers", "127.0.0.1:1", "--classes", "../models/voc_classes.txt",
        "--model", "../models/deeplabv3_mobilenet_v3_large.pt", "--no-detection", "--device", "gpu");
    assertThat(error).startsWith("vision segment: inference.device is 'gpu' but DJL's PyTorch engine sees no CUDA GPU")
        .contains("--device cpu").doesNotContain("\n");
  }

  @Test
  void aBenchOnADeviceThatIsNotThereIsNamed() {
    assertThat(run("bench", "--device", "tpu")).isEqualTo(
        "vision bench: --device must be auto, cpu, gpu or gpu:N, got 'tpu'");
    assertThat(run("bench", "--device", "gpu", "--model", "../models/deeplabv3_mobilenet_v3_large.pt",
        "--classes", "../models/voc_classes.txt", "--trivial-model", "../bench/trivial_segmenter.pt"))
        .startsWith("vision bench: inference.device is 'gpu' but DJL's PyTorch engine sees no CUDA GPU")
        .doesNotContain("\n");
  }

  @Test
  void aDemoThatCannotStartNamesWhyAndLeavesNoKafkaClientRunning(@TempDir Path out) {
    // The cameras and the worker are built before the sink's setting is read: both must be released.
    String error = run("demo", "--no-detection", "--frames", "5", "--out", out.toString(),
        "--model", "../models/deeplabv3_mobilenet_v3_large.pt", "--classes", "../models/voc_classes.txt",
        "-s", "sink.render.threads=0");
    assertThat(error).isEqualTo("vision demo: sink.render.threads must be at least 1, got 0");
    assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName)
        .noneMatch(name -> name.startsWith("kafka-producer-network-thread") || name.startsWith("kafka-coordinator"));
  }

  @Test
  void anOutputFolderThatCannotBeMadeSaysWhy(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    assertThat(run("dataset", "--out", file.resolve("set").toString(), "--count", "1", "--seed", "1"))
        .isEqualTo("vision dataset: cannot write dataset to " + file.resolve("set") + " (--out): Not a directory");
    assertThat(run("broker", "--port", "0", "--data", file.resolve("kafka").toString()))
        .isEqualTo("vision broker: cannot prepare the broker's data folder, '" + file.resolve("kafka")
            + "' (--data): Not a directory");
  }

  @Test
  void aDemoOutputFolderThatCannotBeMadeFailsBeforeAnythingStarts(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    // Later, the sink would say the same of sink.output.dir, after the broker, the cameras and the models.
    assertThat(run("demo", "--out", file.resolve("out").toString(),
        "--model", "../models/deeplabv3_mobilenet_v3_large.pt", "--detector", "../models/yolo_synthetic.pt"))
        .isEqualTo("vision demo: cannot create output folder '" + file.resolve("out") + "' (--out): Not a directory");
  }

  @Test
  void aBadSettingIsNamed() {
    String error = run("capture", "--fps", "fast");
    assertThat(error).isEqualTo("vision capture: capture.fps must be a number, got 'fast'");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"demo", "broker", "capture", "segment", "record", "dataset"}) {
      StringWriter out = new StringWriter();
      CommandLine commandLine = VisionCommand.commandLine();
      commandLine.setOut(new PrintWriter(out, true));
      assertThat(commandLine.execute(command, "--help")).isZero();
      assertThat(out.toString()).contains("Usage: vision " + command);
    }
  }
}
