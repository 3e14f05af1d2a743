package io.robovision.export;

import java.io.IOException;

/** Writes rows of fixed columns to a file. */
public interface TableWriter extends AutoCloseable {
  /** One row, in column order; timestamps as epoch milliseconds, null for an empty cell. */
  void write(Object[] values) throws IOException;

  @Override
  void close() throws IOException;
}
