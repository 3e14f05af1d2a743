package io.robovision.sink.analytics;

/** Confusion matrix of predicted against ground-truth class indices, and the mean IoU it gives. */
public final class SegmentationAccuracy {
  private final int classCount;
  private final long[] confusion;

  public SegmentationAccuracy(int classCount) {
    this.classCount = classCount;
    this.confusion = new long[classCount * classCount];
  }

  /** Both masks are row-major class indices of the same size; indices beyond the class count are ignored. */
  public synchronized void add(byte[] truth, byte[] predicted) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException("ground truth has " + truth.length + " pixels, prediction "
          + predicted.length);
    }
    for (int i = 0; i < truth.length; i++) {
      int t = truth[i] & 0xFF;
      int p = predicted[i] & 0xFF;
      if (t < classCount && p < classCount) {
        confusion[t * classCount + p]++;
      }
    }
  }

  /** Intersection over union of one class, or NaN when it appears in neither mask. */
  public synchronized double iou(int c) {
    long truePositive = confusion[c * classCount + c];
    long truth = 0;
    long predicted = 0;
    for (int k = 0; k < classCount; k++) {
      truth += confusion[c * classCount + k];
      predicted += confusion[k * classCount + c];
    }
    long union = truth + predicted - truePositive;
    return union == 0 ? Double.NaN : (double) truePositive / union;
  }

  /** Mean IoU over the classes that appear in the ground truth or the prediction; NaN before any pixel. */
  public synchronized double meanIou() {
    double sum = 0;
    int present = 0;
    for (int c = 0; c < classCount; c++) {
      double iou = iou(c);
      if (!Double.isNaN(iou)) {
        sum += iou;
        present++;
      }
    }
    return present == 0 ? Double.NaN : sum / present;
  }

  public synchronized long pixels() {
    long total = 0;
    for (long count : confusion) {
      total += count;
    }
    return total;
  }
}
