package io.robovision.capture.source.synthetic;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Deterministic moving scene: the same seed, size and frame index always render the same pixels, in any call order. */
public final class SyntheticScene {
  /** Smallest width and height accepted; below this the smallest objects would be a few pixels. */
  public static final int MIN_SIZE = 32;

  private static final int MIN_OBJECTS = 2;
  private static final int MAX_OBJECTS = 5;
  private static final long BACKDROP_STREAM = 1;
  private static final long EFFECTS_STREAM = 2;
  private static final long LAYOUT_STREAM = 3;
  private static final long OBJECT_STREAM = 4;

  private final int width;
  private final int height;
  private final Backdrop backdrop;
  private final CameraEffects effects;
  private final List<MovingObject> objects;

  public SyntheticScene(long seed, int width, int height) {
    requireSize(width, height);
    this.width = width;
    this.height = height;
    this.backdrop = new Backdrop(Seeds.derive(seed, BACKDROP_STREAM));
    this.effects = new CameraEffects(Seeds.derive(seed, EFFECTS_STREAM));
    int count = MIN_OBJECTS + Seeds.random(seed, LAYOUT_STREAM).nextInt(MAX_OBJECTS - MIN_OBJECTS + 1);
    // Smaller objects read as farther away, so they are drawn first and hidden by nearer, larger ones.
    this.objects = IntStream.range(0, count)
        .mapToObj(i -> MovingObject.random(Seeds.random(seed, OBJECT_STREAM, i), width, height))
        .sorted(Comparator.comparingDouble(MovingObject::scale))
        .toList();
  }

  static void requireSize(int width, int height) {
    if (width < MIN_SIZE || height < MIN_SIZE) {
      throw new IllegalArgumentException("synthetic frames must be at least " + MIN_SIZE + "x" + MIN_SIZE
          + " pixels, got " + width + "x" + height);
    }
  }

  /** Renders frame {@code frameIndex} (>= 0); consecutive indices are 0.1 s apart. The caller closes the result. */
  public SceneFrame render(long frameIndex) {
    if (frameIndex < 0) {
      throw new IllegalArgumentException("frame index must not be negative, got " + frameIndex);
    }
    Mat image = new Mat(height, width, CV_8UC3);
    Mat labels = new Mat(height, width, CV_8UC1);
    try (PointerScope temporaries = new PointerScope()) {
      return new SceneFrame(image, labels, draw(frameIndex, image, labels));
    } catch (RuntimeException e) {
      image.close();
      labels.close();
      throw e;
    }
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  private List<GroundTruthBox> draw(long frameIndex, Mat image, Mat labels) {
    backdrop.paint(image);
    Mat instances = new Mat(height, width, CV_8UC1, new Scalar(0));
    List<DrawnObject> drawn = new ArrayList<>(objects.size());
    for (int i = 0; i < objects.size(); i++) {
      drawn.add(objects.get(i).draw(frameIndex, image, instances, i + 1));
    }
    effects.apply(image, frameIndex);
    return GroundTruthExtractor.extract(instances, labels, drawn);
  }
}
