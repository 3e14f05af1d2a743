package io.robovision.worker.inference;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Starts DJL's PyTorch engine, or says which libtorch it wanted and how to give it one. */
public final class PyTorchEngine {
  /** pytorch-jni's record of the libtorch and DJL versions its JNI libraries are built for. */
  private static final String JNI_PROPERTIES = "jnilib/pytorch.properties";

  private PyTorchEngine() {
  }

  /** The running engine; the first call loads libtorch. */
  public static Engine start() {
    LibTorchVersionCheck.check(Utils.getEnvOrSystemProperty("PYTORCH_LIBRARY_PATH"),
        Utils.getEnvOrSystemProperty("PYTORCH_VERSION"), jniVersion());
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

  private static String jniVersion() {
    try (InputStream in = PyTorchEngine.class.getClassLoader().getResourceAsStream(JNI_PROPERTIES)) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("jni_version");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + JNI_PROPERTIES + " from the pytorch-jni jar", e);
    }
  }
}
