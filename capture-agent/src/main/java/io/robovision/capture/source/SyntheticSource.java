package io.robovision.capture.source;

import io.robovision.capture.source.synthetic.SceneFrame;
import io.robovision.capture.source.synthetic.SyntheticScene;

/** The seeded synthetic scene as a camera; it never drops a frame and carries exact ground truth. */
public final class SyntheticSource implements FrameSource {
  private final SyntheticScene scene;
  private final long seed;
  private final double fps;
  private long index;

  public SyntheticSource(long seed, int width, int height, double fps) {
    this.scene = new SyntheticScene(seed, width, height);
    this.seed = seed;
    this.fps = fps;
  }

  @Override
  public CapturedFrame next() {
    SceneFrame frame = scene.render(index);
    index++;
    return new CapturedFrame(frame.image(), frame.labels(), System.currentTimeMillis());
  }

  @Override
  public boolean live() {
    return false;
  }

  @Override
  public double nativeFps() {
    return fps;
  }

  @Override
  public String describe() {
    return "synthetic scene (seed " + seed + ")";
  }

  @Override
  public void close() {
    // Nothing native is held between frames.
  }
}
