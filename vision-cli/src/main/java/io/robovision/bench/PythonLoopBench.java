package io.robovision.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs bench/python_loop.py as a subprocess and reads the frames per second from its last line. */
final class PythonLoopBench {
  private final Path python;
  private final Path script;

  PythonLoopBench(Path python, Path script) {
    this.python = python;
    this.script = script;
  }

  /** {@code torchDevice}: where the loop runs the model, {@code cpu} or {@code cuda:N}. */
  BenchReport.PythonFigures run(Path model, Path frames, long count, int width, int height, int classes,
      String torchDevice) throws InterruptedException {
    if (!Files.isExecutable(python)) {
      return BenchReport.PythonFigures.skipped(python + " not found (--python)");
    }
    if (!Files.isRegularFile(script)) {
      return BenchReport.PythonFigures.skipped(script + " not found (--python-script)");
    }
    List<String> command = List.of(python.toString(), script.toString(), "--model", model.toString(),
        "--frames", frames.toString(), "--count", Long.toString(count), "--width", Integer.toString(width),
        "--height", Integer.toString(height), "--classes", Integer.toString(classes), "--device", torchDevice);
    String output;
    int status;
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return BenchReport.PythonFigures.skipped("the Python loop did not finish within 30 minutes");
      }
      status = process.exitValue();
    } catch (IOException e) {
      return BenchReport.PythonFigures.skipped("cannot run " + python + ": " + e.getMessage());
    }
    String last = output.strip().lines().reduce((a, b) -> b).orElse("");
    if (status == 3) {
      return BenchReport.PythonFigures.skipped("torch is not installed for " + python
          + " (Debian: apt-get install python3-torch)");
    }
    if (status != 0) {
      return BenchReport.PythonFigures.skipped("the Python loop failed with status " + status + ": " + last);
    }
    try {
      JsonNode json = new ObjectMapper().readTree(last);
      return new BenchReport.PythonFigures(json.get("fps").asDouble(), json.get("frames").asLong(),
          json.get("decoder").asText(), json.get("torch").asText(), json.get("threads").asInt(), null);
    } catch (IOException | NullPointerException e) {
      return BenchReport.PythonFigures.skipped("unexpected output of the Python loop: " + last);
    }
  }
}
