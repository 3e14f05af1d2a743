package io.robovision.worker.inference;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A TorchScript detector with YOLOv5's output layout (our {@code models/yolo_synthetic.pt} at 320, or an ultralytics
 * {@code yolov5s.torchscript} at 640) loaded through DJL's PyTorch engine, with one predictor for its owner thread.
 */
public final class Detector implements AutoCloseable {
  private final ZooModel<Mat, List<BoxDetection>> model;
  private final Predictor<Mat, List<BoxDetection>> predictor;
  private final String modelId;

  /** Loads the model on the engine's default device (a GPU when the engine has one). */
  public Detector(Path modelFile, List<String> classNames, int inputSize, float confidence, float iou) {
    this(modelFile, classNames, inputSize, confidence, iou, null);
  }

  /**
   * Loads the model on {@code device}; null leaves the choice to the engine.
   *
   * @param inputSize the square input the model was traced at, since the traced grid is fixed
   * @param confidence lowest objectness × class probability kept
   * @param iou overlap at which a lower-scoring box of the same class is suppressed
   */
  public Detector(Path modelFile, List<String> classNames, int inputSize, float confidence, float iou, Device device) {
    if (!Files.isRegularFile(modelFile)) {
      throw new IllegalArgumentException("detector model file '" + modelFile + "' does not exist;"
          + " the bundled model is models/yolo_synthetic.pt (see models/train_detector.py)");
    }
    Criteria<Mat, List<BoxDetection>> criteria = Criteria.builder()
        .setTypes(Mat.class, boxListType())
        .optModelPath(modelFile)
        .optEngine("PyTorch")
        .optDevice(device)
        .optTranslator(new DetectionTranslator(classNames, inputSize, confidence, iou))
        .build();
    try {
      this.model = criteria.loadModel();
    } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot load detector '" + modelFile + "' as TorchScript: " + e.getMessage(),
          e);
    }
    this.predictor = model.newPredictor();
    this.modelId = ModelId.of(modelFile);
  }

  /** Boxes in frame pixels, highest confidence first. */
  public List<BoxDetection> detect(Mat bgr) throws TranslateException {
    return predictor.predict(bgr);
  }

  /** File name and the first 12 hex digits of its SHA-256. */
  public String modelId() {
    return modelId;
  }

  /** A predictor of its own for one thread: DJL predictors are not thread-safe, the loaded model is shared. */
  public Predictor<Mat, List<BoxDetection>> newPredictor() {
    return model.newPredictor();
  }

  @Override
  public void close() {
    predictor.close();
    model.close();
  }

  @SuppressWarnings("unchecked")
  private static Class<List<BoxDetection>> boxListType() {
    // Erasure leaves no Class object for List<BoxDetection>; DJL only uses it to match the translator's types.
    return (Class<List<BoxDetection>>) (Class<?>) List.class;
  }
}
