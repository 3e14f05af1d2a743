package io.robovision.worker.pipeline;

import io.robovision.schemas.Frame;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One polled record on its way through the pipeline. It is finished once every send made for it (result, dead
 * letter) is acknowledged and no stage holds it any more; the listener hears about it exactly once.
 */
public final class InFlightFrame implements FrameScheduler.Item {
  /** Told when a record is finished; {@code error} is null when everything sent for it was acknowledged. */
  public interface Listener {
    void finished(InFlightFrame frame, Exception error);
  }

  private final ConsumerRecord<String, byte[]> record;
  private final PartitionProgress progress;
  private final Listener listener;
  // Starts at 1 for the stage holding the record; each send adds one until the broker answers.
  private final AtomicInteger holds = new AtomicInteger(1);
  private final AtomicReference<Exception> error = new AtomicReference<>();
  private Frame frame;
  private Mat image;
  private double decodeMillis;
  private int width;
  private int height;

  public InFlightFrame(ConsumerRecord<String, byte[]> record, PartitionProgress progress, Listener listener) {
    this.record = record;
    this.progress = progress;
    this.listener = listener;
  }

  public ConsumerRecord<String, byte[]> record() {
    return record;
  }

  public TopicPartition partition() {
    return new TopicPartition(record.topic(), record.partition());
  }

  public PartitionProgress progress() {
    return progress;
  }

  void decoded(Frame decodedFrame, Mat decodedImage, double millis) {
    this.frame = decodedFrame;
    this.image = decodedImage;
    this.decodeMillis = millis;
    this.width = decodedImage.cols();
    this.height = decodedImage.rows();
  }

  public Frame frame() {
    return frame;
  }

  Mat image() {
    return image;
  }

  double decodeMillis() {
    return decodeMillis;
  }

  /** Frees the decoded image as soon as no stage needs it. */
  void releaseImage() {
    if (image != null) {
      image.close();
      image = null;
    }
  }

  /** A send is about to be made for this record. */
  void sending() {
    holds.incrementAndGet();
  }

  /** The broker answered a send (error null) or it could not be made. */
  void sent(Exception failure) {
    if (failure != null) {
      error.compareAndSet(null, failure);
    }
    release();
  }

  /** The stage holding the record is done with it. */
  void release() {
    if (holds.decrementAndGet() == 0) {
      listener.finished(this, error.get());
    }
  }

  /** Gives the record up unfinished (the worker is stopping); its offset is not committed. */
  void abandon(Exception reason) {
    error.compareAndSet(null, reason);
    releaseImage();
    release();
  }

  @Override
  public String camera() {
    return frame.getCameraId();
  }

  @Override
  public long sequence() {
    return frame.getSequence();
  }

  @Override
  public long captureMillis() {
    return frame.getCaptureTime().toEpochMilli();
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }
}
