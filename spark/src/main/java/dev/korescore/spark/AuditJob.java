package dev.korescore.spark;

import dev.korescore.core.policy.PolicyOptions;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.report.HtmlAuditReport;
import dev.korescore.report.ReportHeader;
import dev.korescore.scoring.AuditAggregator;
import dev.korescore.scoring.AuditSummary;
import dev.korescore.scoring.VerdictKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code korescore-spark audit}: {@code korescore audit} as an Apache Spark job. Reads raw Kore records
 * ({@link JobOptions}), audits each with the scoring engine, and writes under {@code --output}: {@code
 * verdicts/} (the rows of {@code korescore audit --format jsonl}), {@code summary/} (the scoring engine's
 * aggregate, filled per partition and merged on the driver) and {@code rejected/} (each record that could
 * not be read, with the reader's reason). A bad record never fails the job.
 */
@Command(
    name = "audit",
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
final class AuditJob implements Callable<Integer>, KorescoreSpark.Job {
  @Spec CommandSpec spec;

  @Mixin JobOptions io = new JobOptions();

  @Option(names = "--only-problems", description = "verdicts/: only mismatching and invalid interactions.")
  boolean onlyProblems;

  @Option(names = "--na", paramLabel = "TREATMENT",
      description = "How NA answers count: exclude (default), award-full, count-as-fail.")
  String na;

  @Option(names = "--pass-rule", paramLabel = "RULE",
      description = "at-least (score >= pass score, default) or greater-than (score > pass score).")
  String passRule;

  @Option(names = "--tolerance", paramLabel = "N",
      description = "Score points Kore may be off the recomputed score's floor or ceiling (default 0).")
  String tolerance;

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

  private final SparkSession given;

  AuditJob(SparkSession session) {
    this.given = session;
  }

  @Override
  public JobOptions io() {
    return io;
  }

  /** The policy the options describe ({@link PolicyOptions}, as {@code korescore audit} parses them). */
  ScoringPolicy policy() {
    try {
      return PolicyOptions.create().na(na).passRule(passRule).tolerance(tolerance).noFatal(noFatal).noClamp(noClamp)
          .policy();
    } catch (IllegalArgumentException e) {
      throw JobException.usage(e.getMessage());
    }
  }

  @Override
  public Integer call() {
    if (problemsKept < 0) {
      throw JobException.usage("--problems must be >= 0, was " + problemsKept);
    }
    AuditSettings settings = new AuditSettings(policy(), io.format, onlyProblems, inferPolicy, problemsKept);
    SparkSession spark = KorescoreSpark.session(given, "korescore audit");
    io.refuseExisting(spark);
    Dataset<Row> records = io.read(spark);

    PartitionAggregates.Totals<AuditAggregator> totals =
        ScoredRecords.write(spark, records, settings, io, "audit", Tables.VERDICTS, "verdicts");
    AuditSummary summary = totals.aggregator().summary();
    spark.sparkContext().setJobDescription("korescore audit: summary");
    SummaryTables.write(spark, summary, totals.rejected(), io.format, io.output + "/summary");

    if (io.report != null) {
      try {
        HtmlAuditReport.write(summary, ReportHeader.of(io.inputs, Instant.now()), io.report);
      } catch (IOException e) {
        throw new JobException(KorescoreSpark.USAGE_OR_INPUT,
            "cannot write the report " + io.report + ": " + e.getMessage(), e);
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("korescore-spark " + oneLineSummary(summary, totals.rejected(), totals.rows(), io.output));
    err.flush();
    return summary.allMatched() ? KorescoreSpark.OK : KorescoreSpark.FOUND;
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
}
