package io.robovision.sink.recording;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;

import org.bytedeco.opencv.opencv_core.Mat;

/** Grows odd frame dimensions by one replicated pixel row/column, because YUV 4:2:0 H.264 needs even sizes. */
final class EvenSizePadder implements AutoCloseable {
  private final int evenWidth;
  private final int evenHeight;
  private final Mat padded = new Mat();

  EvenSizePadder(int width, int height) {
    this.evenWidth = width + width % 2;
    this.evenHeight = height + height % 2;
  }

  int evenWidth() {
    return evenWidth;
  }

  int evenHeight() {
    return evenHeight;
  }

  /** Returns {@code frame} itself when already even, else a padded copy owned by this padder until the next call. */
  Mat pad(Mat frame) {
    int extraColumns = evenWidth - frame.cols();
    int extraRows = evenHeight - frame.rows();
    if (extraColumns == 0 && extraRows == 0) {
      return frame;
    }
    copyMakeBorder(frame, padded, 0, extraRows, 0, extraColumns, BORDER_REPLICATE);
    return padded;
  }

  @Override
  public void close() {
    padded.close();
  }
}
