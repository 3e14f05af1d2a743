package io.robovision.worker.result;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_COMPRESSION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import io.robovision.schemas.ClassCoverage;
import io.robovision.schemas.Detection;
import io.robovision.schemas.Frame;
import io.robovision.schemas.Mask;
import io.robovision.schemas.MaskEncoding;
import io.robovision.schemas.SegmentResult;
import io.robovision.schemas.SegmentStatus;
import io.robovision.schemas.StageTimings;
import io.robovision.worker.inference.BoxDetection;
import io.robovision.worker.inference.SegmentationMask;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/** Turns a mask into a {@link SegmentResult}: PNG-encoded mask, the share of pixels of every class, the instances. */
public final class ResultBuilder {
  private final List<String> classNames;
  private final String modelId;
  private final String workerId;
  private final InstanceFinder instances;

  /** @param instanceMinArea smallest instance kept, see {@link InstanceFinder} */
  public ResultBuilder(List<String> classNames, String modelId, String workerId, double instanceMinArea) {
    this.classNames = List.copyOf(classNames);
    this.instances = new InstanceFinder(classNames, instanceMinArea);
    this.modelId = modelId;
    this.workerId = workerId;
  }

  /** A frame's mask (null when segmentation is off) and detections. */
  public SegmentResult ok(Frame frame, SegmentationMask mask, List<BoxDetection> boxes, StageTimings.Builder timings) {
    long started = System.nanoTime();
    SegmentResult.Builder result = base(frame, SegmentStatus.OK, timings).setDetections(detections(boxes));
    if (mask != null) {
      ClassExtents extents = ClassExtents.of(mask, classNames.size());
      result.setMask(Mask.newBuilder()
              .setWidth(mask.width())
              .setHeight(mask.height())
              .setEncoding(MaskEncoding.PNG)
              .setData(ByteBuffer.wrap(png(mask)))
              .build())
          .setCoverage(coverage(mask, extents.counts()))
          .setInstances(instances.find(mask, extents));
    }
    timings.setEncodeMs((System.nanoTime() - started) / 1e6);
    return result.setTimings(timings.build()).build();
  }

  /** A result that tells the sink this frame has no mask, and why. */
  public SegmentResult failed(Frame frame, String reason, StageTimings.Builder timings) {
    return base(frame, SegmentStatus.FAILED, timings).setError(reason).build();
  }

  /** A frame left out so that the worker catches up with its camera; the sink shows the last mask it has. */
  public SegmentResult skipped(Frame frame, String reason, StageTimings.Builder timings) {
    return base(frame, SegmentStatus.SKIPPED, timings).setError(reason).build();
  }

  private SegmentResult.Builder base(Frame frame, SegmentStatus status, StageTimings.Builder timings) {
    return SegmentResult.newBuilder()
        .setCameraId(frame.getCameraId())
        .setSequence(frame.getSequence())
        .setCaptureTime(frame.getCaptureTime())
        .setStatus(status)
        .setMask(null)
        .setCoverage(List.of())
        .setDetections(List.of())
        .setInstances(List.of())
        .setModelId(modelId)
        .setWorkerId(workerId)
        .setTimings(timings.build())
        .setError(null);
  }

  private static List<Detection> detections(List<BoxDetection> boxes) {
    List<Detection> rows = new ArrayList<>(boxes.size());
    for (BoxDetection box : boxes) {
      rows.add(Detection.newBuilder()
          .setXmin(box.xmin()).setYmin(box.ymin()).setXmax(box.xmax()).setYmax(box.ymax())
          .setConfidence(box.confidence()).setClass$(box.classIndex()).setName(box.name())
          .build());
    }
    return rows;
  }

  private List<ClassCoverage> coverage(SegmentationMask mask, long[] counts) {
    double total = (double) mask.width() * mask.height();
    List<ClassCoverage> coverage = new ArrayList<>(classNames.size());
    for (int i = 0; i < classNames.size(); i++) {
      coverage.add(new ClassCoverage(i, classNames.get(i), (float) (counts[i] / total)));
    }
    return coverage;
  }

  private static byte[] png(SegmentationMask mask) {
    try (BytePointer pixels = new BytePointer(mask.classes());
        Mat image = new Mat(mask.height(), mask.width(), opencv_core.CV_8UC1, pixels);
        BytePointer buffer = new BytePointer();
        IntPointer params = new IntPointer(IMWRITE_PNG_COMPRESSION, 1)) {
      if (!imencode(".png", image, buffer, params)) {
        throw new IllegalStateException("OpenCV could not PNG-encode a " + mask.width() + "x" + mask.height() + " mask");
      }
      byte[] bytes = new byte[(int) buffer.limit()];
      buffer.get(bytes);
      return bytes;
    }
  }
}
