package io.robovision.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.robovision.broker.EmbeddedBroker;
import io.robovision.cli.VisionCommand;
import io.robovision.config.KafkaSettings;
import io.robovision.config.Topics;
import io.robovision.schemas.AnalyticsRow;
import io.robovision.schemas.DetectionRow;
import io.robovision.schemas.SegmentStatus;
import io.robovision.serde.AvroSerializer;
import io.robovision.sink.windows.AnalyticsWindows;
import io.robovision.telemetry.ComponentHealth;
import io.robovision.telemetry.Telemetry;
import io.robovision.sink.windows.WindowsConfig;
import java.io.FileReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows written to the real embedded broker, exported with {@code vision export} and read back from CSV and Parquet. */
class ExportRoundTripIT {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final int ROWS = 10;

  private static EmbeddedBroker broker;
  private static KafkaSettings kafka;

  @TempDir
  Path dir;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = EmbeddedBroker.start(0, null);
    kafka = new KafkaSettings(broker.bootstrapServers(), Map.of());
    AvroSerializer<AnalyticsRow> rows = new AvroSerializer<>(AnalyticsRow.getClassSchema());
    AvroSerializer<DetectionRow> detections = new AvroSerializer<>(DetectionRow.getClassSchema());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientProperties(Map.of()),
        new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < ROWS; i++) {
        AnalyticsRow row = analyticsRow(i);
        producer.send(new ProducerRecord<>("it.analytics", null, T0.plusSeconds(i).toEpochMilli(),
            row.getCameraId(), rows.serialize("it.analytics", row))).get();
      }
      // Not the topic's record type: counted and left out of the file.
      producer.send(new ProducerRecord<>("it.analytics", null, T0.toEpochMilli(), "camera-1", "junk".getBytes())).get();
      producer.send(new ProducerRecord<>("it.analytics", null, T0.toEpochMilli(), "camera-1",
          detections.serialize("it.analytics", DetectionRow.newBuilder().setCameraId("camera-1").setSequence(0)
              .setCaptureTime(T0).setXmin(1).setYmin(2).setXmax(3).setYmax(4).setConfidence(0.5f).setClass$(0)
              .setName("person").build()))).get();
    }
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  /** Row i: camera-1, sequence i, captured at T0 + i s; every fourth frame skipped (no coverage). */
  private static AnalyticsRow analyticsRow(int i) {
    boolean skipped = i % 4 == 3;
    return AnalyticsRow.newBuilder().setCameraId("camera-1").setSequence(i)
        .setCaptureTime(T0.plusSeconds(i)).setRecordTime(T0.plusSeconds(i).plusMillis(100 + i))
        .setLatencyMs(100 + i).setStatus(skipped ? SegmentStatus.SKIPPED : SegmentStatus.OK)
        .setCoverage(skipped ? Map.of() : Map.of("background", 0.75f, "person", 0.25f))
        .setDetections(i % 2 == 0 ? Map.of("person", i) : Map.of())
        .setInstances(skipped ? Map.of() : Map.of("person", 1))
        .build();
  }

  @Test
  void csvHasAHeaderOneColumnPerMapKeyAndIsoTimes() throws Exception {
    Path csv = dir.resolve("analytics.csv");
    assertThat(export("it.analytics", "csv", csv)).isZero();

    List<CSVRecord> records = readCsv(csv);
    assertThat(records).hasSize(ROWS);
    assertThat(records.get(0).getParser().getHeaderNames()).containsExactly("camera_id", "sequence", "capture_time",
        "record_time", "latency_ms", "status", "coverage_background", "coverage_person", "detections_person",
        "instances_person");
    CSVRecord second = records.get(2);
    assertThat(second.get("capture_time")).isEqualTo("2026-11-25T10:00:02.000Z");
    assertThat(second.get("record_time")).isEqualTo("2026-11-25T10:00:02.102Z");
    assertThat(Double.parseDouble(second.get("coverage_person"))).isEqualTo(0.25);
    assertThat(second.get("detections_person")).isEqualTo("2");
    CSVRecord skipped = records.get(3);
    assertThat(skipped.get("status")).isEqualTo("SKIPPED");
    assertThat(skipped.get("coverage_person")).isEmpty();
    assertThat(skipped.get("detections_person")).isEqualTo("0");
    assertThat(skipped.get("instances_person")).isEqualTo("0");
  }

  @Test
  void parquetHasTypedColumnsAndUtcMillisecondTimestamps() throws Exception {
    Path parquet = dir.resolve("analytics.parquet");
    assertThat(export("it.analytics", "parquet", parquet)).isZero();

    try (ParquetFileReader file = ParquetFileReader.open(new LocalInputFile(parquet),
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      MessageType schema = file.getFooter().getFileMetaData().getSchema();
      assertThat(schema.getType("capture_time").asPrimitiveType().getPrimitiveTypeName())
          .isEqualTo(PrimitiveTypeName.INT64);
      assertThat(schema.getType("capture_time").getLogicalTypeAnnotation())
          .isInstanceOfSatisfying(TimestampLogicalTypeAnnotation.class, timestamp -> {
            assertThat(timestamp.isAdjustedToUTC()).isTrue();
            assertThat(timestamp.getUnit()).isEqualTo(TimeUnit.MILLIS);
          });
      assertThat(schema.getType("coverage_person").asPrimitiveType().getPrimitiveTypeName())
          .isEqualTo(PrimitiveTypeName.FLOAT);
      assertThat(schema.getType("detections_person").asPrimitiveType().getPrimitiveTypeName())
          .isEqualTo(PrimitiveTypeName.INT32);
      assertThat(schema.getType("latency_ms").asPrimitiveType().getPrimitiveTypeName())
          .isEqualTo(PrimitiveTypeName.INT64);
    }
    List<GenericRecord> rows = readParquet(parquet);
    assertThat(rows).hasSize(ROWS);
    GenericRecord second = rows.get(2);
    assertThat(second.getSchema().getField("capture_time").schema().getLogicalType())
        .isEqualTo(LogicalTypes.timestampMillis());
    assertThat(second.get("capture_time")).isEqualTo(T0.plusSeconds(2).toEpochMilli());
    assertThat(second.get("camera_id").toString()).isEqualTo("camera-1");
    assertThat(second.get("sequence")).isEqualTo(2L);
    assertThat((Float) second.get("coverage_person")).isEqualTo(0.25f);
    assertThat(second.get("detections_person")).isEqualTo(2);
    GenericRecord skipped = rows.get(3);
    assertThat(skipped.get("status").toString()).isEqualTo("SKIPPED");
    assertThat(skipped.get("coverage_person")).isNull();
    assertThat(skipped.get("detections_person")).isEqualTo(0);
  }

  @Test
  void fromIsInclusiveAndToExclusiveOnRecordTimestamps() throws Exception {
    Path csv = dir.resolve("range.csv");
    Path parquet = dir.resolve("range.parquet");
    assertThat(export("it.analytics", "csv", csv, "--from", "2026-11-25T10:00:03Z", "--to", "2026-11-25T10:00:07Z"))
        .isZero();
    assertThat(export("it.analytics", "parquet", parquet, "--from", "2026-11-25T10:00:03Z",
        "--to", "2026-11-25T10:00:07Z")).isZero();

    assertThat(readCsv(csv)).extracting(r -> r.get("sequence")).containsExactly("3", "4", "5", "6");
    assertThat(readParquet(parquet)).extracting(r -> r.get("sequence")).containsExactly(3L, 4L, 5L, 6L);
  }

  @Test
  void misuseFailsWithOneLine() {
    assertThat(export("it.analytics", "xlsx", dir.resolve("x"))).isEqualTo(1);
    assertThat(export("no.such.topic", "csv", dir.resolve("x.csv"))).isEqualTo(1);
    assertThat(export("it.analytics", "csv", dir.resolve("x.csv"), "--from", "2026-11-25T11:00:00Z")).isEqualTo(1);
  }

  @Test
  void windowsRunOnTheBrokerAndExport() throws Exception {
    Topics topics = new Topics("it.frames", "it.segments", "it.windows.analytics", "it.deadletter",
        "it.detections", "it.windows", "it.positions");
    WindowsConfig config = new WindowsConfig(kafka, topics, true, "it-windows", Duration.ofSeconds(10),
        Duration.ZERO);
    AvroSerializer<AnalyticsRow> serializer = new AvroSerializer<>(AnalyticsRow.getClassSchema());
    try (Telemetry telemetry = new Telemetry();
        AnalyticsWindows windows = AnalyticsWindows.start(config, telemetry.component("analytics-windows"));
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientProperties(Map.of()),
            new StringSerializer(), new ByteArraySerializer())) {
      // Captures at 0..24 s: windows [0, 10) and [10, 20) close once a frame at 20 s or later arrives.
      for (int i = 0; i < 25; i++) {
        AnalyticsRow row = analyticsRow(i);
        producer.send(new ProducerRecord<>(topics.analytics(), row.getCameraId(),
            serializer.serialize(topics.analytics(), row))).get();
      }
      assertThat(windows.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
      assertThat(windows.failure()).isNull();
      ComponentHealth health = telemetry.component("analytics-windows");
      assertThat(health.alive()).isTrue();
      // A follow-up rebalance may still be settling after the first commits.
      long deadline = System.currentTimeMillis() + 30_000;
      while (health.notReadyReason() != null && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertThat(health.notReadyReason()).isNull();
    }
    Path csv = dir.resolve("windows.csv");
    assertThat(export("it.windows", "csv", csv)).isZero();
    List<CSVRecord> rows = readCsv(csv);
    assertThat(rows).extracting(r -> r.get("window_start"))
        .containsExactly("2026-11-25T10:00:00.000Z", "2026-11-25T10:00:10.000Z");
    CSVRecord first = rows.get(0);
    // Frames 0..9: 3, 7 skipped; 8 segmented, each with coverage person 0.25 and one person instance.
    assertThat(first.get("frames")).isEqualTo("10");
    assertThat(first.get("skipped")).isEqualTo("2");
    assertThat(Double.parseDouble(first.get("mean_coverage_person"))).isCloseTo(0.25, within(1e-9));
    assertThat(Double.parseDouble(first.get("mean_count_person"))).isCloseTo(1.0, within(1e-9));
    assertThat(first.get("max_count_person")).isEqualTo("1");
    // Latencies 100..109 ms; nearest rank ceil(0.95 * 10) = 10th.
    assertThat(Double.parseDouble(first.get("latency_p95_ms"))).isEqualTo(109.0);

    Path parquet = dir.resolve("windows.parquet");
    assertThat(export("it.windows", "parquet", parquet)).isZero();
    assertThat(readParquet(parquet)).extracting(r -> r.get("window_end"))
        .containsExactly(T0.plusSeconds(10).toEpochMilli(), T0.plusSeconds(20).toEpochMilli());
  }

  private static int export(String topic, String format, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("export", "--bootstrap-servers", broker.bootstrapServers(),
        "--topic", topic, "--format", format, "--out", out.toString()));
    args.addAll(List.of(more));
    return VisionCommand.commandLine().execute(args.toArray(String[]::new));
  }

  private static List<CSVRecord> readCsv(Path csv) throws Exception {
    try (FileReader reader = new FileReader(csv.toFile())) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }
  }

  private static List<GenericRecord> readParquet(Path parquet) throws Exception {
    List<GenericRecord> rows = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(parquet),
        new PlainParquetConfiguration()).withDataModel(GenericData.get()).build()) {
      for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
        rows.add(row);
      }
    }
    return rows;
  }
}
