package io.robovision.worker.inference;

import io.robovision.files.FileErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Names a model file by its file name and the first 12 hex digits of its SHA-256, so results say which weights made them. */
final class ModelId {
  private ModelId() {
  }

  static String of(Path file) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return file.getFileName() + "@" + HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read model file '" + file + "': " + FileErrors.reason(e), e);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException(e);
    }
  }
}
