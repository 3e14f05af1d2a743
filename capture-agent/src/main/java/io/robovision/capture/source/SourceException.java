package io.robovision.capture.source;

/** A source could not be opened or read; the message names the source. */
public final class SourceException extends Exception {
  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }

  public SourceException(String message) {
    super(message);
  }
}
