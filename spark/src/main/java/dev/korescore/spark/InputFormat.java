package dev.korescore.spark;

import java.util.List;
import java.util.Locale;

/**
 * What the job reads: JSON Lines raw records as {@code korescore fetch} writes them (plain, or gzip
 * when the name ends in {@code .gz}), or the Parquet that {@code korescore export --table interactions}
 * writes (one record's raw JSON per row).
 */
enum InputFormat {
  JSONL,
  PARQUET;

  static InputFormat parse(String text) {
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "jsonl":
        return JSONL;
      case "parquet":
        return PARQUET;
      default:
        throw new IllegalArgumentException("--input-format must be jsonl or parquet, was '" + text + "'");
    }
  }

  /** Parquet when every input names {@code .parquet} files (a path or glob ending so), else JSON Lines. */
  static InputFormat guess(List<String> inputs) {
    boolean parquet = !inputs.isEmpty()
        && inputs.stream().allMatch(p -> p.toLowerCase(Locale.ROOT).replaceAll("/+$", "").endsWith(".parquet"));
    return parquet ? PARQUET : JSONL;
  }
}
