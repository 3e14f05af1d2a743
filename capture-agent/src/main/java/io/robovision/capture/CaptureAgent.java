package io.robovision.capture;

import io.robovision.capture.encode.FrameEncoder;
import io.robovision.capture.publish.CameraPositions;
import io.robovision.capture.publish.FramePublisher;
import io.robovision.capture.publish.LatestFrames;
import io.robovision.capture.source.CapturedFrame;
import io.robovision.capture.source.FramePacer;
import io.robovision.capture.source.FrameSource;
import io.robovision.capture.source.SourceException;
import io.robovision.schemas.Frame;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grabs, encodes and publishes one camera's frames until the source ends, the frame limit is
 * reached or {@link #stop()} is called. A file or synthetic source is paced and never loses a
 * frame; a live source is reopened when it dies and sheds its oldest frames when publishing lags.
 */
public final class CaptureAgent implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureAgent.class);
  private static final Duration MAX_REOPEN_BACKOFF = Duration.ofSeconds(30);

  /** Opens (or reopens) the source. */
  @FunctionalInterface
  public interface SourceOpener {
    FrameSource open() throws SourceException;
  }

  private final CaptureConfig config;
  private final FrameSource firstSource;
  private final SourceOpener opener;
  private final FramePublisher publisher;
  private final CameraPositions positions;
  private final FrameEncoder encoder;
  private final CaptureStats stats;
  private volatile boolean running = true;
  private volatile Thread grabber;
  private long sequence;
  private long sent;

  /** Takes ownership of the open source, the publisher and the positions, and closes them when it ends. */
  public CaptureAgent(CaptureConfig config, FrameSource firstSource, SourceOpener opener,
      FramePublisher publisher, CameraPositions positions, long firstSequence, CaptureStats stats) {
    this.config = config;
    this.firstSource = firstSource;
    this.opener = opener;
    this.publisher = publisher;
    this.positions = positions;
    this.encoder = new FrameEncoder(config.width(), config.height(), config.jpegQuality());
    this.sequence = firstSequence;
    this.stats = stats;
  }

  @Override
  public void run() {
    stats.health().started();
    stats.health().notReady("no frame acknowledged by the broker yet");
    try (publisher; positions) {
      if (firstSource.live()) {
        runLive(firstSource);
      } else {
        runPaced(firstSource);
      }
      publisher.flush();
    } catch (SourceException e) {
      throw new IllegalStateException("camera " + config.cameraId() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stats.health().stopped();
    }
  }

  /** Asks the agent to finish after the frame in hand; a live source waiting to be reopened stops waiting. */
  public void stop() {
    running = false;
    Thread waiting = grabber;
    if (waiting != null) {
      waiting.interrupt();
    }
  }

  public CaptureStats stats() {
    return stats;
  }

  private void runPaced(FrameSource source) throws SourceException, InterruptedException {
    try (source) {
      FramePacer pacer = new FramePacer(config.fps());
      while (running && !limitReached()) {
        try (CapturedFrame frame = source.next()) {
          if (frame == null) {
            return;
          }
          stats.grabbed();
          pacer.await();
          publish(frame);
        }
      }
    }
  }

  private void runLive(FrameSource first) throws InterruptedException {
    LatestFrames<CapturedFrame> queue = new LatestFrames<>(config.queueCapacity(), dropped -> {
      dropped.close();
      stats.dropped();
    });
    Thread grabbing = new Thread(() -> grabLive(first, queue), "grab-" + config.cameraId());
    grabber = grabbing;
    grabbing.start();
    try {
      while (true) {
        try (CapturedFrame frame = queue.take()) {
          if (frame == null) {
            return;
          }
          if (running && !limitReached()) {
            publish(frame);
          } else {
            stop();
            stats.dropped();
          }
        }
      }
    } finally {
      stop();
      grabbing.join();
    }
  }

  private void grabLive(FrameSource first, LatestFrames<CapturedFrame> queue) {
    FrameSource source = first;
    FramePacer cap = new FramePacer(config.fps());
    long backoffMillis = 1000;
    try {
      while (running) {
        try {
          CapturedFrame frame = source.next();
          if (frame == null) {
            throw new SourceException(source.describe() + " ended");
          }
          backoffMillis = 1000;
          stats.grabbed();
          if (cap.due(frame.streamMicros())) {
            queue.offer(frame);
          } else {
            frame.close();
            stats.throttled();
          }
        } catch (SourceException e) {
          source.close();
          LOG.warn("camera {}: {}; reopening in {} s", config.cameraId(), e.getMessage(), backoffMillis / 1000);
          Thread.sleep(backoffMillis);
          backoffMillis = Math.min(backoffMillis * 2, MAX_REOPEN_BACKOFF.toMillis());
          source = reopen(source);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      source.close();
      queue.close();
    }
  }

  private FrameSource reopen(FrameSource previous) {
    try {
      return opener.open();
    } catch (SourceException e) {
      LOG.warn("camera {}: {}", config.cameraId(), e.getMessage());
      return previous;
    }
  }

  private boolean limitReached() {
    return config.maxFrames() > 0 && sent >= config.maxFrames();
  }

  private void publish(CapturedFrame frame) {
    sent++;
    long started = System.nanoTime();
    Frame encoded = encoder.encode(config.cameraId(), sequence++, frame.captureTimeMillis(), frame.image(),
        frame.groundTruth());
    stats.encoded(System.nanoTime() - started);
    publisher.publish(encoded);
    positions.advance(sequence);
  }
}
