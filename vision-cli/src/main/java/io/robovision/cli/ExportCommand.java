package io.robovision.cli;

import io.robovision.config.KafkaSettings;
import io.robovision.export.ExportFormat;
import io.robovision.export.Exporter;
import io.robovision.export.TimeRange;
import io.robovision.export.TopicSnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vision export}: an analytics topic to a CSV or Parquet file for pandas, spreadsheets or Spark. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes the records of vision.analytics, vision.detections or vision.analytics.windows to a CSV"
        + " or Parquet file and exits: every partition from the start (or --from) to the end offsets seen at start"
        + " (or --to). The record type is recognised from each record's Avro schema.",
        "Maps become one column per key (coverage_person, detections_car, mean_count_dog, ...); times are UTC:"
            + " ISO-8601 text in CSV, TIMESTAMP(MILLIS, UTC) in Parquet. Progress and the summary go to stderr."})
public final class ExportCommand implements Callable<Integer> {
  @Option(names = "--topic", required = true, description = "topic to export, e.g. vision.analytics")
  String topic;

  @Option(names = "--format", required = true, paramLabel = "csv|parquet", description = "file format: csv or parquet")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "file to write (replaced if it exists)")
  Path out;

  @Option(names = "--from", paramLabel = "TIME",
      description = "first record timestamp to include, ISO-8601 UTC such as 2026-11-25T10:00:00Z")
  Instant from;

  @Option(names = "--to", paramLabel = "TIME", description = "record timestamps before this one are included (exclusive)")
  Instant to;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws Exception {
    ExportFormat chosen = switch (format.toLowerCase(java.util.Locale.ROOT)) {
      case "csv" -> ExportFormat.CSV;
      case "parquet" -> ExportFormat.PARQUET;
      default -> throw new IllegalArgumentException("unknown --format '" + format + "'; use csv or parquet");
    };
    KafkaSettings kafka = KafkaSettings.from(common.load(Map.of()));
    TopicSnapshot snapshot = new TopicSnapshot(kafka, topic, new TimeRange(from, to));
    new Exporter(System.err).export(snapshot, chosen, out);
    return 0;
  }
}
