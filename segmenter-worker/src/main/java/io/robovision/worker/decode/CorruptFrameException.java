package io.robovision.worker.decode;

/** A frame whose image cannot be used; it goes to the dead-letter topic. */
public final class CorruptFrameException extends Exception {
  public CorruptFrameException(String message) {
    super(message);
  }
}
