package io.robovision.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Starts a component's main class in a JVM of its own, so that a test can kill it abruptly. */
public final class ChildJvm {
  private ChildJvm() {
  }

  /** Runs {@code main} on {@code settings}, written to {@code dir/NAME.properties}; output in {@code dir/NAME.log}. */
  public static Process start(Class<?> main, Map<String, String> settings, Path dir, String name) throws IOException {
    Path properties = dir.resolve(name + ".properties");
    StringBuilder text = new StringBuilder();
    settings.forEach((key, value) -> text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
    Files.writeString(properties, text);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(java.toString(), "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
        main.getName(), properties.toString())
        .redirectErrorStream(true)
        .redirectOutput(log(dir, name).toFile())
        .start();
  }

  /** Where {@link #start} sends the child's output. */
  public static Path log(Path dir, String name) {
    return dir.resolve(name + ".log");
  }
}
