package io.robovision.capture.source.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ObjectShapesTest {
  private static final int SIZE = 400;
  private static final double SCALE = 100;
  private static final double REAR_WHEEL_X = -0.55;
  private static final double WHEEL_Y = 0.17;

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void everyPoseStaysWithinTheDeclaredExtent(ObjectKind kind) {
    SplittableRandom random = new SplittableRandom(3);
    for (int variant = 0; variant < Appearance.VARIANTS; variant++) {
      Appearance base = Appearance.random(random);
      Appearance look = new Appearance(base.primary(), base.secondary(), base.accent(), base.skin(), variant);
      for (double phase = 0; phase < 2 * Math.PI; phase += 0.7) {
        byte[] mask = drawMask(kind, look, phase, false);
        int[] extent = extent(mask);
        assertThat(extent[0]).as("%s variant %d drew nothing", kind, variant).isLessThan(SIZE);
        double reach = SCALE * (kind.halfWidth() + 0.03);
        assertThat(extent[0]).isGreaterThanOrEqualTo((int) Math.floor(SIZE / 2.0 - reach));
        assertThat(extent[2]).isLessThanOrEqualTo((int) Math.ceil(SIZE / 2.0 + reach));
        // Only a waving arm may rise above the head.
        double top = kind == ObjectKind.PERSON && PersonPose.of(variant) == PersonPose.WAVING ? 0.65 : 0.52;
        assertThat(extent[1]).isGreaterThanOrEqualTo((int) Math.floor(SIZE / 2.0 - SCALE * top));
        assertThat(extent[3]).isLessThanOrEqualTo((int) Math.ceil(SIZE / 2.0 + SCALE * 0.52));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void mirroringFlipsTheMaskExactlyForEveryShape(ObjectKind kind) {
    Appearance look = Appearance.random(new SplittableRandom(kind.ordinal()));
    byte[] facingRight = drawMask(kind, look, 1.0, false);
    byte[] facingLeft = drawMask(kind, look, 1.0, true);

    int differing = 0;
    int covered = 0;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        boolean right = facingRight[y * SIZE + x] != 0;
        covered += right ? 1 : 0;
        differing += right != (facingLeft[y * SIZE + (SIZE - 1 - x)] != 0) ? 1 : 0;
      }
    }
    assertThat(covered).isGreaterThan(1000);
    // Rasterisation may round a mirrored edge differently, but the silhouettes must coincide.
    assertThat(differing).isLessThan(covered / 20);
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void objectPixelsInTheMaskAreThoseThePenPainted(ObjectKind kind) {
    try (PointerScope scope = new PointerScope()) {
      Mat image = new Mat(SIZE, SIZE, CV_8UC3, new Scalar(0, 0, 0, 0));
      Mat mask = new Mat(SIZE, SIZE, CV_8UC1, new Scalar(0));
      Appearance look = new Appearance(new Bgr(200, 200, 200), new Bgr(180, 180, 180),
          new Bgr(220, 220, 220), new Bgr(210, 210, 210), 1);
      kind.shape().draw(ObjectPen.drawing(image, mask, 9, centred(false)), look, 0.5);
      byte[] pixels = MatBytes.of(image);
      byte[] owners = MatBytes.of(mask);
      int masked = 0;
      int maskedButBlack = 0;
      for (int i = 0; i < owners.length; i++) {
        assertThat(owners[i]).isIn((byte) 0, (byte) 9);
        if (owners[i] != 0 && !(kind == ObjectKind.BICYCLE && insideWheel(i % SIZE, i / SIZE))) {
          masked++;
          boolean black = pixels[3 * i] == 0 && pixels[3 * i + 1] == 0 && pixels[3 * i + 2] == 0;
          maskedButBlack += black ? 1 : 0;
        }
      }
      assertThat(masked).isGreaterThan(1000);
      assertThat(maskedButBlack).isLessThan(masked / 50);
    }
  }

  @Test
  void bicycleWheelsArePaintedAsSpokesButLabelledWhole() {
    try (PointerScope scope = new PointerScope()) {
      Mat image = new Mat(SIZE, SIZE, CV_8UC3, new Scalar(0, 0, 0, 0));
      Mat mask = new Mat(SIZE, SIZE, CV_8UC1, new Scalar(0));
      double phase = 0.4;
      ObjectKind.BICYCLE.shape().draw(ObjectPen.drawing(image, mask, 9, centred(false)),
          Appearance.random(new SplittableRandom(1)), phase);
      byte[] pixels = MatBytes.of(image);
      byte[] owners = MatBytes.of(mask);
      double hubX = (SIZE - 1) / 2.0 + SCALE * REAR_WHEEL_X;
      double hubY = SIZE / 2.0 + SCALE * WHEEL_Y;
      double betweenSpokes = phase + Math.PI / 8;
      for (double radius : new double[] {0.1, 0.2}) {
        int x = (int) Math.round(hubX + SCALE * radius * Math.cos(betweenSpokes));
        int y = (int) Math.round(hubY + SCALE * radius * Math.sin(betweenSpokes));
        int i = y * SIZE + x;
        assertThat(pixels[3 * i] | pixels[3 * i + 1] | pixels[3 * i + 2]).as("paint at radius %s", radius).isZero();
        assertThat(owners[i]).as("label at radius %s", radius).isEqualTo((byte) 9);
      }
      int beyondTyre = (int) Math.round(hubX - SCALE * (BicycleShape.WHEEL_RADIUS + 0.03));
      assertThat(owners[(int) Math.round(hubY) * SIZE + beyondTyre]).isZero();
    }
  }

  private static boolean insideWheel(int x, int y) {
    double hubY = SIZE / 2.0 + SCALE * WHEEL_Y;
    for (double hub : new double[] {REAR_WHEEL_X, -REAR_WHEEL_X}) {
      double hubX = (SIZE - 1) / 2.0 + SCALE * hub;
      if (Math.hypot(x - hubX, y - hubY) <= SCALE * BicycleShape.WHEEL_RADIUS + 1) {
        return true;
      }
    }
    return false;
  }

  private static byte[] drawMask(ObjectKind kind, Appearance look, double phase, boolean mirrored) {
    try (PointerScope scope = new PointerScope()) {
      Mat mask = new Mat(SIZE, SIZE, CV_8UC1, new Scalar(0));
      kind.shape().draw(ObjectPen.footprint(mask, centred(mirrored)), look, phase);
      return MatBytes.of(mask);
    }
  }

  /** Centred on a pixel centre so that mirroring maps the pixel grid onto itself. */
  private static Placement centred(boolean mirrored) {
    return new Placement((SIZE - 1) / 2.0, SIZE / 2.0, SCALE, mirrored, 0);
  }

  /** {minX, minY, maxX, maxY} of the non-zero pixels; minX is SIZE when there are none. */
  private static int[] extent(byte[] mask) {
    int[] extent = {SIZE, SIZE, -1, -1};
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        if (mask[y * SIZE + x] != 0) {
          extent[0] = Math.min(extent[0], x);
          extent[1] = Math.min(extent[1], y);
          extent[2] = Math.max(extent[2], x);
          extent[3] = Math.max(extent[3], y);
        }
      }
    }
    return extent;
  }
}
