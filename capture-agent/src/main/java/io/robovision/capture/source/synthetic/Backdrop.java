package io.robovision.capture.source.synthetic;

import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;

/** A scene's background: one base pattern plus clutter, repainted identically from its seed on every frame. */
final class Backdrop {
  private final long seed;

  Backdrop(long seed) {
    this.seed = seed;
  }

  /** Call inside a PointerScope. */
  void paint(Mat image) {
    SplittableRandom random = new SplittableRandom(seed);
    BackdropPattern[] patterns = BackdropPattern.values();
    patterns[random.nextInt(patterns.length)].paint(image, random);
    Clutter.paint(image, random);
  }
}
