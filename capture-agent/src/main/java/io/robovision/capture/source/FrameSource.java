package io.robovision.capture.source;

/** A camera, stream, file or synthetic scene that yields frames one at a time. */
public interface FrameSource extends AutoCloseable {
  /** The next frame, or {@code null} at the end of the stream; blocks until one is available. */
  CapturedFrame next() throws SourceException;

  /** Live sources keep running whether or not anyone reads them, so their frames may be dropped. */
  boolean live();

  /** Frames per second the source itself delivers, or 0 when unknown. */
  double nativeFps();

  String describe();

  @Override
  void close();
}
