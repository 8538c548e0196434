package dev.korescore.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What every job reads and writes: {@code --input} (JSON Lines, gzip too, or the Parquet of {@code
 * korescore export}), {@code --output} (a new directory), {@code --format} of the tables, {@code --report}
 * and {@code --debug}; the same options in the same words for {@code audit} and {@code whatif}.
 */
final class JobOptions {
  @Option(names = "--input", paramLabel = "PATH", required = true,
      description = "A file, directory or glob Spark can read (repeatable): JSON Lines (.gz too) or Parquet.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--output", paramLabel = "DIR", required = true,
      description = "Where the job's tables go; must not exist yet.")
  String output;

  @Option(names = "--format", paramLabel = "FORMAT", converter = RowFormatConverter.class,
      description = "parquet (default) or jsonl: JSON Lines part files, each row line exactly as the korescore"
          + " command writes it with --format jsonl.")
  RowFormat format = RowFormat.PARQUET;

  @Option(names = "--input-format", paramLabel = "FORMAT", converter = InputFormatConverter.class,
      description = "jsonl or parquet; default: parquet when every --input ends in .parquet, else jsonl.")
  InputFormat inputFormat;

  @Option(names = "--raw-column", paramLabel = "NAME",
      description = "Parquet input: the column holding each record's raw JSON (default raw_json, as"
          + " 'korescore export --table interactions' writes it).")
  String rawColumn = "raw_json";

  @Option(names = "--report", paramLabel = "FILE",
      description = "Also write the self-contained HTML report of the korescore command's --report to FILE, on"
          + " the driver's file system, from the merged summary.")
  java.nio.file.Path report;

  @Option(names = "--debug", description = "Print the stack trace of a failure.")
  boolean debug;

  /** Refuses an output that exists: the job never overwrites. */
  void refuseExisting(SparkSession spark) {
    try {
      Path path = new Path(output);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(path)) {
        throw JobException.usage(output + " exists; the job never overwrites: give a new --output directory");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + output, e);
    }
  }

  /** Deletes what the job wrote under {@code --output} (a directory it created, after a usage error found late). */
  void deleteOutput(SparkSession spark) {
    try {
      Path path = new Path(output);
      path.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + output, e);
    }
  }

  /**
   * The input as {@link Tables#INPUT} rows (source, json, splitStart): one per JSON Lines line, or one per
   * Parquet row (no split start: a Parquet row has no line).
   */
  Dataset<Row> read(SparkSession spark) {
    InputFormat kind = inputFormat != null ? inputFormat : InputFormat.guess(inputs);
    String[] paths = inputs.toArray(String[]::new);
    try {
      if (kind == InputFormat.JSONL) {
        return spark.read().text(paths)
            .select(functions.col("_metadata.file_path").as("source"), functions.col("value").as("json"),
                functions.col("_metadata.file_block_start").as("splitStart"));
      }
      Dataset<Row> table = spark.read().parquet(paths);
      if (!Arrays.asList(table.columns()).contains(rawColumn)) {
        throw JobException.usage("the Parquet input has no column '" + rawColumn + "' (its columns: "
            + String.join(", ", table.columns()) + "); name the raw JSON column with --raw-column");
      }
      return table.select(functions.col("_metadata.file_path").as("source"),
          functions.col(rawColumn).cast("string").as("json"), functions.lit(null).cast("long").as("splitStart"));
    } catch (JobException e) {
      throw e;
    } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes, undeclared in Scala's
      if (e instanceof AnalysisException analysis && "PATH_NOT_FOUND".equals(analysis.getCondition())) {
        throw JobException.usage("no input matches " + String.join(", ", inputs));
      }
      throw new JobException(KorescoreSpark.USAGE_OR_INPUT, "cannot read " + String.join(", ", inputs) + ": "
          + KorescoreSpark.oneLine(e), e);
    }
  }

  /** The value, or picocli's usage error with our message (not a Java class name). */
  static <T> T converted(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  static final class RowFormatConverter implements CommandLine.ITypeConverter<RowFormat> {
    @Override
    public RowFormat convert(String value) {
      return converted(() -> RowFormat.parse(value));
    }
  }

  static final class InputFormatConverter implements CommandLine.ITypeConverter<InputFormat> {
    @Override
    public InputFormat convert(String value) {
      return converted(() -> InputFormat.parse(value));
    }
  }
}
