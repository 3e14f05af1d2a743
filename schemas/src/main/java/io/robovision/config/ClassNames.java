package io.robovision.config;

import io.robovision.files.FileErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a class file: one class name per line, in the model's output order; blank lines are ignored. */
public final class ClassNames {
  private ClassNames() {
  }

  public static List<String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("class file '" + file + "' does not exist (model.classes / --classes)");
    }
    try {
      List<String> names = Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
      if (names.isEmpty()) {
        throw new IllegalArgumentException("class file '" + file + "' lists no classes; write one name per line");
      }
      return names;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read class file '" + file + "': " + FileErrors.reason(e), e);
    }
  }
}
