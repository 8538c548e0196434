package dev.korescore.spark;

import dev.korescore.scoring.VerdictRow;
import dev.korescore.scoring.WhatIfRow;
import java.math.BigDecimal;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The schemas of the job's inputs and outputs, and the rows in them. */
final class Tables {
  /**
   * Input: where a record came from (its file, and for JSON Lines the byte offset where Spark's split of
   * the file starts, from which {@link LineNumbers} works out line numbers) and its raw JSON text.
   */
  static final StructType INPUT = new StructType(new StructField[] {
    DataTypes.createStructField("source", DataTypes.StringType, false),
    DataTypes.createStructField("json", DataTypes.StringType, true),
    DataTypes.createStructField("splitStart", DataTypes.LongType, true)
  });

  /** {@code verdicts/} in Parquet: {@link VerdictRow#COLUMNS}, typed. */
  static final StructType VERDICTS = new StructType(new StructField[] {
    DataTypes.createStructField("conversationId", DataTypes.StringType, false),
    DataTypes.createStructField("verdict", DataTypes.StringType, false),
    DataTypes.createStructField("koreScore", DataTypes.IntegerType, true),
    DataTypes.createStructField("computedScore", DataTypes.createDecimalType(38, 6), true),
    DataTypes.createStructField("passScore", DataTypes.IntegerType, true),
    DataTypes.createStructField("korePassed", DataTypes.BooleanType, true),
    DataTypes.createStructField("computedPassed", DataTypes.BooleanType, true),
    DataTypes.createStructField("reasons", DataTypes.createArrayType(DataTypes.StringType, false), false)
  });

  /** What-if {@code rows/} in Parquet: {@link WhatIfRow#COLUMNS}, typed. */
  static final StructType WHATIF_ROWS = new StructType(new StructField[] {
    DataTypes.createStructField("conversationId", DataTypes.StringType, false),
    DataTypes.createStructField("scoreBefore", DataTypes.createDecimalType(38, 6), false),
    DataTypes.createStructField("passedBefore", DataTypes.BooleanType, true),
    DataTypes.createStructField("scoreAfter", DataTypes.createDecimalType(38, 6), true),
    DataTypes.createStructField("passedAfter", DataTypes.BooleanType, true),
    DataTypes.createStructField("flip", DataTypes.StringType, false),
    DataTypes.createStructField("agents", DataTypes.createArrayType(DataTypes.StringType, false), false),
    DataTypes.createStructField("queues", DataTypes.createArrayType(DataTypes.StringType, false), false),
    DataTypes.createStructField("form", DataTypes.StringType, true)
  });

  /**
   * Rows as JSON Lines: each row one line, exactly as {@code korescore audit --format jsonl} (or {@code
   * whatif --format jsonl}) writes it.
   */
  static final StructType LINES = new StructType(new StructField[] {
    DataTypes.createStructField("value", DataTypes.StringType, false)
  });

  /**
   * {@code rejected/}: the records that could not be read, with the file, the line (JSON Lines; null for
   * Parquet) and the reader's reason.
   */
  static final StructType REJECTED = new StructType(new StructField[] {
    DataTypes.createStructField("source", DataTypes.StringType, false),
    DataTypes.createStructField("line", DataTypes.LongType, true),
    DataTypes.createStructField("conversationId", DataTypes.StringType, true),
    DataTypes.createStructField("reason", DataTypes.StringType, false),
    DataTypes.createStructField("record", DataTypes.StringType, true)
  });

  private Tables() {}

  static Row verdict(VerdictRow row) {
    return RowFactory.create(
        row.conversationId(),
        row.verdict(),
        row.koreScore().orElse(null),
        row.computedScore().map(Tables::sixPlaces).orElse(null),
        row.passScore().orElse(null),
        row.korePassed().orElse(null),
        row.computedPassed().orElse(null),
        row.reasons().toArray(String[]::new));
  }

  static Row whatIfRow(WhatIfRow row) {
    return RowFactory.create(
        row.conversationId(),
        sixPlaces(row.scoreBefore()),
        row.passedBefore().orElse(null),
        row.scoreAfter().map(Tables::sixPlaces).orElse(null),
        row.passedAfter().orElse(null),
        row.flip(),
        row.agents().toArray(String[]::new),
        row.queues().toArray(String[]::new),
        row.form().orElse(null));
  }

  /** The score at the column's scale: exact, as {@code ExactScore.decimal()} keeps at most six places. */
  private static BigDecimal sixPlaces(BigDecimal score) {
    return score.setScale(6);
  }
}
