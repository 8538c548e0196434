package dev.korescore.spark;

import java.util.Locale;

/** How the job writes its tables: Parquet (the default) or JSON Lines part files. */
enum RowFormat {
  PARQUET,
  JSONL;

  static RowFormat parse(String text) {
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "parquet":
        return PARQUET;
      case "jsonl":
        return JSONL;
      default:
        throw new IllegalArgumentException("--format must be parquet or jsonl, was '" + text + "'");
    }
  }
}
