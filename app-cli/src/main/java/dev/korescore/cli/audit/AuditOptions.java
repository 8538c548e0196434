package dev.korescore.cli.audit;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.scoring.AuditAggregator;

/**
 * How an {@link AuditRun} audits and what it writes.
 *
 * @param policy the scoring policy
 * @param format what to write
 * @param onlyProblems JSON Lines and CSV: write rows for problems only (mismatches and invalid records)
 * @param inferPolicy also try every policy variant on every record and report which explains most
 * @param problemsKept how many problems the summary keeps with their explanations
 * @param csvRaw CSV: write text cells exactly as in the data, without the leading {@code '} that keeps a
 *     spreadsheet from reading {@code =...}, {@code +...}, {@code -...}, {@code @...} as a formula
 */
public record AuditOptions(
    ScoringPolicy policy, OutputFormat format, boolean onlyProblems, boolean inferPolicy, int problemsKept,
    boolean csvRaw) {

  public AuditOptions {
    requireNonNull(policy, "policy");
    requireNonNull(format, "format");
    if (problemsKept < 0) {
      throw new IllegalArgumentException("problemsKept must be >= 0, was " + problemsKept);
    }
  }

  /** Kore's default policy, text output, every row, no inference, 50 problems kept. */
  public static AuditOptions defaults() {
    return new AuditOptions(
        ScoringPolicy.defaults(), OutputFormat.TEXT, false, false, AuditAggregator.DEFAULT_PROBLEMS_KEPT, false);
  }

  public AuditOptions withPolicy(ScoringPolicy value) {
    return new AuditOptions(value, format, onlyProblems, inferPolicy, problemsKept, csvRaw);
  }

  public AuditOptions withFormat(OutputFormat value) {
    return new AuditOptions(policy, value, onlyProblems, inferPolicy, problemsKept, csvRaw);
  }

  public AuditOptions withOnlyProblems(boolean value) {
    return new AuditOptions(policy, format, value, inferPolicy, problemsKept, csvRaw);
  }

  public AuditOptions withInferPolicy(boolean value) {
    return new AuditOptions(policy, format, onlyProblems, value, problemsKept, csvRaw);
  }

  public AuditOptions withProblemsKept(int value) {
    return new AuditOptions(policy, format, onlyProblems, inferPolicy, value, csvRaw);
  }

  public AuditOptions withCsvRaw(boolean value) {
    return new AuditOptions(policy, format, onlyProblems, inferPolicy, problemsKept, value);
  }
}
