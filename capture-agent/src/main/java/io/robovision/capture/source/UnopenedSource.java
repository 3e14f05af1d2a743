package io.robovision.capture.source;

/** A camera or stream that was down when the agent started: every read fails with the reason it could not be opened. */
final class UnopenedSource implements FrameSource {
  private final String spec;
  private final SourceException reason;

  UnopenedSource(String spec, SourceException reason) {
    this.spec = spec;
    this.reason = reason;
  }

  @Override
  public CapturedFrame next() throws SourceException {
    throw new SourceException(reason.getMessage(), reason);
  }

  @Override
  public boolean live() {
    return true;
  }

  @Override
  public double nativeFps() {
    return 0;
  }

  @Override
  public String describe() {
    return spec + " (not open)";
  }

  @Override
  public void close() {
  }
}
