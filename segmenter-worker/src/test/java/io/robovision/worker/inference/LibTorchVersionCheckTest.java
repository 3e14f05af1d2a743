package io.robovision.worker.inference;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibTorchVersionCheckTest {
  private static final String JNI = "2.7.1-0.36.0";

  @TempDir
  Path dir;

  @Test
  void aPipTorchOfAnotherReleaseIsRefusedNamingBothVersionsAndTheWayOut() throws IOException {
    Path lib = pipTorch("__version__ = '2.11.0+cu130'\ndebug = False\n");

    assertThatThrownBy(() -> LibTorchVersionCheck.check(lib.toString(), null, JNI))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PYTORCH_LIBRARY_PATH names " + lib)
        .hasMessageContaining("libtorch 2.11.0+cu130")
        .hasMessageContaining(lib.resolveSibling("version.py").toString())
        .hasMessageContaining("pytorch-jni 2.7.1-0.36.0")
        .hasMessageContaining("torch==2.7.1")
        .hasMessageContaining("Running on a GPU");
  }

  @Test
  void aPipTorchOfTheJniReleaseIsTakenWhateverItsCudaSuffix() throws IOException {
    Path lib = pipTorch("__version__ = '2.7.1+cu126'\n");

    assertThatCode(() -> LibTorchVersionCheck.check(lib.toString(), null, JNI)).doesNotThrowAnyException();
  }

  @Test
  void theLibtorchArchiveSaysItsVersionInBuildVersion() throws IOException {
    Path lib = libtorchArchive("2.5.1+cu124\n");

    assertThatThrownBy(() -> LibTorchVersionCheck.check(lib.toString(), "", JNI))
        .hasMessageContaining("libtorch 2.5.1+cu124")
        .hasMessageContaining("libtorch-cxx11-abi-shared-with-deps-2.7.1+cu128.zip");
    Files.writeString(lib.resolveSibling("build-version"), "2.7.1+cu128\n");
    assertThatCode(() -> LibTorchVersionCheck.check(lib.toString(), "", JNI)).doesNotThrowAnyException();
  }

  @Test
  void aDistributionsLibtorchSaysItsVersionInTheFileItsLinkPointsTo() throws IOException {
    Path lib = Files.createDirectories(dir.resolve("usr/lib/x86_64-linux-gnu"));
    String libtorch = System.mapLibraryName("torch");
    Path real = Files.createFile(lib.resolve(libtorch + ".1.13.0"));
    Files.createSymbolicLink(lib.resolve(libtorch + ".1.13"), real.getFileName());
    Files.createSymbolicLink(lib.resolve(libtorch), Path.of(libtorch + ".1.13"));

    assertThatThrownBy(() -> LibTorchVersionCheck.check(lib.toString(), null, JNI))
        .hasMessageContaining("libtorch 1.13.0 (says " + real.toRealPath() + ")");
    Files.delete(lib.resolve(libtorch));
    Files.createSymbolicLink(lib.resolve(libtorch), Files.createFile(lib.resolve(libtorch + ".2.7.1")).getFileName());
    assertThatCode(() -> LibTorchVersionCheck.check(lib.toString(), null, JNI)).doesNotThrowAnyException();
  }

  @Test
  void aPinnedPytorchVersionIsWhatTheFolderMustMatch() throws IOException {
    Path lib = pipTorch("__version__ = '2.11.0+cu130'\n");

    assertThatCode(() -> LibTorchVersionCheck.check(lib.toString(), "2.11.0", JNI)).doesNotThrowAnyException();
    assertThatThrownBy(() -> LibTorchVersionCheck.check(lib.toString(), "2.9.0", JNI))
        .hasMessageContaining("JNI library for libtorch 2.9.0");
  }

  @Test
  void aFolderWithItsOwnJniLibraryIsLeftToIt() throws IOException {
    Path lib = pipTorch("__version__ = '2.11.0'\n");
    Files.createFile(lib.resolve("0.36.0-" + System.mapLibraryName("djl_torch")));

    assertThatCode(() -> LibTorchVersionCheck.check(lib.toString(), null, JNI)).doesNotThrowAnyException();
  }

  @Test
  void theFirstEntryHoldingLibtorchIsChecked() throws IOException {
    Path lib = pipTorch("__version__ = '1.13.0a0'\n");
    String path = dir.resolve("missing") + File.pathSeparator + lib.resolve(System.mapLibraryName("torch"));

    assertThatThrownBy(() -> LibTorchVersionCheck.check(path, null, JNI)).hasMessageContaining("libtorch 1.13.0a0");
  }

  @Test
  void aFolderThatDoesNotSayItsVersionOrHasNoLibtorchIsLeftToDjl() throws IOException {
    Path bare = Files.createDirectories(dir.resolve("bare/lib"));
    Files.createFile(bare.resolve(System.mapLibraryName("torch")));
    Path empty = pipTorch("version = 'no release named here'\n");
    Files.delete(empty.resolve(System.mapLibraryName("torch")));
    Path unnamed = Files.createDirectories(dir.resolve("unnamed/lib"));
    Files.createFile(unnamed.resolve(System.mapLibraryName("torch")));
    Files.writeString(unnamed.resolveSibling("version.py"), "git_version = 'Unknown'\n");

    for (Path lib : new Path[] {bare, empty, unnamed}) {
      assertThatCode(() -> LibTorchVersionCheck.check(lib.toString(), null, JNI)).doesNotThrowAnyException();
    }
    assertThatCode(() -> LibTorchVersionCheck.check(null, null, JNI)).doesNotThrowAnyException();
  }

  private Path pipTorch(String versionPy) throws IOException {
    Path lib = Files.createDirectories(dir.resolve("site-packages/torch/lib"));
    Files.createFile(lib.resolve(System.mapLibraryName("torch")));
    Files.writeString(lib.resolveSibling("version.py"), versionPy);
    return lib;
  }

  private Path libtorchArchive(String buildVersion) throws IOException {
    Path lib = Files.createDirectories(dir.resolve("libtorch/lib"));
    Files.createFile(lib.resolve(System.mapLibraryName("torch")));
    Files.writeString(lib.resolveSibling("build-version"), buildVersion);
    return lib;
  }
}
