package io.robovision.sink.recording;

/** An MP4 file could not be created, encoded into or finished; the message names the file. */
public final class RecordingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RecordingException(String message, Throwable cause) {
    super(message, cause);
  }
}
