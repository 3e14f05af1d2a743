package io.robovision.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV with a header row; timestamps as ISO-8601 UTC with milliseconds, e.g. {@code 2026-11-25T10:00:00.000Z}. */
public final class CsvTableWriter implements TableWriter {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

  private final List<Column> columns;
  private final CSVPrinter printer;

  public CsvTableWriter(Path file, List<Column> columns) throws IOException {
    this.columns = List.copyOf(columns);
    this.printer = new CSVPrinter(Files.newBufferedWriter(file), CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
        .setHeader(columns.stream().map(Column::name).toArray(String[]::new)).get());
  }

  @Override
  public void write(Object[] values) throws IOException {
    Object[] cells = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      cells[i] = values[i] != null && columns.get(i).type() == Column.Type.TIMESTAMP
          ? ISO_MILLIS.format(Instant.ofEpochMilli((Long) values[i])) : values[i];
    }
    printer.printRecord(cells);
  }

  @Override
  public void close() throws IOException {
    printer.close(true);
  }
}
