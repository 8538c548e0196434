package dev.korescore.spark;

import dev.korescore.core.policy.NaTreatment;
import dev.korescore.report.HtmlAuditReport;
import dev.korescore.report.ReportHeader;
import dev.korescore.core.policy.PassRule;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.scoring.AuditAggregator;
import dev.korescore.scoring.AuditSummary;
import dev.korescore.scoring.VerdictKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code korescore-spark}: the audit as an Apache Spark job. Reads raw Kore records (JSON Lines as
 * {@code korescore fetch} writes them, gzip too, or the Parquet of {@code korescore export --table
 * interactions}), audits each with the scoring engine, and writes under {@code --output}:
 * {@code verdicts/} (the rows of {@code korescore audit --format jsonl}), {@code summary/} (the scoring
 * engine's aggregate, filled per partition and merged on the driver) and {@code rejected/} (each record
 * that could not be read, with the reader's reason). A bad record never fails the job.
 *
 * <pre>{@code
 * spark-submit --class dev.korescore.spark.AuditJob korescore-spark-VERSION-job.jar \
 *     --input 's3a://lake/kore/2024-07-*.jsonl.gz' --output s3a://lake/audits/2024-07
 * }</pre>
 */
@Command(
    name = "korescore-spark",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Audits Kore Raw Data records where they lie, as an Apache Spark job: recomputes every score, checks Kore's"
          + " score and pass flag, and writes verdicts/, summary/ and rejected/ under --output."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every auditable interaction matched (records that could not be read are counted in rejected/)",
      "1:at least one mismatch (score or pass flag) or invalid record was found",
      "2:usage or input error: bad option, no input matches, the output exists",
      "4:other failure (rerun with --debug for the stack trace)"
    })
public final class AuditJob implements Callable<Integer> {
  static final int OK = 0;
  static final int MISMATCH = 1;
  static final int USAGE_OR_INPUT = 2;
  static final int RUNTIME_FAILURE = 4;

  @Spec CommandSpec spec;

  @Option(names = "--input", paramLabel = "PATH", required = true,
      description = "A file, directory or glob Spark can read (repeatable): JSON Lines (.gz too) or Parquet.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--output", paramLabel = "DIR", required = true,
      description = "Where verdicts/, summary/ and rejected/ go; must not exist yet.")
  String output;

  @Option(names = "--format", paramLabel = "FORMAT", converter = RowFormatConverter.class,
      description = "parquet (default) or jsonl: JSON Lines part files, each verdict line exactly as"
          + " 'korescore audit --format jsonl' writes it.")
  RowFormat format = RowFormat.PARQUET;

  @Option(names = "--input-format", paramLabel = "FORMAT", converter = InputFormatConverter.class,
      description = "jsonl or parquet; default: parquet when every --input ends in .parquet, else jsonl.")
  InputFormat inputFormat;

  @Option(names = "--raw-column", paramLabel = "NAME",
      description = "Parquet input: the column holding each record's raw JSON (default raw_json, as"
          + " 'korescore export --table interactions' writes it).")
  String rawColumn = "raw_json";

  @Option(names = "--only-problems", description = "verdicts/: only mismatching and invalid interactions.")
  boolean onlyProblems;

  @Option(names = "--na", paramLabel = "TREATMENT", converter = NaConverter.class,
      description = "How NA answers count: exclude (default), award-full, count-as-fail.")
  NaTreatment na = NaTreatment.EXCLUDE;

  @Option(names = "--pass-rule", paramLabel = "RULE", converter = PassRuleConverter.class,
      description = "at-least (score >= pass score, default) or greater-than (score > pass score).")
  PassRule passRule = PassRule.AT_LEAST;

  @Option(names = "--tolerance", paramLabel = "N",
      description = "Score points Kore may be off the recomputed score's floor or ceiling (default 0).")
  BigDecimal tolerance = BigDecimal.ZERO;

  @Option(names = "--no-fatal", description = "A failed fatal metric does not make the score 0.")
  boolean noFatal;

  @Option(names = "--no-clamp", description = "Do not clamp recomputed scores to [-100, 100].")
  boolean noClamp;

  @Option(names = "--infer-policy",
      description = "Also try every policy variant on every record; summary/policies says which explains most.")
  boolean inferPolicy;

  @Option(names = "--problems", paramLabel = "N",
      description = "Problems the merged summary (and the report) keep with their explanation (default ${DEFAULT-VALUE}).")
  int problemsKept = AuditAggregator.DEFAULT_PROBLEMS_KEPT;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Also write the self-contained HTML report of 'korescore audit --report' to FILE, on the"
          + " driver's file system, from the merged summary.")
  java.nio.file.Path report;

  @Option(names = "--debug", description = "Print the stack trace of a failure.")
  boolean debug;

  private final SparkSession given;

  /** The job on the session spark-submit (or {@code spark/run-local}) configured. */
  public AuditJob() {
    this(null);
  }

  private AuditJob(SparkSession session) {
    this.given = session;
  }

  /** Runs the job from {@code spark-submit}; exits with the job's exit code. */
  public static void main(String[] args) {
    int code = run(null, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    System.exit(code);
  }

  /**
   * Runs the job on {@code session} (null: the session spark-submit configured), printing to {@code out}
   * and {@code err}; returns the exit code. The session is left open.
   */
  public static int run(SparkSession session, PrintWriter out, PrintWriter err, String... args) {
    AuditJob job = new AuditJob(session);
    CommandLine cli = new CommandLine(job)
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler((e, commandLine, parsed) -> {
          PrintWriter w = commandLine.getErr();
          if (job.debug) {
            e.printStackTrace(w);
          }
          if (e instanceof JobException failure) {
            w.println("korescore-spark: " + failure.getMessage());
            w.flush();
            return failure.exitCode();
          }
          w.println("korescore-spark: " + oneLine(e));
          w.flush();
          return RUNTIME_FAILURE;
        });
    cli.setParameterExceptionHandler((e, ignored) -> {
      PrintWriter w = e.getCommandLine().getErr();
      w.println("korescore-spark: " + e.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(e, w);
      w.println("Try 'korescore-spark --help' for more information.");
      w.flush();
      return USAGE_OR_INPUT;
    });
    return cli.execute(args);
  }

  ScoringPolicy policy() {
    if (tolerance.signum() < 0) {
      throw JobException.usage("--tolerance must be >= 0, was " + tolerance.toPlainString());
    }
    return ScoringPolicy.defaults()
        .withNaTreatment(na)
        .withPassRule(passRule)
        .withFatalZeroes(!noFatal)
        .withClamp(!noClamp)
        .withTolerance(tolerance);
  }

  @Override
  public Integer call() {
    if (problemsKept < 0) {
      throw JobException.usage("--problems must be >= 0, was " + problemsKept);
    }
    JobSettings settings = new JobSettings(policy(), format, onlyProblems, inferPolicy, problemsKept);
    SparkSession spark = given != null ? given : SparkSession.builder().appName("korescore audit").getOrCreate();
    refuseExisting(spark, output);
    Dataset<Row> records = read(spark);

    PartitionAggregates aggregates = new PartitionAggregates(settings);
    spark.sparkContext().register(aggregates, "korescore audit aggregates");
    Dataset<Row> verdicts = records.mapPartitions(
        new AuditPartition(settings, AuditPartition.Emit.VERDICTS, aggregates),
        Encoders.row(format == RowFormat.JSONL ? Tables.VERDICT_LINES : Tables.VERDICTS));
    spark.sparkContext().setJobDescription("korescore audit: verdicts");
    if (format == RowFormat.JSONL) {
      verdicts.write().text(output + "/verdicts");
    } else {
      verdicts.write().parquet(output + "/verdicts");
    }

    PartitionAggregates.Totals totals = aggregates.value();
    long rejected = totals.rejected();
    long rows = totals.rows();
    AuditSummary summary = totals.aggregator().summary();

    spark.sparkContext().setJobDescription("korescore audit: rejected records");
    Dataset<Row> rejectedRows = rejected == 0
        ? spark.createDataFrame(List.of(), Tables.REJECTED)
        : records.mapPartitions(new AuditPartition(settings, AuditPartition.Emit.REJECTED, null),
            Encoders.row(Tables.REJECTED));
    if (format == RowFormat.JSONL) {
      rejectedRows.write().option("ignoreNullFields", "false").json(output + "/rejected");
    } else {
      rejectedRows.write().parquet(output + "/rejected");
    }
    spark.sparkContext().setJobDescription("korescore audit: summary");
    SummaryTables.write(spark, summary, rejected, format, output + "/summary");

    if (report != null) {
      try {
        HtmlAuditReport.write(summary, ReportHeader.of(inputs, Instant.now()), report);
      } catch (IOException e) {
        throw new JobException(USAGE_OR_INPUT, "cannot write the report " + report + ": " + e.getMessage(), e);
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("korescore-spark " + oneLineSummary(summary, rejected, rows, output));
    err.flush();
    return summary.allMatched() ? OK : MISMATCH;
  }

  /** {@code audit: N interactions, N match, ...; N rejected records; N verdict rows in DIR}. */
  static String oneLineSummary(AuditSummary s, long rejected, long rows, String output) {
    return String.format(Locale.ROOT,
        "audit: %,d interactions, %,d match, %,d score mismatch%s, %,d pass mismatch%s, %,d not auditable,"
            + " %,d invalid; %,d rejected record%s; %,d verdict row%s in %s",
        s.interactions(), s.count(VerdictKind.MATCH), s.count(VerdictKind.SCORE_MISMATCH),
        s.count(VerdictKind.SCORE_MISMATCH) == 1 ? "" : "es", s.count(VerdictKind.PASS_MISMATCH),
        s.count(VerdictKind.PASS_MISMATCH) == 1 ? "" : "es", s.count(VerdictKind.NOT_AUDITABLE),
        s.count(VerdictKind.INVALID), rejected, rejected == 1 ? "" : "s", rows, rows == 1 ? "" : "s", output);
  }

  /** The input as (source, json) rows: one per JSON Lines line, or one per Parquet row. */
  private Dataset<Row> read(SparkSession spark) {
    InputFormat kind = inputFormat != null ? inputFormat : InputFormat.guess(inputs);
    String[] paths = inputs.toArray(String[]::new);
    try {
      if (kind == InputFormat.JSONL) {
        return spark.read().text(paths)
            .select(functions.col("_metadata.file_path").as("source"), functions.col("value").as("json"));
      }
      Dataset<Row> table = spark.read().parquet(paths);
      if (!Arrays.asList(table.columns()).contains(rawColumn)) {
        throw JobException.usage("the Parquet input has no column '" + rawColumn + "' (its columns: "
            + String.join(", ", table.columns()) + "); name the raw JSON column with --raw-column");
      }
      return table.select(functions.col("_metadata.file_path").as("source"),
          functions.col(rawColumn).cast("string").as("json"));
    } catch (JobException e) {
      throw e;
    } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes, undeclared in Scala's
      if (e instanceof AnalysisException analysis && "PATH_NOT_FOUND".equals(analysis.getCondition())) {
        throw JobException.usage("no input matches " + String.join(", ", inputs));
      }
      throw new JobException(USAGE_OR_INPUT, "cannot read " + String.join(", ", inputs) + ": " + oneLine(e), e);
    }
  }

  private static void refuseExisting(SparkSession spark, String output) {
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

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String line = message.replace('\r', ' ').replace('\n', ' ');
    return line.length() > 400 ? line.substring(0, 400) + "..." : line;
  }

  /** The value, or picocli's usage error with our message (not a Java class name). */
  private static <T> T converted(java.util.function.Supplier<T> parse) {
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

  static final class NaConverter implements CommandLine.ITypeConverter<NaTreatment> {
    @Override
    public NaTreatment convert(String value) {
      return converted(() -> NaTreatment.parse(value));
    }
  }

  static final class PassRuleConverter implements CommandLine.ITypeConverter<PassRule> {
    @Override
    public PassRule convert(String value) {
      return converted(() -> PassRule.parse(value));
    }
  }
}
