package io.robovision.sink.overlay;

import static org.bytedeco.opencv.global.opencv_imgproc.calcHist;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds the non-background classes in a class-index mask with one histogram pass, not a Java pixel loop. */
final class ClassCensus implements AutoCloseable {
  private static final int BACKGROUND = 0;

  private final Mat histogram = new Mat();
  private final Mat wholeImage = new Mat();

  /** The class indices present in {@code mask} (CV_8UC1), ascending, background excluded. */
  List<Integer> presentClasses(Mat mask) {
    calcHist(mask, 1, new int[] {0}, wholeImage, histogram, 1,
        new int[] {VocPalette.SIZE}, new float[] {0, VocPalette.SIZE}, true, false);
    List<Integer> present = new ArrayList<>();
    try (FloatIndexer counts = histogram.createIndexer()) {
      for (int classIndex = BACKGROUND + 1; classIndex < VocPalette.SIZE; classIndex++) {
        if (counts.get(classIndex) > 0) {
          present.add(classIndex);
        }
      }
    }
    return present;
  }

  @Override
  public void close() {
    histogram.close();
    wholeImage.close();
  }
}
