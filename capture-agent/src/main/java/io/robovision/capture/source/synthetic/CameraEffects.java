package io.robovision.capture.source.synthetic;

import static org.bytedeco.opencv.global.opencv_core.CV_16SC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.noArray;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A scene's lighting and camera imperfections: an uneven, tinted illumination field, brightness and contrast with a
 * slow flicker, optional softness and per-frame Gaussian sensor noise.
 */
final class CameraEffects {
  private static final int LIGHT_GRID = 3;
  /** The illumination field is stored as 8-bit gains where this value means "unchanged". */
  private static final double UNIT_GAIN = 128;
  private static final double MID_GREY = 128;

  private final long noiseSeed;
  private final byte[] lightGains;
  private final double contrast;
  private final double brightness;
  private final double flickerAmplitude;
  private final double flickerPeriod;
  private final double blurSigma;
  private final double noiseSigma;

  CameraEffects(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    noiseSeed = random.nextLong();
    double[] tint = {0.92 + 0.16 * random.nextDouble(), 0.92 + 0.16 * random.nextDouble(),
        0.92 + 0.16 * random.nextDouble()};
    lightGains = new byte[LIGHT_GRID * LIGHT_GRID * 3];
    for (int cell = 0; cell < LIGHT_GRID * LIGHT_GRID; cell++) {
      double exposure = 0.7 + 0.6 * random.nextDouble();
      for (int channel = 0; channel < 3; channel++) {
        lightGains[3 * cell + channel] = (byte) Math.min(255, Math.round(UNIT_GAIN * exposure * tint[channel]));
      }
    }
    contrast = 0.75 + 0.5 * random.nextDouble();
    brightness = -30 + 60 * random.nextDouble();
    flickerAmplitude = 6 * random.nextDouble();
    flickerPeriod = 40 + 160 * random.nextDouble();
    blurSigma = random.nextBoolean() ? 0 : 0.5 + 0.7 * random.nextDouble();
    noiseSigma = 1.5 + 4.5 * random.nextDouble();
  }

  /** Call inside a PointerScope. */
  void apply(Mat image, long frameIndex) {
    Mat gains = new Mat(LIGHT_GRID, LIGHT_GRID, CV_8UC3);
    gains.data().put(lightGains);
    Mat field = new Mat();
    resize(gains, field, image.size(), 0, 0, INTER_CUBIC);
    multiply(image, field, image, 1 / UNIT_GAIN, -1);
    double flicker = flickerAmplitude * Math.sin(2 * Math.PI * frameIndex / flickerPeriod);
    image.convertTo(image, -1, contrast, MID_GREY * (1 - contrast) + brightness + flicker);
    if (blurSigma > 0) {
      GaussianBlur(image, image, new Size(0, 0), blurSigma);
    }
    Mat noise = new Mat(image.size(), CV_16SC3);
    Mat mean = new Mat(1, 1, CV_64F, new Scalar(0));
    Mat deviation = new Mat(1, 1, CV_64F, new Scalar(noiseSigma));
    // A generator seeded per frame, not OpenCV's thread-global one, keeps every frame reproducible on its own.
    RNG generator = new RNG(Seeds.derive(noiseSeed, frameIndex));
    generator._fill(noise, RNG.NORMAL, mean, deviation, false);
    add(image, noise, image, noArray(), CV_8U);
  }
}
