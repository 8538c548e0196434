package dev.korescore.spark;

import java.io.PrintWriter;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code korescore-spark}: korescore's audit and what-if as Apache Spark jobs, the main class of the job
 * jar. {@code audit} is {@code korescore audit} ({@link AuditJob}), {@code whatif} is {@code korescore
 * whatif} ({@link WhatIfJob}); both read raw Kore records where they lie (JSON Lines as {@code korescore
 * fetch} writes them, gzip too, or the Parquet of {@code korescore export --table interactions}), score
 * them with the scoring engine, and write their rows, {@code summary/} and {@code rejected/} under {@code
 * --output}. A bad record never fails a job.
 *
 * <pre>{@code
 * spark-submit --class dev.korescore.spark.KorescoreSpark korescore-spark-VERSION-job.jar audit \
 *     --input 's3a://lake/kore/2024-07-*.jsonl.gz' --output s3a://lake/audits/2024-07
 * }</pre>
 */
@Command(
    name = "korescore-spark",
    mixinStandardHelpOptions = true,
    description = {
      "korescore's audit and what-if as Apache Spark jobs, where the raw Kore records lie."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:audit: every auditable interaction matched; whatif: no interaction flips (records that could not be"
          + " read are counted in rejected/)",
      "1:audit: at least one mismatch (score or pass flag) or invalid record; whatif: at least one flip",
      "2:usage or input error: bad option, no input matches, the output exists, a name in the change occurs"
          + " nowhere in the data",
      "4:other failure (rerun with --debug for the stack trace)"
    })
public final class KorescoreSpark {
  static final int OK = 0;
  static final int FOUND = 1;
  static final int USAGE_OR_INPUT = 2;
  static final int RUNTIME_FAILURE = 4;

  private KorescoreSpark() {}

  /** Runs a job from {@code spark-submit} ({@code audit ...} or {@code whatif ...}); exits with its exit code. */
  public static void main(String[] args) {
    int code = run(null, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    System.exit(code);
  }

  /**
   * Runs the job {@code args} name on {@code session} (null: the session spark-submit configured),
   * printing to {@code out} and {@code err}; returns the exit code. The session is left open.
   */
  public static int run(SparkSession session, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new KorescoreSpark())
        .addSubcommand("audit", new AuditJob(session))
        .addSubcommand("whatif", new WhatIfJob(session))
        .setOut(out)
        .setErr(err)
        .setExecutionStrategy(parsed -> {
          if (parsed.subcommand() == null && !CommandLine.printHelpIfRequested(parsed)) {
            throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(),
                "name a job: audit or whatif");
          }
          return new CommandLine.RunLast().execute(parsed);
        })
        .setExecutionExceptionHandler((e, commandLine, parsed) -> {
          PrintWriter w = commandLine.getErr();
          Object job = commandLine.getCommand();
          if (job instanceof Job j && j.io().debug) {
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
      w.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
      w.flush();
      return USAGE_OR_INPUT;
    });
    return cli.execute(args);
  }

  /** A job: its input and output options. */
  interface Job {
    /** The job's input and output options. */
    JobOptions io();
  }

  /** A failure's message on one line, at most 400 characters. */
  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String line = message.replace('\r', ' ').replace('\n', ' ');
    return line.length() > 400 ? line.substring(0, 400) + "..." : line;
  }

  /** The Spark session the job runs on: the one given, or the one spark-submit configured. */
  static SparkSession session(SparkSession given, String appName) {
    return given != null ? given : SparkSession.builder().appName(appName).getOrCreate();
  }
}
