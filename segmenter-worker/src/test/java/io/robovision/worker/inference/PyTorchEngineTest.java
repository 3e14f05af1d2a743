package io.robovision.worker.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PyTorchEngineTest {
  /**
   * A build without the bundled CPU libtorch (-Dlibtorch=download), offline: DJL goes for the flavour PYTORCH_FLAVOR
   * names and cannot fetch it. The worker must say what it wanted and the ways out, not only DJL's "Failed to save
   * pytorch index file".
   */
  @Test
  void withoutABundledLibtorchTheErrorNamesTheWaysOut(@TempDir Path dir) throws Exception {
    String classPath = Arrays.stream(testClassPath().split(File.pathSeparator))
        .filter(entry -> !entry.contains("pytorch-native-cpu"))
        .collect(Collectors.joining(File.pathSeparator));
    Path log = dir.resolve("engine.log");
    ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dai.djl.offline=true", "-cp", classPath, EngineCheck.class.getName())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    child.environment().put("DJL_CACHE_DIR", dir.resolve("djl").toString());
    child.environment().put("PYTORCH_FLAVOR", "cu128");
    child.environment().remove("PYTORCH_LIBRARY_PATH");
    Process process = child.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    String output = Files.readString(log);
    assertThat(process.exitValue()).as(output).isNotZero();
    assertThat(output).contains("could not load libtorch", "Offline mode is enabled", "-Dlibtorch=download",
        "PYTORCH_LIBRARY_PATH", "Running on a GPU");
  }

  /** Surefire may hand the fork a manifest-only jar; it names the real entries in surefire.test.class.path. */
  private static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }
}
