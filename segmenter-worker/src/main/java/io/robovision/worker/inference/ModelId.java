package io.robovision.worker.inference;

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
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("cannot read model file '" + file + "': " + e.getMessage(), e);
    }
  }
}
