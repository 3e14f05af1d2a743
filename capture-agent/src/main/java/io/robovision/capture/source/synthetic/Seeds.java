package io.robovision.capture.source.synthetic;

import java.util.SplittableRandom;

/** Derives independent, reproducible random streams from a root seed and a path of indices. */
final class Seeds {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Seeds() {
  }

  static long derive(long seed, long... path) {
    long state = mix(seed + GOLDEN_GAMMA);
    for (long step : path) {
      state = mix(state ^ mix(step + GOLDEN_GAMMA));
    }
    return state;
  }

  static SplittableRandom random(long seed, long... path) {
    return new SplittableRandom(derive(seed, path));
  }

  private static long mix(long value) {
    long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
