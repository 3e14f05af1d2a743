package io.robovision.worker.inference;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses a libtorch in {@code PYTORCH_LIBRARY_PATH} of another version than DJL's JNI library is built for.
 *
 * <p>DJL does not read that folder's version: it assumes the one its pytorch-jni jar was built for and loads
 * the jar's JNI library on top. Against another libtorch that crashes the JVM (SIGSEGV) while loading the engine
 * or the first model, as seen with pip's torch 2.11 and Debian's 1.13 under pytorch-jni 2.7.1-0.36.0.
 */
final class LibTorchVersionCheck {
  private static final String LIBTORCH = System.mapLibraryName("torch");
  private static final String JNI_LIBRARY = System.mapLibraryName("djl_torch");
  private static final Pattern RELEASE = Pattern.compile("(\\d+\\.\\d+\\.\\d+)");
  private static final Pattern RELEASE_NAME = Pattern.compile("\\d+(\\.\\d+)+");
  private static final Pattern PYTHON_VERSION = Pattern.compile("(?m)^__version__\\s*=\\s*['\"]([^'\"]+)['\"]");

  private LibTorchVersionCheck() {
  }

  /**
   * Throws when the libtorch that {@code libraryPath} names declares another release than DJL will take a JNI
   * library for: {@code pinnedVersion} (PYTORCH_VERSION) when set, else the libtorch part of {@code jniVersion}
   * (pytorch-jni's {@code jni_version}, such as 2.7.1-0.36.0). Nothing is checked when the folder brings its own
   * JNI library or does not say its version (no warning either: every PyTorchEngine.start() runs the check).
   */
  static void check(String libraryPath, String pinnedVersion, String jniVersion) {
    if (libraryPath == null || jniVersion == null) {
      return;
    }
    Optional<Path> folder = libTorchFolder(libraryPath);
    if (folder.isEmpty() || hasJniLibrary(folder.get(), jniVersion)) {
      return;
    }
    String wanted = pinnedVersion == null || pinnedVersion.isEmpty() ? jniVersion.split("-")[0] : pinnedVersion;
    Optional<Declared> found = declared(folder.get());
    if (found.isEmpty() || release(found.get().version()).equals(release(wanted))) {
      return;
    }
    throw new IllegalStateException("PYTORCH_LIBRARY_PATH names " + folder.get() + ", libtorch " + found.get().version()
        + " (says " + found.get().source() + "), but DJL loads a JNI library for libtorch " + wanted + " on it"
        + " (pytorch-jni " + jniVersion + "); any other version crashes the JVM. Point PYTORCH_LIBRARY_PATH at a"
        + " libtorch " + wanted + " (the lib folder of pytorch.org's libtorch-cxx11-abi-shared-with-deps-" + wanted
        + "+cu128.zip, or torch/lib of pip's torch==" + wanted + "), or unset it to run on the bundled CPU libtorch."
        + " See the README, 'Running on a GPU'");
  }

  /** The first entry that is libtorch or holds it, as DJL picks it. */
  private static Optional<Path> libTorchFolder(String libraryPath) {
    for (String entry : libraryPath.split(File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath();
      if (Files.isRegularFile(path) && path.getFileName().toString().equals(LIBTORCH)) {
        return Optional.of(path.getParent());
      }
      if (Files.isRegularFile(path.resolve(LIBTORCH))) {
        return Optional.of(path);
      }
    }
    return Optional.empty();
  }

  private static boolean hasJniLibrary(Path folder, String jniVersion) {
    String djlVersion = jniVersion.substring(jniVersion.indexOf('-') + 1);
    return Files.exists(folder.resolve(JNI_LIBRARY)) || Files.exists(folder.resolve(djlVersion + '-' + JNI_LIBRARY));
  }

  /** A libtorch version and where it was read. */
  private record Declared(String version, Path source) {
  }

  /**
   * pytorch.org's libtorch archive has {@code libtorch/build-version}, a pip wheel {@code torch/version.py}; a
   * distribution's package (Debian's, say) links {@code libtorch.so} to a file named with its version.
   */
  private static Optional<Declared> declared(Path folder) {
    Path parent = folder.getParent();
    Optional<Declared> file = parent == null ? Optional.empty()
        : Optional.of(parent.resolve("build-version")).filter(Files::isRegularFile)
            .or(() -> Optional.of(parent.resolve("version.py")).filter(Files::isRegularFile))
            .map(path -> new Declared(declaredVersion(path), path));
    return file.filter(declared -> !declared.version().isEmpty()).or(() -> versionedName(folder.resolve(LIBTORCH)));
  }

  private static Optional<Declared> versionedName(Path libtorch) {
    try {
      Path real = libtorch.toRealPath();
      String name = real.getFileName().toString();
      String suffix = name.startsWith(LIBTORCH + ".") ? name.substring(LIBTORCH.length() + 1) : "";
      return RELEASE_NAME.matcher(suffix).matches() ? Optional.of(new Declared(suffix, real)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String declaredVersion(Path file) {
    try {
      String text = Files.readString(file);
      if (!file.getFileName().toString().endsWith(".py")) {
        return text.strip();
      }
      Matcher matcher = PYTHON_VERSION.matcher(text);
      return matcher.find() ? matcher.group(1) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + " to tell which libtorch PYTORCH_LIBRARY_PATH names", e);
    }
  }

  /** 2.11.0+cu130 and 1.13.0a0 are releases 2.11.0 and 1.13.0; text with no release stays as it is. */
  private static String release(String version) {
    Matcher matcher = RELEASE.matcher(version);
    return matcher.find() ? matcher.group(1) : version;
  }
}
