package dev.korescore.cli.audit;

import static java.util.Objects.requireNonNull;

import dev.korescore.adapters.json.CsvTableAdapter;
import dev.korescore.cli.common.ReadAhead;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.WriteTablePort;
import dev.korescore.scoring.AuditAggregator;
import dev.korescore.scoring.AuditSummary;
import dev.korescore.scoring.KoreAuditor;
import dev.korescore.scoring.Verdict;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Iterator;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The audit behind {@code korescore audit}, reusable by other commands ({@code demo}, {@code audit
 * --from/--to}): verifies every interaction of an iterator or stream, writes rows (JSON Lines, CSV) or
 * the text summary to a writer, and returns the {@link AuditSummary} with the exit code.
 *
 * <pre>{@code
 * AuditResult result = AuditRun.create(AuditOptions.defaults()).run(interactions, writer);
 * int exitCode = result.exitCode();           // 0 every auditable record matched, 1 problems found
 * AuditSummary summary = result.summary();    // for the HTML report
 * }</pre>
 *
 * <p>The interactions are read ahead on a second thread ({@link ReadAhead}) while this one scores and
 * writes them; the iterator is used by one thread at a time, and is free again when {@link #run}
 * returns or throws. Memory stays flat: interactions are verified and written one at a time (a few
 * hundred read ahead), and the summary grows with the number of agents, queues, metrics and days, not of
 * interactions. A failure of the iterator (an {@code InteractionReadException}) is rethrown as is by
 * {@link #run}, after the interactions before it were audited.
 */
public final class AuditRun {
  /** CSV rows through the JSON adapter's table writer (Jackson stays in adapters-json). */
  private static final WriteTablePort TABLES = CsvTableAdapter.create();

  private final AuditOptions options;
  private final KoreAuditor auditor;

  private AuditRun(AuditOptions options) {
    this.options = requireNonNull(options, "options");
    this.auditor = KoreAuditor.withPolicy(options.policy());
  }

  public static AuditRun create(AuditOptions options) {
    return new AuditRun(options);
  }

  public AuditOptions options() {
    return options;
  }

  /** Audits {@code interactions} and writes to {@code out}; closes the stream, not the writer. */
  public AuditResult run(Stream<Interaction> interactions, Writer out) {
    try (interactions) {
      return run(interactions.iterator(), out);
    }
  }

  /** Audits {@code interactions} and writes to {@code out} (flushed, not closed). */
  public AuditResult run(Iterator<Interaction> interactions, Writer out) {
    return run(interactions, out, (interaction, verdict) -> {});
  }

  /**
   * Audits {@code interactions}, writes to {@code out} (flushed, not closed), and hands every
   * interaction with its verdict to {@code listener} (a second row format, the demo's check
   * against the planted truth), so that one pass serves them all. The listener is called on the
   * calling thread, in input order.
   */
  public AuditResult run(
      Iterator<Interaction> interactions, Writer out, BiConsumer<Interaction, Verdict> listener) {
    requireNonNull(interactions, "interactions");
    requireNonNull(out, "out");
    requireNonNull(listener, "listener");
    AuditAggregator aggregator =
        AuditAggregator.create(options.policy(), options.problemsKept(), options.inferPolicy());
    Iterator<Interaction> read = ReadAhead.of(interactions);
    try (VerdictRows rows = VerdictRows.forFormat(options.format(), out, TABLES, options.csvRaw())) {
      while (read.hasNext()) {
        audit(read.next(), aggregator, rows, listener);
      }
    } finally {
      ReadAhead.closeIfStarted(read);
    }
    AuditSummary summary = aggregator.summary();
    if (options.format() == OutputFormat.TEXT) {
      PrintWriter printer = out instanceof PrintWriter p ? p : new PrintWriter(out);
      TextSummary.print(summary, printer);
      printer.flush();
    }
    flush(out);
    return AuditResult.of(summary);
  }

  /**
   * A listener that writes every interaction's row in {@code format} to {@code out}: a second output
   * of the same pass, given to {@link #run(Iterator, Writer, BiConsumer)}. Closing it flushes the rows,
   * not {@code out}.
   */
  public static RowSink rows(OutputFormat format, Writer out) {
    return new RowSink(VerdictRows.forFormat(requireNonNull(format, "format"), requireNonNull(out, "out"), TABLES, false));
  }

  /** Rows of one format, written as verdicts arrive; see {@link #rows(OutputFormat, Writer)}. */
  public static final class RowSink implements BiConsumer<Interaction, Verdict>, AutoCloseable {
    private final VerdictRows rows;

    private RowSink(VerdictRows rows) {
      this.rows = rows;
    }

    @Override
    public void accept(Interaction interaction, Verdict verdict) {
      rows.write(interaction, verdict);
    }

    @Override
    public void close() {
      rows.close();
    }
  }

  /** The text summary of {@code summary}, as {@code --format text} prints it. */
  public static void printSummary(AuditSummary summary, PrintWriter out) {
    TextSummary.print(requireNonNull(summary, "summary"), requireNonNull(out, "out"));
  }

  /** {@code audit: N interactions, N match, ...}: one line for a log or standard error. */
  public static String oneLineSummary(AuditSummary summary) {
    return TextSummary.oneLine(requireNonNull(summary, "summary"));
  }

  private void audit(
      Interaction interaction, AuditAggregator aggregator, VerdictRows rows, BiConsumer<Interaction, Verdict> listener) {
    Verdict verdict = auditor.verify(interaction);
    aggregator.accept(interaction, verdict);
    listener.accept(interaction, verdict);
    if (!options.onlyProblems() || verdict.isProblem()) {
      rows.write(interaction, verdict);
    }
  }

  private static void flush(Writer out) {
    try {
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
