package dev.korescore.core.store;

import java.util.Locale;

/** How {@code export} writes a table. */
public enum ExportFormat {
  /** One JSON object per line, keys in the table's column order. */
  JSONL,
  /** RFC 4180 with a header row; a text cell that a spreadsheet would run as a formula is prefixed with {@code '}. */
  CSV,
  /** Apache Parquet, written by DuckDB's {@code COPY ... (FORMAT parquet)}. */
  PARQUET;

  /** The format called {@code text} (case-insensitive): {@code jsonl}, {@code csv} or {@code parquet}. */
  public static ExportFormat parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + text + "'; use jsonl, csv or parquet", e);
    }
  }
}
