package io.robovision.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Why a file operation failed, in words: java.nio's exceptions often carry only the path as their message. */
public final class FileErrors {
  private FileErrors() {
  }

  /** The reason the operating system gave, or one named after the exception's type. */
  public static String reason(IOException error) {
    if (error instanceof FileSystemException failure && failure.getReason() != null) {
      String other = failure.getOtherFile() == null ? "" : " (" + failure.getOtherFile() + ")";
      return failure.getReason() + other;
    }
    if (error instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (error instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (error instanceof FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    if (error instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (error instanceof DirectoryNotEmptyException) {
      return "the folder is not empty";
    }
    return error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
  }
}
