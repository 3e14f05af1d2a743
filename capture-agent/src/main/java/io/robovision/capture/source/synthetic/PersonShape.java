package io.robovision.capture.source.synthetic;

/** A person: head with hair, neck, torso, two jointed arms with hands and two jointed legs with shoes. */
final class PersonShape implements ObjectShape {
  private static final double HIP_Y = -0.02;
  private static final double THIGH = 0.235;
  private static final double SHIN = 0.235;
  private static final double LEG_WIDTH = 0.08;
  private static final double FOOT = 0.07;
  private static final double SHOULDER_Y = -0.30;
  private static final double UPPER_ARM = 0.15;
  private static final double FOREARM = 0.14;
  private static final double ARM_WIDTH = 0.062;
  private static final double WAVE_RAISE = Math.PI - 0.5;
  private static final Bgr SHOES = new Bgr(30, 30, 35);
  private static final double FAR_SIDE_SHADE = 0.78;

  @Override
  public void draw(ObjectPen pen, Appearance look, double phase) {
    PersonPose pose = PersonPose.of(look.variant());
    double swing = Math.sin(phase);
    double forward = Math.cos(phase);
    Bgr shirt = look.primary();
    Bgr trousers = look.secondary();
    Bgr skin = look.skin();
    // The far-side limbs go first and darker so the body and near limbs read as in front of them.
    arm(pen, shirt.shade(FAR_SIDE_SHADE), skin.shade(FAR_SIDE_SHADE), pose.armSwing() * swing, pose.elbowBend());
    leg(pen, trousers.shade(FAR_SIDE_SHADE), -pose.stance() - pose.legSwing() * swing,
        pose.kneeBend() * Math.max(0, -forward));
    pen.polygon(shirt, -0.085, -0.335, 0.085, -0.335, 0.075, 0.01, -0.075, 0.01);
    pen.line(skin, 0.045, 0.0, -0.37, 0.0, -0.32);
    pen.circle(skin, 0.005, -0.42, 0.072);
    pen.circle(skin, 0.066, -0.412, 0.014);
    pen.ellipse(look.accent().shade(0.45), -0.012, -0.452, 0.07, 0.043, 0);
    leg(pen, trousers, pose.stance() + pose.legSwing() * swing, pose.kneeBend() * Math.max(0, forward));
    if (pose == PersonPose.WAVING) {
      arm(pen, shirt, skin, WAVE_RAISE, Math.PI - WAVE_RAISE + 0.35 * Math.sin(2.5 * phase));
    } else {
      arm(pen, shirt, skin, -pose.armSwing() * swing, pose.elbowBend());
    }
  }

  @Override
  public double speedFactor(Appearance look) {
    return PersonPose.of(look.variant()).speedFactor();
  }

  private static void arm(ObjectPen pen, Bgr sleeve, Bgr skin, double upperAngle, double elbowBend) {
    double elbowX = UPPER_ARM * Math.sin(upperAngle);
    double elbowY = SHOULDER_Y + UPPER_ARM * Math.cos(upperAngle);
    double foreAngle = upperAngle + elbowBend;
    double handX = elbowX + FOREARM * Math.sin(foreAngle);
    double handY = elbowY + FOREARM * Math.cos(foreAngle);
    pen.polyline(sleeve, ARM_WIDTH, 0.0, SHOULDER_Y, elbowX, elbowY, handX, handY);
    pen.circle(skin, handX, handY, 0.03);
  }

  private static void leg(ObjectPen pen, Bgr trousers, double thighAngle, double kneeBend) {
    double kneeX = THIGH * Math.sin(thighAngle);
    double kneeY = HIP_Y + THIGH * Math.cos(thighAngle);
    double shinAngle = thighAngle - kneeBend;
    double ankleX = kneeX + SHIN * Math.sin(shinAngle);
    double ankleY = kneeY + SHIN * Math.cos(shinAngle);
    pen.polyline(trousers, LEG_WIDTH, 0.0, HIP_Y, kneeX, kneeY, ankleX, ankleY);
    pen.line(SHOES, 0.05, ankleX, ankleY, ankleX + FOOT * Math.cos(shinAngle), ankleY - FOOT * Math.sin(shinAngle));
  }
}
