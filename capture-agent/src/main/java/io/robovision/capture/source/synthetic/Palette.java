package io.robovision.capture.source.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/** Samples the colours of the world: any colour for objects, skin tones for people, muted tones for backgrounds. */
final class Palette {
  private static final List<Bgr> SKIN_TONES = List.of(
      new Bgr(196, 226, 255), new Bgr(160, 196, 238), new Bgr(120, 160, 214),
      new Bgr(84, 122, 176), new Bgr(56, 86, 130), new Bgr(38, 58, 92));

  private Palette() {
  }

  static Bgr object(SplittableRandom random) {
    return Bgr.hsv(random.nextDouble(360), 0.1 + 0.9 * random.nextDouble(), 0.2 + 0.8 * random.nextDouble());
  }

  static Bgr skin(SplittableRandom random) {
    return SKIN_TONES.get(random.nextInt(SKIN_TONES.size())).shade(0.9 + 0.2 * random.nextDouble());
  }

  static Bgr muted(SplittableRandom random) {
    return Bgr.hsv(random.nextDouble(360), 0.05 + 0.35 * random.nextDouble(), 0.25 + 0.65 * random.nextDouble());
  }

  static Bgr backdrop(SplittableRandom random) {
    return Bgr.hsv(random.nextDouble(360), 0.7 * random.nextDouble(), 0.15 + 0.8 * random.nextDouble());
  }
}
