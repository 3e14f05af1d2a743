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

  /**
   * pip's torch 2.11 under pytorch-jni 2.7.1 crashed the JVM at the first model load (the GPU check, 2026-11-27):
   * the worker must refuse such a PYTORCH_LIBRARY_PATH before DJL loads anything from it.
   */
  @Test
  void aLibtorchOfAnotherVersionIsRefusedBeforeDjlLoadsIt(@TempDir Path dir) throws Exception {
    Path lib = Files.createDirectories(dir.resolve("torch/lib"));
    Files.writeString(lib.resolve(System.mapLibraryName("torch")), "not a library: DJL must never open it");
    Files.writeString(lib.resolveSibling("version.py"), "__version__ = '2.11.0+cu130'\n");
    Path log = dir.resolve("engine.log");
    ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dai.djl.offline=true", "-cp", testClassPath(), EngineCheck.class.getName())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    child.environment().put("DJL_CACHE_DIR", dir.resolve("djl").toString());
    child.environment().put("PYTORCH_LIBRARY_PATH", lib.toString());
    child.environment().put("PYTORCH_FLAVOR", "cpu");
    child.environment().remove("PYTORCH_VERSION");
    Process process = child.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    String output = Files.readString(log);
    assertThat(process.exitValue()).as(output).isEqualTo(1);
    assertThat(output)
        .contains("PYTORCH_LIBRARY_PATH names " + lib, "libtorch 2.11.0+cu130", "pytorch-jni 2.7.1-0.36.0")
        .doesNotContain("Loading native library", "Found matching platform");
  }

  /** Surefire may hand the fork a manifest-only jar; it names the real entries in surefire.test.class.path. */
  private static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }
}
