package io.robovision.worker.inference;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The models a worker runs on each frame: segmentation, detection, or both; absent ones are switched off. */
public record FrameModels(Optional<Segmenter> segmenter, Optional<Detector> detector) implements AutoCloseable {
  public FrameModels {
    if (segmenter.isEmpty() && detector.isEmpty()) {
      throw new IllegalArgumentException("no model: switch on segmentation, detection or both");
    }
  }

  /** Segmentation class names, in mask order; empty when segmentation is off. */
  public List<String> segmentationClasses() {
    return segmenter.map(Segmenter::classNames).orElse(List.of());
  }

  /** Every model's id, e.g. {@code deeplab.pt@1a2b3c4d5e6f+yolo.pt@0f1e2d3c4b5a}. */
  public String modelId() {
    return Stream.concat(segmenter.map(Segmenter::modelId).stream(), detector.map(Detector::modelId).stream())
        .collect(Collectors.joining("+"));
  }

  /** Predictors of their own for one thread; close them before the models. */
  public FramePredictor newPredictor() {
    return new FramePredictor(segmenter.map(Segmenter::newPredictor).orElse(null),
        detector.map(Detector::newPredictor).orElse(null));
  }

  @Override
  public void close() {
    segmenter.ifPresent(Segmenter::close);
    detector.ifPresent(Detector::close);
  }
}
