package io.robovision.export;

import io.robovision.files.FileErrors;
import io.robovision.serde.AvroDeserializer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Exports one topic snapshot to a file in two passes: the first picks the record type (by the
 * schema of the first exportable record) and gathers the map keys that become columns, the second
 * writes the rows. Records of any other schema are counted and left out.
 */
public final class Exporter {
  private static final long PROGRESS_INTERVAL_NANOS = 2_000_000_000L;

  private final PrintStream progress;

  /** {@code progress} gets a line every two seconds and the summary. */
  public Exporter(PrintStream progress) {
    this.progress = progress;
  }

  /** What an export wrote. */
  public record Result(String recordType, long rows, int columns, long leftOut) {
  }

  public Result export(TopicSnapshot snapshot, ExportFormat format, Path file) throws IOException {
    progress.printf(Locale.ROOT, "export: reading %s (%d partitions, %d offsets in range) ...%n", snapshot.topic(),
        snapshot.partitions(), snapshot.span());
    AtomicReference<FlatLayout> layout = new AtomicReference<>();
    AtomicReference<AvroDeserializer<SpecificRecord>> reader = new AtomicReference<>();
    AtomicLong leftOut = new AtomicLong();
    snapshot.read(record -> {
      if (layout.get() == null) {
        ExportSchemas.of(record.value()).ifPresent(schema -> {
          layout.set(new FlatLayout(schema));
          reader.set(new AvroDeserializer<>(schema));
        });
      }
      SpecificRecord row = decode(reader.get(), layout.get(), record.topic(), record.value());
      if (row == null) {
        leftOut.incrementAndGet();
      } else {
        layout.get().observe(row);
      }
    });
    if (layout.get() == null) {
      throw new IllegalStateException("no " + String.join(", ", ExportSchemas.names()) + " records in "
          + snapshot.topic() + " within the time range (" + leftOut.get() + " other records); nothing written");
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicLong rows = new AtomicLong();
    long[] lastReport = {System.nanoTime()};
    try (TableWriter writer = format.open(file, layout.get().columns())) {
      snapshot.read(record -> {
        SpecificRecord row = decode(reader.get(), layout.get(), record.topic(), record.value());
        if (row == null) {
          return;
        }
        try {
          writer.write(layout.get().values(row));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write '" + file + "': " + FileErrors.reason(e), e);
        }
        rows.incrementAndGet();
        if (System.nanoTime() - lastReport[0] > PROGRESS_INTERVAL_NANOS) {
          lastReport[0] = System.nanoTime();
          progress.printf(Locale.ROOT, "export: %d rows written%n", rows.get());
        }
      });
    }
    Result result = new Result(layout.get().schema().getName(), rows.get(), layout.get().columns().size(),
        leftOut.get());
    progress.printf(Locale.ROOT, "export: wrote %d %s rows (%d columns) from %s to %s as %s; %d records of another"
            + " schema left out%n", result.rows(), result.recordType(), result.columns(), snapshot.topic(), file,
        format.name().toLowerCase(Locale.ROOT), result.leftOut());
    return result;
  }

  /** The record, or null when it is not of the layout's schema (or not readable). */
  private static SpecificRecord decode(AvroDeserializer<SpecificRecord> reader, FlatLayout layout, String topic,
      byte[] value) {
    if (layout == null || !ExportSchemas.of(value).map(layout.schema()::equals).orElse(false)) {
      return null;
    }
    try {
      return reader.deserialize(topic, value);
    } catch (SerializationException e) {
      return null;
    }
  }
}
