package io.robovision.capture.source.synthetic;

import java.util.List;
import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;

/** A rendered frame: BGR image (CV_8UC3), label mask (CV_8UC1, pixel = VOC class index), boxes; close releases them. */
public record SceneFrame(Mat image, Mat labels, List<GroundTruthBox> boxes) implements AutoCloseable {
  public SceneFrame {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(labels, "labels");
    boxes = List.copyOf(boxes);
  }

  @Override
  public void close() {
    image.close();
    labels.close();
  }
}
