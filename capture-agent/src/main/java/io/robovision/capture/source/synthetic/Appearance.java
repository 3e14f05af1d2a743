package io.robovision.capture.source.synthetic;

import java.util.SplittableRandom;

/** Colours and shape variant (such as a person's pose) of one object; each shape decides which part wears which. */
record Appearance(Bgr primary, Bgr secondary, Bgr accent, Bgr skin, int variant) {
  static final int VARIANTS = 4;

  static Appearance random(SplittableRandom random) {
    return new Appearance(Palette.object(random), Palette.object(random), Palette.object(random),
        Palette.skin(random), random.nextInt(VARIANTS));
  }
}
