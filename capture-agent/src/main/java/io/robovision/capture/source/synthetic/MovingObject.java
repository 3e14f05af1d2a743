package io.robovision.capture.source.synthetic;

import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One object of a scene with its fixed look and its trajectory: where it is, which way it faces and how far its
 * animation has run at any frame, as a pure function of the frame index.
 */
final class MovingObject {
  private static final double MIN_HEIGHT_FRACTION = 0.2;
  private static final double MAX_HEIGHT_FRACTION = 0.65;
  private static final double MAX_WIDTH_FRACTION = 0.95;
  /** How far past a frame edge an object's centre may go, in half-extents: it can leave partly but not vanish. */
  private static final double OVERHANG = 0.6;
  private static final double MIN_SPEED = 0.002;
  private static final double SPEED_RANGE = 0.01;
  private static final double MAX_VERTICAL_RATIO = 0.3;
  private static final double MAX_TILT_DEGREES = 7;
  /** Keeps people at rest breathing and waving. */
  private static final double MIN_PHASE_RATE = 0.2;

  private final ObjectKind kind;
  private final Appearance look;
  private final double scale;
  private final BouncingAxis horizontal;
  private final BouncingAxis vertical;
  private final double tiltDegrees;
  private final double startPhase;
  private final double phaseRate;

  private MovingObject(ObjectKind kind, Appearance look, double scale, BouncingAxis horizontal,
      BouncingAxis vertical, double tiltDegrees, double startPhase, double phaseRate) {
    this.kind = kind;
    this.look = look;
    this.scale = scale;
    this.horizontal = horizontal;
    this.vertical = vertical;
    this.tiltDegrees = tiltDegrees;
    this.startPhase = startPhase;
    this.phaseRate = phaseRate;
  }

  static MovingObject random(SplittableRandom random, int width, int height) {
    ObjectKind kind = ObjectKind.values()[random.nextInt(ObjectKind.values().length)];
    Appearance look = Appearance.random(random);
    double largest = Math.min(MAX_HEIGHT_FRACTION * height, MAX_WIDTH_FRACTION * width / (2 * kind.halfWidth()));
    double smallest = Math.min(MIN_HEIGHT_FRACTION * height, largest);
    // Log-uniform, so small distant objects are as common as large near ones.
    double scale = smallest * Math.pow(largest / smallest, random.nextDouble());
    double speed = width * (MIN_SPEED + SPEED_RANGE * random.nextDouble()) * kind.speedFactor(look);
    double velocityX = random.nextBoolean() ? speed : -speed;
    double velocityY = speed * MAX_VERTICAL_RATIO * (2 * random.nextDouble() - 1);
    double overhangX = OVERHANG * kind.halfWidth() * scale;
    double overhangY = OVERHANG * 0.5 * scale;
    BouncingAxis horizontal = new BouncingAxis(-overhangX, width + overhangX,
        -overhangX + random.nextDouble() * (width + 2 * overhangX), velocityX);
    BouncingAxis vertical = new BouncingAxis(-overhangY, height + overhangY,
        -overhangY + random.nextDouble() * (height + 2 * overhangY), velocityY);
    double tilt = MAX_TILT_DEGREES * (2 * random.nextDouble() - 1);
    double phaseRate = Math.max(MIN_PHASE_RATE, 2 * Math.PI * speed / (kind.stride() * scale));
    return new MovingObject(kind, look, scale, horizontal, vertical, tilt, random.nextDouble(2 * Math.PI),
        phaseRate);
  }

  /** Draws the object as it is at {@code frame}, marking its pixels with {@code id} in the instance mask. */
  DrawnObject draw(long frame, Mat image, Mat instances, int id) {
    // Objects face the way they travel, so they turn around when they bounce.
    boolean mirrored = horizontal.direction(frame) < 0;
    Placement placement = new Placement(horizontal.position(frame), vertical.position(frame), scale, mirrored,
        tiltDegrees);
    double phase = startPhase + phaseRate * frame;
    kind.shape().draw(ObjectPen.drawing(image, instances, id, placement), look, phase);
    return new DrawnObject(kind, ObjectFootprint.area(kind, look, phase, placement));
  }

  double scale() {
    return scale;
  }
}
