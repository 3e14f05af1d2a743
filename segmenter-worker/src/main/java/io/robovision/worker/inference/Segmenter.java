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

/** A TorchScript segmentation model loaded through DJL's PyTorch engine, with one predictor for its owner thread. */
public final class Segmenter implements AutoCloseable {
  private final ZooModel<Mat, SegmentationMask> model;
  private final Predictor<Mat, SegmentationMask> predictor;
  private final List<String> classNames;
  private final String modelId;

  /** Loads the model on the engine's default device (a GPU when the engine has one). */
  public Segmenter(Path modelFile, List<String> classNames, int inputWidth, int inputHeight) {
    this(modelFile, classNames, inputWidth, inputHeight, null);
  }

  /** Loads the model on {@code device}; null leaves the choice to the engine. */
  public Segmenter(Path modelFile, List<String> classNames, int inputWidth, int inputHeight, Device device) {
    if (!Files.isRegularFile(modelFile)) {
      throw new IllegalArgumentException("model file '" + modelFile + "' does not exist (model.path / --model);"
          + " the bundled model is models/deeplabv3_mobilenet_v3_large.pt");
    }
    Criteria<Mat, SegmentationMask> criteria = Criteria.builder()
        .setTypes(Mat.class, SegmentationMask.class)
        .optModelPath(modelFile)
        .optEngine("PyTorch")
        .optDevice(device)
        .optTranslator(new SegmentationTranslator(inputWidth, inputHeight, classNames.size()))
        .build();
    try {
      this.model = criteria.loadModel();
    } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot load model '" + modelFile + "' as TorchScript: " + e.getMessage(), e);
    }
    this.predictor = model.newPredictor();
    this.classNames = List.copyOf(classNames);
    this.modelId = ModelId.of(modelFile);
  }

  public SegmentationMask segment(Mat bgr) throws TranslateException {
    return predictor.predict(bgr);
  }

  public List<String> classNames() {
    return classNames;
  }

  /** File name and the first 12 hex digits of its SHA-256, so results say exactly which weights made them. */
  public String modelId() {
    return modelId;
  }

  /** A predictor of its own for one thread: DJL predictors are not thread-safe, the loaded model is shared. */
  public Predictor<Mat, SegmentationMask> newPredictor() {
    return model.newPredictor();
  }

  @Override
  public void close() {
    predictor.close();
    model.close();
  }
}
