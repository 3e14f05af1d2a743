package io.robovision.worker.inference;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One thread's predictors for the frame models: a batch of frames through segmentation and detection. Not
 * thread-safe, like the DJL predictors it holds; the models themselves are shared.
 */
public final class FramePredictor implements AutoCloseable {
  private final Predictor<Mat, SegmentationMask> segmenter;
  private final Predictor<Mat, List<BoxDetection>> detector;

  /** What the models made of one frame: its mask (null when segmentation is off) and boxes. */
  public record Output(SegmentationMask mask, List<BoxDetection> boxes) {
  }

  /** The outputs in input order, and how long each model took for the whole batch. */
  public record BatchOutput(List<Output> outputs, long segmentationNanos, long detectionNanos) {
  }

  FramePredictor(Predictor<Mat, SegmentationMask> segmenter, Predictor<Mat, List<BoxDetection>> detector) {
    this.segmenter = segmenter;
    this.detector = detector;
  }

  /**
   * Runs the frames as one batch per model; DJL stacks them, and both translators scale every frame to the model's
   * input size, but they keep one frame size per batch to map the output back, so all frames must share a size.
   */
  public BatchOutput predict(List<Mat> frames) throws TranslateException {
    long started = System.nanoTime();
    List<SegmentationMask> masks = segmenter != null ? segmenter.batchPredict(frames)
        : Collections.nCopies(frames.size(), null);
    long segmented = System.nanoTime();
    List<List<BoxDetection>> boxes = detector != null ? detector.batchPredict(frames)
        : Collections.nCopies(frames.size(), List.of());
    long detected = System.nanoTime();
    List<Output> outputs = new ArrayList<>(frames.size());
    for (int i = 0; i < frames.size(); i++) {
      outputs.add(new Output(masks.get(i), boxes.get(i)));
    }
    // A model that is off did not run: 0, so that its stage is left out of the timings' histograms.
    return new BatchOutput(outputs, segmenter != null ? segmented - started : 0,
        detector != null ? detected - segmented : 0);
  }

  @Override
  public void close() {
    if (segmenter != null) {
      segmenter.close();
    }
    if (detector != null) {
      detector.close();
    }
  }
}
