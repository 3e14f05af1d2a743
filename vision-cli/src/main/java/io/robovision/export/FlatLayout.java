package io.robovision.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Turns records of one Avro schema into flat rows: a column per plain field and a column per map
 * key ({@code <field>_<key>}, e.g. {@code coverage_person}), keys in alphabetical order. Keys are gathered
 * from every row first ({@link #observe}), so all rows share the same columns. A key missing from a row is 0 for counts
 * and empty for shares and means. Column names keep letters, digits and {@code _} only.
 */
public final class FlatLayout {
  private final Schema schema;
  private final List<Set<String>> keys = new ArrayList<>();

  public FlatLayout(Schema schema) {
    this.schema = schema;
    for (Schema.Field field : schema.getFields()) {
      type(field.schema().getType() == Schema.Type.MAP ? field.schema().getValueType() : field.schema());
      keys.add(new TreeSet<>());
    }
  }

  public Schema schema() {
    return schema;
  }

  /** Notes the map keys of one record. */
  public void observe(IndexedRecord record) {
    for (Schema.Field field : schema.getFields()) {
      if (field.schema().getType() == Schema.Type.MAP) {
        keys.get(field.pos()).addAll(((Map<?, ?>) record.get(field.pos())).keySet().stream().map(Object::toString).toList());
      }
    }
  }

  public List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      if (field.schema().getType() == Schema.Type.MAP) {
        Column.Type type = type(field.schema().getValueType());
        for (String key : keys.get(field.pos())) {
          columns.add(new Column(name(field.name() + "_" + key), type, isFraction(type)));
        }
      } else {
        columns.add(new Column(name(field.name()), type(field.schema()), false));
      }
    }
    return columns;
  }

  /** The record's values in column order: timestamps as epoch milliseconds, enums as their names. */
  public Object[] values(IndexedRecord record) {
    List<Object> values = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      Object value = record.get(field.pos());
      if (field.schema().getType() == Schema.Type.MAP) {
        Map<?, ?> map = (Map<?, ?>) value;
        Column.Type type = type(field.schema().getValueType());
        for (String key : keys.get(field.pos())) {
          Object entry = map.get(key);
          values.add(entry != null ? entry : isFraction(type) ? null : zero(type));
        }
      } else {
        values.add(plain(value, type(field.schema())));
      }
    }
    return values.toArray();
  }

  private static Object plain(Object value, Column.Type type) {
    if (type == Column.Type.TIMESTAMP) {
      return value instanceof Instant instant ? instant.toEpochMilli() : value;
    }
    return type == Column.Type.STRING ? value.toString() : value;
  }

  private static boolean isFraction(Column.Type type) {
    return type == Column.Type.FLOAT || type == Column.Type.DOUBLE;
  }

  private static Object zero(Column.Type type) {
    return type == Column.Type.INT ? (Object) 0 : (Object) 0L;
  }

  private static Column.Type type(Schema schema) {
    return switch (schema.getType()) {
      case STRING, ENUM -> Column.Type.STRING;
      case INT -> Column.Type.INT;
      case LONG -> schema.getLogicalType() instanceof LogicalTypes.TimestampMillis ? Column.Type.TIMESTAMP
          : Column.Type.LONG;
      case FLOAT -> Column.Type.FLOAT;
      case DOUBLE -> Column.Type.DOUBLE;
      default -> throw new IllegalArgumentException("cannot export field type " + schema.getType() + " of "
          + schema.getFullName());
    };
  }

  private static String name(String raw) {
    return raw.replaceAll("[^A-Za-z0-9_]", "_");
  }
}
