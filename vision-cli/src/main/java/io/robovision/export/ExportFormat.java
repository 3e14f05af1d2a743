package io.robovision.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The file formats {@code vision export} writes. */
public enum ExportFormat {
  CSV, PARQUET;

  public TableWriter open(Path file, List<Column> columns) throws IOException {
    return this == CSV ? new CsvTableWriter(file, columns) : new ParquetTableWriter(file, columns);
  }
}
