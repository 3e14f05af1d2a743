package io.robovision.worker.inference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Mean average precision at one IoU threshold over the classes that have ground truth, accumulated frame by frame; AP
 * is the area under the precision envelope (all-point interpolation, as in VOC2010+ and COCO).
 */
public final class MeanAveragePrecision {
  private final double iouThreshold;
  private final Map<Integer, List<Ranked>> rankedByClass = new HashMap<>();
  private final Map<Integer, Integer> truthsByClass = new HashMap<>();

  public MeanAveragePrecision(double iouThreshold) {
    if (!(iouThreshold > 0 && iouThreshold <= 1)) {
      throw new IllegalArgumentException("IoU threshold must be in (0, 1], got " + iouThreshold);
    }
    this.iouThreshold = iouThreshold;
  }

  /** Adds one frame; the truths' confidence is ignored. A detection matches the unmatched truth it overlaps most. */
  public void add(List<BoxDetection> detections, List<BoxDetection> truths) {
    for (BoxDetection truth : truths) {
      truthsByClass.merge(truth.classIndex(), 1, Integer::sum);
    }
    List<BoxDetection> byScore = new ArrayList<>(detections);
    byScore.sort(Comparator.comparingDouble(BoxDetection::confidence).reversed());
    boolean[] matched = new boolean[truths.size()];
    for (BoxDetection detection : byScore) {
      int best = -1;
      double bestIou = iouThreshold;
      for (int t = 0; t < truths.size(); t++) {
        BoxDetection truth = truths.get(t);
        if (matched[t] || truth.classIndex() != detection.classIndex()) {
          continue;
        }
        double iou = detection.iou(truth);
        if (iou >= bestIou) {
          best = t;
          bestIou = iou;
        }
      }
      if (best >= 0) {
        matched[best] = true;
      }
      rankedByClass.computeIfAbsent(detection.classIndex(), c -> new ArrayList<>())
          .add(new Ranked(detection.confidence(), best >= 0));
    }
  }

  /** AP per class index, for every class with at least one truth so far. */
  public SortedMap<Integer, Double> perClass() {
    SortedMap<Integer, Double> result = new TreeMap<>();
    truthsByClass.forEach((classIndex, truths) ->
        result.put(classIndex, averagePrecision(rankedByClass.getOrDefault(classIndex, List.of()), truths)));
    return Collections.unmodifiableSortedMap(result);
  }

  /** Mean of {@link #perClass()}; NaN before any truth was added. */
  public double mean() {
    return perClass().values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private static double averagePrecision(List<Ranked> ranked, int truths) {
    List<Ranked> byScore = new ArrayList<>(ranked);
    byScore.sort(Comparator.comparingDouble(Ranked::score).reversed());
    int n = byScore.size();
    double[] recall = new double[n];
    double[] precision = new double[n];
    int hits = 0;
    for (int i = 0; i < n; i++) {
      hits += byScore.get(i).hit() ? 1 : 0;
      recall[i] = (double) hits / truths;
      precision[i] = (double) hits / (i + 1);
    }
    // Each recall step counts with the best precision reached at that recall or beyond.
    double area = 0;
    double envelope = 0;
    for (int i = n - 1; i >= 0; i--) {
      envelope = Math.max(envelope, precision[i]);
      double previousRecall = i == 0 ? 0 : recall[i - 1];
      area += (recall[i] - previousRecall) * envelope;
    }
    return area;
  }

  private record Ranked(float score, boolean hit) {
  }
}
