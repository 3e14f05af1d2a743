package io.robovision.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileErrorsTest {
  @TempDir
  Path dir;

  @Test
  void aFileInTheWayOfAFolderGetsTheSystemsReason() throws IOException {
    Path file = Files.writeString(dir.resolve("plain"), "x");

    IOException error = assertThrows(IOException.class, () -> Files.createDirectories(file.resolve("sub")));

    assertEquals("Not a directory", FileErrors.reason(error));
  }

  @Test
  void aMissingParentSaysSoInsteadOfRepeatingThePath() {
    IOException error = assertThrows(NoSuchFileException.class,
        () -> Files.writeString(dir.resolve("missing/file.csv"), "x"));

    assertEquals("no such file or folder", FileErrors.reason(error));
  }

  @Test
  void exceptionsThatCarryOnlyAPathAreNamedByType() {
    assertEquals("permission denied", FileErrors.reason(new AccessDeniedException("/root/out")));
    assertEquals("a file of that name is in the way", FileErrors.reason(new FileAlreadyExistsException("/tmp/x")));
    assertEquals("Read-only file system", FileErrors.reason(new FileSystemException("/mnt/x", null,
        "Read-only file system")));
    assertEquals("disk full", FileErrors.reason(new IOException("disk full")));
    assertEquals("IOException", FileErrors.reason(new IOException()));
  }
}
