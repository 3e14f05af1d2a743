package io.robovision.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Describes this machine from /proc and the running JVM. */
final class MachineInfo {
  BenchReport.Machine describe() {
    return new BenchReport.Machine(
        procField(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")),
        Runtime.getRuntime().availableProcessors(),
        procField(Path.of("/proc/meminfo"), "MemTotal").map(MachineInfo::kilobytes).orElse(0L) / 1024,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"));
  }

  /** The value of a {@code name: value} line of a /proc file. */
  static java.util.Optional<String> procField(Path file, String name) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.stream().filter(line -> line.startsWith(name)).findFirst()
          .map(line -> line.substring(line.indexOf(':') + 1).trim());
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  /** "123456 kB" to 123456. */
  static long kilobytes(String value) {
    return Long.parseLong(value.replace("kB", "").trim());
  }
}
