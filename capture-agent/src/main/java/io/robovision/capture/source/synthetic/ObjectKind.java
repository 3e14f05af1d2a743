package io.robovision.capture.source.synthetic;

/** The object classes of the synthetic world, with their dataset ids, extent, gait and typical speed. */
enum ObjectKind {
  PERSON(VocClasses.PERSON, CocoClasses.PERSON, 0.45, 0.8, 1.0, new PersonShape()),
  BICYCLE(VocClasses.BICYCLE, CocoClasses.BICYCLE, 0.9, 2 * Math.PI * BicycleShape.WHEEL_RADIUS, 1.7,
      new BicycleShape()),
  CAR(VocClasses.CAR, CocoClasses.CAR, 1.1, 2 * Math.PI * CarShape.WHEEL_RADIUS, 2.2, new CarShape()),
  BUS(VocClasses.BUS, CocoClasses.BUS, 1.3, 2 * Math.PI * BusShape.WHEEL_RADIUS, 1.6, new BusShape()),
  CAT(VocClasses.CAT, CocoClasses.CAT, 0.75, 0.8, 0.9, new CatShape()),
  DOG(VocClasses.DOG, CocoClasses.DOG, 0.8, 1.0, 1.3, new DogShape());

  private final int vocClass;
  private final int cocoClass;
  private final double halfWidth;
  private final double stride;
  private final double speedFactor;
  private final ObjectShape shape;

  ObjectKind(int vocClass, int cocoClass, double halfWidth, double stride, double speedFactor, ObjectShape shape) {
    this.vocClass = vocClass;
    this.cocoClass = cocoClass;
    this.halfWidth = halfWidth;
    this.stride = stride;
    this.speedFactor = speedFactor;
    this.shape = shape;
  }

  int vocClass() {
    return vocClass;
  }

  int cocoClass() {
    return cocoClass;
  }

  String label() {
    return VocClasses.NAMES.get(vocClass);
  }

  /** Half the object's width in local units (its height is 1). */
  double halfWidth() {
    return halfWidth;
  }

  /** Local distance travelled per full animation cycle, so legs and wheels keep pace with the motion. */
  double stride() {
    return stride;
  }

  double speedFactor(Appearance look) {
    return speedFactor * shape.speedFactor(look);
  }

  ObjectShape shape() {
    return shape;
  }
}
