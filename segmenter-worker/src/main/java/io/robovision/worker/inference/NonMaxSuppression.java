package io.robovision.worker.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy non-maximum suppression within each class: best score first, a box goes when a kept box of its class overlaps
 * it by the IoU threshold or more; stops at the detection cap.
 */
final class NonMaxSuppression {
  private final float iouThreshold;
  private final int maxDetections;

  NonMaxSuppression(float iouThreshold, int maxDetections) {
    this.iouThreshold = iouThreshold;
    this.maxDetections = maxDetections;
  }

  /** The surviving boxes, highest score first. */
  List<BoxDetection> apply(List<BoxDetection> candidates) {
    // DJL's Rectangle.nms rebuilds a priority queue of all survivors for every box it keeps, which took over a second
    // per frame at mAP's 0.001 threshold; one sort and a suppressed flag per box keeps this to milliseconds.
    List<BoxDetection> byScore = new ArrayList<>(candidates);
    byScore.sort(Comparator.comparingDouble(BoxDetection::confidence).reversed());
    boolean[] suppressed = new boolean[byScore.size()];
    List<BoxDetection> kept = new ArrayList<>();
    for (int i = 0; i < byScore.size() && kept.size() < maxDetections; i++) {
      if (suppressed[i]) {
        continue;
      }
      BoxDetection best = byScore.get(i);
      kept.add(best);
      for (int j = i + 1; j < byScore.size(); j++) {
        BoxDetection other = byScore.get(j);
        if (!suppressed[j] && other.classIndex() == best.classIndex() && best.iou(other) >= iouThreshold) {
          suppressed[j] = true;
        }
      }
    }
    return kept;
  }
}
