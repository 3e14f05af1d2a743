package io.robovision.demo;

import java.nio.file.Path;

/** What the one-JVM demo runs: how many cameras, for how long, from which source, with which models (a null detector: none). */
public record DemoOptions(
    int cameras,
    double seconds,
    long framesPerCamera,
    String source,
    Path model,
    Path classes,
    Path detector,
    Path detectorClasses,
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
    if (fps < 0) {
      throw new IllegalArgumentException("--fps must be 0 (no cap) or positive, got " + fps);
    }
    if (width < 0 || height < 0 || inputWidth < 16 || inputHeight < 16) {
      throw new IllegalArgumentException("--width/--height must be >= 0 (0 keeps the source size) and"
          + " --input-width/--input-height >= 16");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
    }
  }
}
