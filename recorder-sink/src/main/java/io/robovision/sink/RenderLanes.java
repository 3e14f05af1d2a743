package io.robovision.sink;

import io.robovision.schemas.Frame;
import io.robovision.schemas.SegmentResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Renders pictures on {@code sink.render.threads} threads, each with its own {@link FrameRenderer}, so that decoding
 * and composing the next frames overlap with the consumer thread's encoding and publishing of the current one.
 */
public final class RenderLanes implements AutoCloseable {
  private static final long CLOSE_WAIT_SECONDS = 30;

  private final List<ExecutorService> lanes = new ArrayList<>();
  private final List<FrameRenderer> renderers = new ArrayList<>();
  private int next;

  public RenderLanes(int threads, Supplier<FrameRenderer> renderer) {
    if (threads < 1) {
      throw new IllegalArgumentException("at least one render thread is needed, got " + threads);
    }
    for (int i = 0; i < threads; i++) {
      String name = "recorder-sink-render-" + i;
      renderers.add(renderer.get());
      lanes.add(Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
      }));
    }
  }

  /** Renders on the next lane in turn; the picture, or null for a frame that cannot be shown, is the caller's. */
  public Future<Mat> submit(Frame frame, SegmentResult result) {
    int lane = next;
    next = (next + 1) % lanes.size();
    FrameRenderer renderer = renderers.get(lane);
    return lanes.get(lane).submit(() -> renderer.render(frame, result));
  }

  public int threads() {
    return lanes.size();
  }

  /** Lets the submitted renders finish, then frees each renderer's buffers. */
  @Override
  public void close() {
    lanes.forEach(ExecutorService::shutdown);
    try {
      for (ExecutorService lane : lanes) {
        lane.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lanes.forEach(ExecutorService::shutdownNow);
      if (lanes.stream().allMatch(ExecutorService::isTerminated)) {
        renderers.forEach(FrameRenderer::close);
      }
    }
  }
}
