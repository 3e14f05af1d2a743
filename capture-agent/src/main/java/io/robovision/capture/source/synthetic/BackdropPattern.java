package io.robovision.capture.source.synthetic;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;

/** The base patterns a background can have; each fills the whole image. Call inside a PointerScope. */
enum BackdropPattern {
  GRADIENT {
    @Override
    void paint(Mat image, SplittableRandom random) {
      stretch(grid(2, 2, random, Palette.backdrop(random), 90), image, INTER_LINEAR);
    }
  },
  SMOOTH_NOISE {
    @Override
    void paint(Mat image, SplittableRandom random) {
      smoothNoise(image, random);
    }
  },
  STRIPES {
    @Override
    void paint(Mat image, SplittableRandom random) {
      image.put(Palette.backdrop(random).scalar());
      Bgr stripe = Palette.backdrop(random);
      double period = 6 + random.nextDouble(0.15 * Math.max(image.cols(), image.rows()));
      int thickness = (int) Math.max(1, Math.round(period * (0.25 + 0.4 * random.nextDouble())));
      double angle = random.nextDouble(Math.PI);
      double alongX = Math.cos(angle);
      double alongY = Math.sin(angle);
      double reach = Math.hypot(image.cols(), image.rows());
      for (double offset = -reach / 2; offset <= reach / 2; offset += period) {
        double centerX = image.cols() / 2.0 - alongY * offset;
        double centerY = image.rows() / 2.0 + alongX * offset;
        line(image, point(centerX - alongX * reach, centerY - alongY * reach),
            point(centerX + alongX * reach, centerY + alongY * reach), stripe.scalar(), thickness,
            LINE_AA, 0);
      }
    }
  },
  CHECKER {
    @Override
    void paint(Mat image, SplittableRandom random) {
      int tile = 6 + random.nextInt(Math.max(2, Math.min(image.cols(), image.rows()) / 5));
      int columns = (image.cols() + tile - 1) / tile;
      int rows = (image.rows() + tile - 1) / tile;
      Bgr even = Palette.backdrop(random);
      Bgr odd = Palette.backdrop(random);
      byte[] pixels = new byte[rows * columns * 3];
      for (int row = 0; row < rows; row++) {
        for (int column = 0; column < columns; column++) {
          put(pixels, row * columns + column, (row + column) % 2 == 0 ? even : odd);
        }
      }
      Mat tiles = new Mat(rows, columns, CV_8UC3);
      tiles.data().put(pixels);
      stretch(tiles, image, INTER_NEAREST);
    }
  },
  HORIZON {
    @Override
    void paint(Mat image, SplittableRandom random) {
      int horizon = (int) Math.round(image.rows() * (0.25 + 0.5 * random.nextDouble()));
      Mat sky = new Mat(image, new Rect(0, 0, image.cols(), horizon));
      Mat ground = new Mat(image, new Rect(0, horizon, image.cols(), image.rows() - horizon));
      stretch(grid(2, 1, random, Palette.backdrop(random), 60), sky, INTER_LINEAR);
      smoothNoise(ground, random);
    }
  };

  abstract void paint(Mat image, SplittableRandom random);

  private static void smoothNoise(Mat image, SplittableRandom random) {
    int rows = 2 + random.nextInt(8);
    int columns = 2 + random.nextInt(10);
    stretch(grid(rows, columns, random, Palette.backdrop(random), 20 + random.nextInt(70)), image, INTER_CUBIC);
  }

  /** A small grid of colours scattered around {@code base} by up to {@code spread} per channel. */
  private static Mat grid(int rows, int columns, SplittableRandom random, Bgr base, int spread) {
    byte[] pixels = new byte[rows * columns * 3];
    for (int i = 0; i < rows * columns; i++) {
      put(pixels, i, new Bgr(jitter(base.b(), spread, random), jitter(base.g(), spread, random),
          jitter(base.r(), spread, random)));
    }
    Mat grid = new Mat(rows, columns, CV_8UC3);
    grid.data().put(pixels);
    return grid;
  }

  private static int jitter(int channel, int spread, SplittableRandom random) {
    return Math.max(0, Math.min(255, channel + random.nextInt(-spread, spread + 1)));
  }

  private static void put(byte[] pixels, int index, Bgr colour) {
    pixels[3 * index] = (byte) colour.b();
    pixels[3 * index + 1] = (byte) colour.g();
    pixels[3 * index + 2] = (byte) colour.r();
  }

  private static void stretch(Mat small, Mat target, int interpolation) {
    resize(small, target, target.size(), 0, 0, interpolation);
  }

  private static Point point(double x, double y) {
    return new Point((int) Math.round(x), (int) Math.round(y));
  }
}
