package io.robovision.sink.analytics;

import io.robovision.files.FileErrors;
import io.robovision.schemas.AnalyticsRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Appends analytics rows to a CSV file with one column per class; the class columns are fixed by
 * the model's class list, so every row of a file has the same shape.
 */
public final class AnalyticsCsv implements AutoCloseable {
  private final Path file;
  private final List<String> classNames;
  private final CSVPrinter printer;

  public AnalyticsCsv(Path file, List<String> classNames) {
    this.file = file;
    this.classNames = List.copyOf(classNames);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      boolean fresh = !Files.exists(file) || Files.size(file) == 0;
      Writer writer = Files.newBufferedWriter(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      CSVFormat.Builder format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n');
      if (fresh) {
        format.setHeader(header().toArray(String[]::new));
      }
      this.printer = new CSVPrinter(writer, format.get());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write analytics CSV '" + file + "': " + FileErrors.reason(e), e);
    }
  }

  public void append(AnalyticsRow row) {
    List<Object> values = new ArrayList<>();
    values.add(row.getCameraId());
    values.add(row.getSequence());
    values.add(row.getCaptureTime().toString());
    values.add(row.getRecordTime().toString());
    values.add(row.getLatencyMs());
    values.add(row.getStatus());
    for (String name : classNames) {
      Float fraction = row.getCoverage().get(name);
      values.add(fraction == null ? 0f : fraction);
    }
    values.add(row.getDetections().values().stream().mapToInt(Integer::intValue).sum());
    values.add(row.getDetections().entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";")));
    try {
      printer.printRecord(values);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to analytics CSV '" + file + "': " + FileErrors.reason(e), e);
    }
  }

  public void flush() {
    try {
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush analytics CSV '" + file + "': " + FileErrors.reason(e), e);
    }
  }

  @Override
  public void close() {
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close analytics CSV '" + file + "': " + FileErrors.reason(e), e);
    }
  }

  private List<String> header() {
    List<String> header = new ArrayList<>(List.of("camera_id", "sequence", "capture_time", "record_time",
        "latency_ms", "status"));
    classNames.forEach(name -> header.add("coverage_" + name));
    header.add("detections_total");
    header.add("detections");
    return header;
  }
}
