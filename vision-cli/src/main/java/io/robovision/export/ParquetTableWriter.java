package io.robovision.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Parquet with typed columns (timestamps as {@code TIMESTAMP(MILLIS, UTC)}), written through
 * parquet-avro to a local file without a Hadoop installation.
 */
public final class ParquetTableWriter implements TableWriter {
  private final Schema schema;
  private final ParquetWriter<GenericRecord> writer;

  public ParquetTableWriter(Path file, List<Column> columns) throws IOException {
    this.schema = schema(columns);
    this.writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
        .withSchema(schema)
        // An explicit data model keeps parquet-avro from building a Hadoop Configuration to look one up.
        .withDataModel(GenericData.get())
        .withConf(new PlainParquetConfiguration())
        // parquet-java's codecs go through Hadoop's Configuration, which needs an XML stack we leave out;
        // dictionary and run-length encoding still keep these narrow tables small.
        .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build();
  }

  @Override
  public void write(Object[] values) throws IOException {
    GenericRecord record = new GenericData.Record(schema);
    for (int i = 0; i < values.length; i++) {
      record.put(i, values[i]);
    }
    writer.write(record);
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  private static Schema schema(List<Column> columns) {
    SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("Row").namespace("io.robovision.export").fields();
    for (Column column : columns) {
      Schema type = switch (column.type()) {
        case STRING -> Schema.create(Schema.Type.STRING);
        case INT -> Schema.create(Schema.Type.INT);
        case LONG -> Schema.create(Schema.Type.LONG);
        case FLOAT -> Schema.create(Schema.Type.FLOAT);
        case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
        case TIMESTAMP -> LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
      };
      if (column.nullable()) {
        fields.name(column.name()).type(Schema.createUnion(Schema.create(Schema.Type.NULL), type)).withDefault(null);
      } else {
        fields.name(column.name()).type(type).noDefault();
      }
    }
    return fields.endRecord();
  }
}
