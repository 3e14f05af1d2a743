package io.robovision.export;

/** One output column: its name, its type, and whether a row may leave it empty. */
public record Column(String name, Type type, boolean nullable) {
  /** Column types, as written to Parquet; CSV writes them as text (timestamps as ISO-8601 UTC). */
  public enum Type { STRING, INT, LONG, FLOAT, DOUBLE, TIMESTAMP }
}
