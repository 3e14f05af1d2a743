package io.robovision.demo;

import java.nio.file.Path;

/** What the one-JVM demo runs: how many cameras, for how long, from which source, with which model. */
public record DemoOptions(
    int cameras,
    double seconds,
    long framesPerCamera,
    String source,
    Path model,
    Path classes,
    Path outputDir,
    double fps,
    int width,
    int height,
    int inputWidth,
    int inputHeight,
    int partitions) {

  public DemoOptions {
    if (cameras < 1 || cameras > 64) {
      throw new IllegalArgumentException("--cameras must be 1..64, got " + cameras);
    }
    if (seconds <= 0 && framesPerCamera <= 0) {
      throw new IllegalArgumentException("give --seconds or --frames a positive value");
    }
  }
}
