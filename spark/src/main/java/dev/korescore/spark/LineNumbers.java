package dev.korescore.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Line numbers in JSON Lines files that Spark reads in splits: the line a split's first row is on, by
 * file and split start. Spark's line reader gives every line to exactly one split (the one its first byte
 * is in, or the first split), so counting the lines of each split and summing them in file order gives
 * each split's first line. One counting job (a small aggregate: one row per split), run only for the
 * rejected records.
 */
final class LineNumbers implements Serializable {
  private static final long serialVersionUID = 1L;

  private final HashMap<String, Long> firstLines;

  private LineNumbers(HashMap<String, Long> firstLines) {
    this.firstLines = firstLines;
  }

  /** No line numbers (Parquet input). */
  static LineNumbers none() {
    return new LineNumbers(new HashMap<>());
  }

  /** Counts the lines of every split of {@code records} ({@link Tables#INPUT}). */
  static LineNumbers count(Dataset<Row> records) {
    List<Row> counts = records.filter(functions.col("splitStart").isNotNull())
        .groupBy("source", "splitStart").count().collectAsList();
    Map<String, TreeMap<Long, Long>> byFile = new HashMap<>();
    for (Row row : counts) {
      byFile.computeIfAbsent(row.getString(0), f -> new TreeMap<>()).put(row.getLong(1), row.getLong(2));
    }
    HashMap<String, Long> firstLines = new HashMap<>();
    byFile.forEach((file, splits) -> {
      long line = 1;
      for (Map.Entry<Long, Long> split : new ArrayList<>(splits.entrySet())) {
        firstLines.put(key(file, split.getKey()), line);
        line += split.getValue();
      }
    });
    return new LineNumbers(firstLines);
  }

  /** The line of the split's first row, or 0 when unknown. */
  long firstLine(String source, long splitStart) {
    return firstLines.getOrDefault(key(source, splitStart), 0L);
  }

  private static String key(String source, long splitStart) {
    return splitStart + "@" + source;
  }
}
