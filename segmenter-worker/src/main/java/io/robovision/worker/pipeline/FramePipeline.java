package io.robovision.worker.pipeline;

import ai.djl.translate.TranslateException;
import io.robovision.schemas.Frame;
import io.robovision.schemas.SegmentResult;
import io.robovision.schemas.StageTimings;
import io.robovision.serde.AvroDeserializer;
import io.robovision.worker.WorkerConfig.ThroughputSettings;
import io.robovision.worker.WorkerStats;
import io.robovision.worker.decode.CorruptFrameException;
import io.robovision.worker.decode.FrameDecoder;
import io.robovision.worker.inference.FrameModels;
import io.robovision.worker.inference.FramePredictor;
import io.robovision.worker.result.ResultBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.SerializationException;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages a polled frame goes through, each on its own threads so that the predictors never wait for JPEG
 * decoding or PNG encoding: decode (Avro, then the image), the {@link FrameScheduler} that forms micro-batches and
 * skips frames of cameras that fell behind, one thread per predictor, and encode-and-send. The consumer bounds how
 * many frames are inside at once, which bounds every queue between the stages.
 */
public final class FramePipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FramePipeline.class);
  private static final int WARM_UP_RUNS = 2;
  private static final long STOP_TIMEOUT_SECONDS = 30;

  private final ThroughputSettings settings;
  private final FrameModels models;
  private final ResultBuilder results;
  private final ResultSender sender;
  private final WorkerStats stats;
  private final FrameDecoder decoder = new FrameDecoder();
  private final AvroDeserializer<Frame> frames = new AvroDeserializer<>(Frame.getClassSchema());
  private final FrameScheduler<InFlightFrame> scheduler;
  private final ExecutorService decoding;
  private final ExecutorService encoding;
  private final List<Thread> predictors = new ArrayList<>();

  /**
   * Starts the stages and warms every predictor up with dummy frames of size {@code warmUpWidth} x
   * {@code warmUpHeight} at every batch size, so that the graph optimizer's first slow runs happen before the first
   * real frame; returns once all are warm.
   */
  public FramePipeline(ThroughputSettings settings, FrameModels models, ResultBuilder results, ResultSender sender,
      WorkerStats stats, int warmUpWidth, int warmUpHeight) {
    this.settings = settings;
    this.models = models;
    this.results = results;
    this.sender = sender;
    this.stats = stats;
    this.scheduler = new FrameScheduler<>(settings.batchSize(), settings.batchWaitMs(), settings.maxFrameAgeMs());
    this.decoding = Executors.newFixedThreadPool(settings.decodeThreads(), named("segmenter-decode-"));
    this.encoding = Executors.newFixedThreadPool(settings.encodeThreads(), named("segmenter-encode-"));
    CountDownLatch warm = new CountDownLatch(settings.predictors());
    AtomicReference<Throwable> warmUpFailure = new AtomicReference<>();
    long started = System.nanoTime();
    for (int i = 0; i < settings.predictors(); i++) {
      Thread thread = new Thread(() -> predict(warmUpWidth, warmUpHeight, warm, warmUpFailure),
          "segmenter-predictor-" + i);
      thread.setDaemon(true);
      predictors.add(thread);
      thread.start();
    }
    try {
      warm.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while warming up the predictors", e);
    }
    if (warmUpFailure.get() != null) {
      close();
      throw new IllegalStateException("the model failed on a warm-up frame: " + warmUpFailure.get().getMessage(),
          warmUpFailure.get());
    }
    LOG.info(String.format(Locale.ROOT, "warmed up %d predictor(s) in %.1f s (%d runs each at every batch size from 1"
            + " to %d)", settings.predictors(), (System.nanoTime() - started) / 1e9, WARM_UP_RUNS, settings.batchSize()));
  }

  /** Takes a polled record; it ends in exactly one call of its listener. */
  public void submit(InFlightFrame frame) {
    try {
      decoding.execute(() -> decode(frame));
    } catch (RejectedExecutionException e) {
      frame.abandon(e);
    }
  }

  /** Frames decoded and waiting for a predictor. */
  public int waiting() {
    return scheduler.size();
  }

  /** Stops taking frames, lets the stages finish what they hold, and closes the predictors. */
  @Override
  public void close() {
    decoding.shutdown();
    awaitQuietly(decoding);
    IllegalStateException stopping = new IllegalStateException("the worker stopped before this frame was segmented");
    scheduler.close().forEach(frame -> frame.abandon(stopping));
    for (Thread thread : predictors) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    encoding.shutdown();
    awaitQuietly(encoding);
  }

  private void decode(InFlightFrame job) {
    Frame frame;
    try {
      frame = frames.deserialize(job.record().topic(), job.record().value());
    } catch (SerializationException e) {
      deadLetter(job, e);
      job.release();
      return;
    }
    long started = System.nanoTime();
    Mat image;
    try {
      image = decoder.decode(frame);
    } catch (CorruptFrameException | RuntimeException e) {
      deadLetter(job, e);
      // The sink holds this camera's later frames until it hears about this one.
      send(job, results.failed(frame, e.getMessage(), timings(frame, System.currentTimeMillis(), 0)));
      job.release();
      return;
    }
    job.decoded(frame, image, (System.nanoTime() - started) / 1e6);
    List<InFlightFrame> stale;
    try {
      stale = scheduler.add(job);
    } catch (RejectedExecutionException e) {
      job.abandon(new IllegalStateException("the worker stopped before this frame was segmented", e));
      return;
    }
    stale.forEach(this::skip);
  }

  private void deadLetter(InFlightFrame job, Exception reason) {
    stats.deadLettered();
    LOG.warn("dead-lettering {}-{}@{}: {}", job.record().topic(), job.record().partition(), job.record().offset(),
        reason.getMessage());
    sender.deadLetter(job, reason);
  }

  /** One predictor's thread: warm up, then run batches until the scheduler closes. */
  private void predict(int warmUpWidth, int warmUpHeight, CountDownLatch warm, AtomicReference<Throwable> failure) {
    try (FramePredictor predictor = models.newPredictor()) {
      try {
        warmUp(predictor, warmUpWidth, warmUpHeight);
      } catch (TranslateException | RuntimeException e) {
        failure.compareAndSet(null, e);
        return;
      } finally {
        warm.countDown();
      }
      FrameScheduler.Selection<InFlightFrame> selection;
      while ((selection = scheduler.take()) != null) {
        selection.skipped().forEach(this::skip);
        if (!selection.batch().isEmpty()) {
          infer(predictor, selection.batch());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
      LOG.error("predictor thread {} failed", Thread.currentThread().getName(), e);
    }
  }

  private void warmUp(FramePredictor predictor, int width, int height) throws TranslateException {
    try (Mat dummy = new Mat(height, width, opencv_core.CV_8UC3, new Scalar(114, 114, 114, 0))) {
      // Every batch size is a new input shape to TorchScript's profiling executor, with slow first runs of its own.
      for (int size = 1; size <= settings.batchSize(); size++) {
        for (int run = 0; run < WARM_UP_RUNS; run++) {
          predictor.predict(Collections.nCopies(size, dummy));
        }
      }
    }
  }

  private void infer(FramePredictor predictor, List<InFlightFrame> batch) {
    long startedWall = System.currentTimeMillis();
    FramePredictor.BatchOutput output;
    try {
      output = predictor.predict(batch.stream().map(InFlightFrame::image).toList());
    } catch (TranslateException | RuntimeException e) {
      if (batch.size() > 1) {
        // One bad frame must not fail its batch-mates: run them one by one.
        batch.forEach(frame -> infer(predictor, List.of(frame)));
      } else {
        fail(batch.get(0), e, startedWall);
      }
      return;
    }
    stats.batch(batch.size());
    long perFrameNanos = (output.segmentationNanos() + output.detectionNanos()) / batch.size();
    for (int i = 0; i < batch.size(); i++) {
      InFlightFrame job = batch.get(i);
      FramePredictor.Output result = output.outputs().get(i);
      job.releaseImage();
      stats.segmented(perFrameNanos);
      StageTimings.Builder timings = timings(job.frame(), startedWall, job.decodeMillis())
          .setInferenceMs(output.segmentationNanos() / 1e6)
          .setDetectionMs(output.detectionNanos() / 1e6);
      encode(job, () -> {
        SegmentResult ok = results.ok(job.frame(), result.mask(), result.boxes(), timings);
        stats.instances(ok.getInstances());
        return ok;
      });
    }
  }

  private void fail(InFlightFrame job, Exception e, long startedWall) {
    job.releaseImage();
    stats.failed();
    LOG.error("frame {} of camera {} failed in the model: {}", job.sequence(), job.camera(), e.getMessage());
    StageTimings.Builder timings = timings(job.frame(), startedWall, job.decodeMillis());
    encode(job, () -> results.failed(job.frame(), "inference failed: " + e.getMessage(), timings));
  }

  private void skip(InFlightFrame job) {
    job.releaseImage();
    stats.skipped();
    long now = System.currentTimeMillis();
    String reason = String.format(Locale.ROOT, "skipped: camera %s fell behind; this frame was %d ms old"
        + " (worker.max.frame.age.ms=%d) and a newer one was waiting", job.camera(), now - job.captureMillis(),
        settings.maxFrameAgeMs());
    StageTimings.Builder timings = timings(job.frame(), now, job.decodeMillis());
    encode(job, () -> results.skipped(job.frame(), reason, timings));
  }

  private void encode(InFlightFrame job, Supplier<SegmentResult> result) {
    try {
      encoding.execute(() -> {
        SegmentResult built;
        try {
          built = result.get();
        } catch (RuntimeException e) {
          LOG.error("frame {} of camera {}: result not encoded: {}", job.sequence(), job.camera(), e.getMessage());
          built = results.failed(job.frame(), "result encoding failed: " + e.getMessage(),
              timings(job.frame(), System.currentTimeMillis(), job.decodeMillis()));
        }
        send(job, built);
        job.release();
      });
    } catch (RejectedExecutionException e) {
      job.abandon(e);
    }
  }

  /** Every result goes out here, so each one's stage times are measured exactly once. */
  private void send(InFlightFrame job, SegmentResult result) {
    stats.stages(result.getTimings());
    stats.answered(System.currentTimeMillis() - result.getCaptureTime().toEpochMilli());
    sender.result(job, result);
  }

  /** Queue time is what is left of capture-to-model once decoding is taken out, so the stages add up to the latency. */
  private static StageTimings.Builder timings(Frame frame, long modelStartWall, double decodeMillis) {
    double queue = modelStartWall - frame.getCaptureTime().toEpochMilli() - decodeMillis;
    return StageTimings.newBuilder().setQueueMs(Math.max(0, queue)).setDecodeMs(decodeMillis)
        .setInferenceMs(0).setDetectionMs(0).setEncodeMs(0);
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      if (!executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
  }
}
