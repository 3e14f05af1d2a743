package io.robovision.export;

import io.robovision.schemas.AnalyticsRow;
import io.robovision.schemas.DetectionRow;
import io.robovision.schemas.WindowRow;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/** The record types that can be exported, recognised by the schema fingerprint in each record's header. */
public final class ExportSchemas {
  private static final List<Schema> KNOWN =
      List.of(AnalyticsRow.getClassSchema(), DetectionRow.getClassSchema(), WindowRow.getClassSchema());
  private static final int HEADER_LENGTH = 10;

  private ExportSchemas() {
  }

  /** The exportable schema an Avro single-object encoded value was written with, if it is one. */
  public static Optional<Schema> of(byte[] value) {
    if (value == null || value.length < HEADER_LENGTH || value[0] != (byte) 0xC3 || value[1] != (byte) 0x01) {
      return Optional.empty();
    }
    long fingerprint = ByteBuffer.wrap(value, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    return KNOWN.stream().filter(schema -> SchemaNormalization.parsingFingerprint64(schema) == fingerprint).findFirst();
  }

  public static List<String> names() {
    return KNOWN.stream().map(Schema::getName).toList();
  }
}
