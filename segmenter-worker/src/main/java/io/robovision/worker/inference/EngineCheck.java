package io.robovision.worker.inference;

import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;

/**
 * Starts the PyTorch engine once and prints what it found. The images run it at build time so that
 * libtorch is unpacked (or, for the CUDA flavour, downloaded) into the image instead of into every
 * container at its first start.
 */
public final class EngineCheck {
  private EngineCheck() {
  }

  public static void main(String[] args) {
    Engine engine = PyTorchEngine.start();
    System.out.println("PyTorch " + engine.getVersion() + ", CUDA available: " + engine.hasCapability(StandardCapabilities.CUDA)
        + ", --device auto runs on: " + InferenceDevice.resolve("auto"));
  }
}
