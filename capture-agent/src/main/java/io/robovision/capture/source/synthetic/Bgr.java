package io.robovision.capture.source.synthetic;

import org.bytedeco.opencv.opencv_core.Scalar;

/** An opaque colour with 0..255 channels in OpenCV's blue, green, red order. */
record Bgr(int b, int g, int r) {
  static Bgr hsv(double hueDegrees, double saturation, double value) {
    double chroma = value * saturation;
    double sector = ((hueDegrees % 360 + 360) % 360) / 60;
    double second = chroma * (1 - Math.abs(sector % 2 - 1));
    double lift = value - chroma;
    double red;
    double green;
    double blue;
    switch ((int) sector) {
      case 0 -> { red = chroma; green = second; blue = 0; }
      case 1 -> { red = second; green = chroma; blue = 0; }
      case 2 -> { red = 0; green = chroma; blue = second; }
      case 3 -> { red = 0; green = second; blue = chroma; }
      case 4 -> { red = second; green = 0; blue = chroma; }
      default -> { red = chroma; green = 0; blue = second; }
    }
    return new Bgr(channel(255 * (blue + lift)), channel(255 * (green + lift)), channel(255 * (red + lift)));
  }

  Bgr shade(double factor) {
    return new Bgr(channel(b * factor), channel(g * factor), channel(r * factor));
  }

  Bgr mix(Bgr other, double weight) {
    return new Bgr(channel(b + (other.b - b) * weight), channel(g + (other.g - g) * weight),
        channel(r + (other.r - r) * weight));
  }

  /** Allocates a native Scalar, so call it inside a PointerScope. */
  Scalar scalar() {
    return new Scalar(b, g, r, 0);
  }

  private static int channel(double value) {
    return (int) Math.max(0, Math.min(255, Math.round(value)));
  }
}
