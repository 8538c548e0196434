package dev.korescore.spark;

import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.FormChangeOptions;
import dev.korescore.core.policy.PolicyOptions;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.report.HtmlWhatIfReport;
import dev.korescore.report.ReportHeader;
import dev.korescore.scoring.WhatIf;
import dev.korescore.scoring.WhatIfAggregator;
import dev.korescore.scoring.WhatIfSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * {@code korescore-spark whatif}: {@code korescore whatif} as an Apache Spark job. Re-scores every record
 * ({@link JobOptions}) before and after a change to the evaluation form, given with the what-if's change
 * options ({@link FormChangeOptions}), and writes under {@code --output}: {@code rows/} (the rows of
 * {@code korescore whatif --format jsonl}), {@code summary/} (the scoring engine's {@link
 * WhatIfAggregator}, filled per partition and merged on the driver in input order) and {@code rejected/}.
 */
@Command(
    name = "whatif",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Re-scores Kore Raw Data records where they lie under a changed evaluation form, as an Apache Spark job:"
          + " each interaction's score and pass flag before and after the change; writes rows/, summary/ and"
          + " rejected/ under --output."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no interaction flips (pass to fail or fail to pass); records that could not be read are counted in"
          + " rejected/",
      "1:at least one interaction flips: gate a form change on it",
      "2:usage or input error: bad option, no input matches, the output exists, or a metric or form the change"
          + " names occurs nowhere in the data (the message names the closest names; the output is removed)",
      "4:other failure (rerun with --debug for the stack trace)"
    })
final class WhatIfJob implements Callable<Integer>, KorescoreSpark.Job {
  @Spec CommandSpec spec;

  @Mixin JobOptions io = new JobOptions();

  @Option(names = "--pass-score", paramLabel = "N", description = "The new pass score, 0 to 100.")
  Integer passScore;

  @Option(names = "--weight", paramLabel = "METRIC=W", description = "A metric's new weight (repeatable).")
  List<String> weights = new ArrayList<>();

  @Option(names = "--negative-weight", paramLabel = "METRIC=W",
      description = "A metric's new negative weight: what a NO takes off (repeatable).")
  List<String> negativeWeights = new ArrayList<>();

  @Option(names = "--fatal", paramLabel = "METRIC", description = "Make a metric fatal (repeatable).")
  List<String> fatal = new ArrayList<>();

  @Option(names = "--not-fatal", paramLabel = "METRIC", description = "Make a metric not fatal (repeatable).")
  List<String> notFatal = new ArrayList<>();

  @Option(names = "--drop", paramLabel = "METRIC", description = "Remove a metric from the form (repeatable).")
  List<String> drop = new ArrayList<>();

  @Option(names = "--na", paramLabel = "TREATMENT",
      description = "The new NA treatment: exclude, award-full or count-as-fail.")
  String na;

  @Option(names = "--form", paramLabel = "NAME",
      description = "Apply the change only to interactions of this evaluation form.")
  String form;

  @Option(names = "--current-na", paramLabel = "TREATMENT",
      description = "The current policy's NA treatment (before the change): exclude (default), award-full,"
          + " count-as-fail.")
  String currentNa;

  @Option(names = "--pass-rule", paramLabel = "RULE",
      description = "at-least (score >= pass score, default) or greater-than, before and after.")
  String passRule;

  @Option(names = "--no-fatal", description = "A failed fatal metric does not make the score 0, before and after.")
  boolean noFatal;

  @Option(names = "--no-clamp", description = "Do not clamp scores to [-100, 100].")
  boolean noClamp;

  @Option(names = "--flips", paramLabel = "N",
      description = "Flips summary/flips (and the report) keep with their reasons (default ${DEFAULT-VALUE}).")
  int flipsKept = WhatIfAggregator.DEFAULT_FLIPS_KEPT;

  private final SparkSession given;

  WhatIfJob(SparkSession session) {
    this.given = session;
  }

  @Override
  public JobOptions io() {
    return io;
  }

  /** The current policy ({@link PolicyOptions}, as {@code korescore whatif} parses it). */
  ScoringPolicy policy() {
    try {
      return PolicyOptions.create().na("--current-na", currentNa).passRule(passRule).noFatal(noFatal).noClamp(noClamp)
          .policy();
    } catch (IllegalArgumentException e) {
      throw JobException.usage(e.getMessage());
    }
  }

  /** The change the options name ({@link FormChangeOptions}, as {@code korescore whatif} parses them). */
  FormChange change() {
    FormChange change;
    try {
      FormChangeOptions options = FormChangeOptions.create();
      if (form != null) {
        options.form(form);
      }
      if (passScore != null) {
        options.passScore(passScore);
      }
      if (na != null) {
        options.na(na);
      }
      weights.forEach(options::weight);
      negativeWeights.forEach(options::negativeWeight);
      fatal.forEach(options::fatal);
      notFatal.forEach(options::notFatal);
      drop.forEach(options::drop);
      change = options.change();
    } catch (IllegalArgumentException e) {
      throw JobException.usage(e.getMessage());
    }
    if (change.isEmpty()) {
      throw JobException.usage("no change given: use " + String.join(", ", FormChangeOptions.NAMES.subList(0, 7)));
    }
    return change;
  }

  @Override
  public Integer call() {
    if (flipsKept < 0) {
      throw JobException.usage("--flips must be >= 0, was " + flipsKept);
    }
    WhatIfSettings settings = new WhatIfSettings(WhatIf.of(policy(), change()), io.format, flipsKept);
    SparkSession spark = KorescoreSpark.session(given, "korescore whatif");
    io.refuseExisting(spark);
    Dataset<Row> records = io.read(spark);

    PartitionAggregates.Totals<WhatIfAggregator> totals =
        ScoredRecords.write(spark, records, settings, io, "whatif", Tables.WHATIF_ROWS, "rows");
    WhatIfSummary summary = totals.aggregator().summary();
    if (summary.unknownNames().isPresent()) {
      io.deleteOutput(spark);
      throw JobException.usage(summary.unknownNames().get() + " (" + io.output + " removed)");
    }
    spark.sparkContext().setJobDescription("korescore whatif: summary");
    WhatIfSummaryTables.write(spark, summary, totals.rejected(), io.format, io.output + "/summary");

    if (io.report != null) {
      try {
        HtmlWhatIfReport.write(summary, ReportHeader.of(io.inputs, Instant.now()).withTitle(HtmlWhatIfReport.TITLE),
            io.report);
      } catch (IOException e) {
        throw new JobException(KorescoreSpark.USAGE_OR_INPUT,
            "cannot write the report " + io.report + ": " + e.getMessage(), e);
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("korescore-spark " + oneLineSummary(summary, totals.rejected(), totals.rows(), io.output));
    err.flush();
    return summary.flips() == 0 ? KorescoreSpark.OK : KorescoreSpark.FOUND;
  }

  /** {@code whatif: N interactions, N re-scored, ...; N rejected records; N rows in DIR}. */
  static String oneLineSummary(WhatIfSummary s, long rejected, long rows, String output) {
    return String.format(Locale.ROOT,
        "whatif: %,d interactions, %,d re-scored, %,d affected, %,d pass -> fail, %,d fail -> pass,"
            + " %,d not auditable, %,d invalid; %,d rejected record%s; %,d row%s in %s",
        s.interactions(), s.rescored(), s.affected(), s.passToFail(), s.failToPass(), s.notAuditable(), s.invalid(),
        rejected, rejected == 1 ? "" : "s", rows, rows == 1 ? "" : "s", output);
  }
}
