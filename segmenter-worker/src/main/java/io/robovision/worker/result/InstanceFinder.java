package io.robovision.worker.result;

import static org.bytedeco.opencv.global.opencv_core.CMP_EQ;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;

import io.robovision.schemas.Instance;
import io.robovision.worker.inference.SegmentationMask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * The cheap instance view of a mask: every 8-connected blob of an object class (every class but 0, the background)
 * is one instance, with its area and inclusive bounding box in frame pixels; blobs smaller than the minimum area are
 * specks of noise and left out.
 */
public final class InstanceFinder {
  private static final int CONNECTIVITY = 8;

  private final List<String> classNames;
  private final double minArea;

  /**
   * @param minArea smallest instance kept: below 1 a share of the frame's pixels (0.001 = 0.1 %), from 1 on a pixel
   *     count; 0 keeps every blob
   */
  public InstanceFinder(List<String> classNames, double minArea) {
    if (!(minArea >= 0)) {
      throw new IllegalArgumentException("minimum instance area must be 0 or more, got " + minArea);
    }
    this.classNames = List.copyOf(classNames);
    this.minArea = minArea;
  }

  /**
   * Instances by class index, largest first within a class, from the mask and its extents. Each class is labelled
   * within its bounding box only: objects cover a part of the frame, and OpenCV's labelling costs in proportion to
   * the pixels it reads.
   */
  public List<Instance> find(SegmentationMask mask, ClassExtents extents) {
    int pixels = mask.width() * mask.height();
    long minPixels = Math.max(1, minArea < 1 ? (long) Math.ceil(minArea * pixels) : (long) minArea);
    List<Instance> instances = new ArrayList<>();
    try (BytePointer data = new BytePointer(mask.classes());
        Mat classes = new Mat(mask.height(), mask.width(), opencv_core.CV_8UC1, data);
        Mat binary = new Mat()) {
      for (int classIndex = 1; classIndex < classNames.size(); classIndex++) {
        if (extents.counts()[classIndex] < minPixels) {
          continue;
        }
        int left = extents.left()[classIndex];
        int top = extents.top()[classIndex];
        try (Rect box = new Rect(left, top, extents.width(classIndex), extents.height(classIndex));
            Mat region = new Mat(classes, box);
            Scalar value = Scalar.all(classIndex);
            Mat index = new Mat(1, 1, opencv_core.CV_8UC1, value)) {
          compare(region, index, binary, CMP_EQ);
        }
        components(binary, classIndex, left, top, minPixels, instances);
      }
    }
    instances.sort(Comparator.comparingInt(Instance::getClass$).thenComparing(Instance::getArea, Comparator.reverseOrder()));
    return instances;
  }

  /** {@code left, top}: where the labelled box starts in the frame. */
  private void components(Mat binary, int classIndex, int left, int top, long minPixels, List<Instance> out) {
    try (Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat()) {
      int count = connectedComponentsWithStats(binary, labels, stats, centroids, CONNECTIVITY, opencv_core.CV_32S);
      try (IntIndexer rows = stats.createIndexer()) {
        // Label 0 is everything that is not this class.
        for (int label = 1; label < count; label++) {
          int area = rows.get(label, CC_STAT_AREA);
          if (area < minPixels) {
            continue;
          }
          int xmin = left + rows.get(label, CC_STAT_LEFT);
          int ymin = top + rows.get(label, CC_STAT_TOP);
          out.add(Instance.newBuilder()
              .setClass$(classIndex)
              .setName(classNames.get(classIndex))
              .setArea(area)
              .setXmin(xmin)
              .setYmin(ymin)
              .setXmax(xmin + rows.get(label, CC_STAT_WIDTH) - 1)
              .setYmax(ymin + rows.get(label, CC_STAT_HEIGHT) - 1)
              .build());
        }
      }
    }
  }
}
