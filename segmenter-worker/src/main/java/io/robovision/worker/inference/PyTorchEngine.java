package io.robovision.worker.inference;

import ai.djl.engine.Engine;

/** Starts DJL's PyTorch engine, or says which libtorch it wanted and how to give it one. */
public final class PyTorchEngine {
  private PyTorchEngine() {
  }

  /** The running engine; the first call loads libtorch. */
  public static Engine start() {
    try {
      return Engine.getEngine("PyTorch");
    } catch (RuntimeException e) {
      StringBuilder causes = new StringBuilder(String.valueOf(e.getMessage()));
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        causes.append(": ").append(cause);
      }
      throw new IllegalStateException("DJL's PyTorch engine could not load libtorch (" + causes + "). The default build"
          + " carries the CPU libtorch; a build with -Dlibtorch=download downloads the one PYTORCH_FLAVOR names at the"
          + " first start, which needs network access and -Dai.djl.offline=false; PYTORCH_LIBRARY_PATH takes a libtorch"
          + " already on disk. See the README, 'Running on a GPU'", e);
    }
  }
}
