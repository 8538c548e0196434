package dev.korescore.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The pass every job makes over its input: each partition scored ({@link RecordPartition}) with its rows
 * written under {@code rows}, the partitions' aggregates merged on the driver ({@link
 * PartitionAggregates}), then the records that could not be read written to {@code rejected/} with their
 * file and line (a second, reading-only pass after a count of each split's lines, {@link LineNumbers}: run
 * only when there were any).
 */
final class ScoredRecords {
  private ScoredRecords() {}

  /**
   * Scores {@code records} and writes the rows and the rejected records; returns the merged aggregate.
   *
   * @param name the job's name, for Spark's job descriptions
   * @param schema the rows' schema in {@link RowFormat#PARQUET} (JSON Lines: one text column)
   * @param rowsDir the rows' directory under {@code --output}
   */
  static <A extends Serializable> PartitionAggregates.Totals<A> write(SparkSession spark, Dataset<Row> records,
      Scoring<A> scoring, JobOptions io, String name, StructType schema, String rowsDir) {
    PartitionAggregates<A> aggregates = new PartitionAggregates<>(scoring);
    spark.sparkContext().register(aggregates, "korescore " + name + " aggregates");
    boolean jsonl = io.format == RowFormat.JSONL;
    Dataset<Row> rows = records.mapPartitions(RecordPartition.rows(scoring, aggregates),
        Encoders.row(jsonl ? Tables.LINES : schema));
    spark.sparkContext().setJobDescription("korescore " + name + ": " + rowsDir);
    if (jsonl) {
      rows.write().text(io.output + "/" + rowsDir);
    } else {
      rows.write().parquet(io.output + "/" + rowsDir);
    }
    PartitionAggregates.Totals<A> totals = aggregates.value();

    spark.sparkContext().setJobDescription("korescore " + name + ": rejected records");
    Dataset<Row> rejected = totals.rejected() == 0
        ? spark.createDataFrame(List.of(), Tables.REJECTED)
        : records.mapPartitions(RecordPartition.rejected(scoring, LineNumbers.count(records)),
            Encoders.row(Tables.REJECTED));
    if (jsonl) {
      rejected.write().option("ignoreNullFields", "false").json(io.output + "/rejected");
    } else {
      rejected.write().parquet(io.output + "/rejected");
    }
    return totals;
  }
}
