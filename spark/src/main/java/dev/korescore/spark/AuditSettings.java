package dev.korescore.spark;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.scoring.AuditAggregator;
import dev.korescore.scoring.KoreAuditor;
import dev.korescore.scoring.Verdict;
import dev.korescore.scoring.VerdictRow;
import org.apache.spark.sql.RowFactory;

/**
 * What every partition of an {@link AuditJob} needs to know, shipped to the executors with the task: each
 * interaction verified by the scoring engine ({@link KoreAuditor}) into an {@link AuditAggregator}, and
 * its verdict row.
 *
 * @param policy the scoring policy
 * @param format how the verdict rows are written
 * @param onlyProblems write rows for problems only (mismatches and invalid records)
 * @param inferPolicy also try every policy variant on every record
 * @param problemsKept how many problems the summary keeps with their explanations
 */
record AuditSettings(
    ScoringPolicy policy, RowFormat format, boolean onlyProblems, boolean inferPolicy, int problemsKept)
    implements Scoring<AuditAggregator> {

  AuditSettings {
    requireNonNull(policy, "policy");
    requireNonNull(format, "format");
    if (problemsKept < 0) {
      throw new IllegalArgumentException("problemsKept must be >= 0, was " + problemsKept);
    }
  }

  @Override
  public AuditAggregator fresh() {
    return AuditAggregator.create(policy, problemsKept, inferPolicy);
  }

  @Override
  public AuditAggregator merge(AuditAggregator into, AuditAggregator from) {
    return into.merge(from);
  }

  @Override
  public Scorer<AuditAggregator> scorer() {
    KoreAuditor auditor = KoreAuditor.withPolicy(policy);
    StringBuilder line = new StringBuilder(256);
    return (x, aggregate) -> {
      Verdict verdict = auditor.verify(x);
      aggregate.accept(x, verdict);
      if (onlyProblems && !verdict.isProblem()) {
        return null;
      }
      if (format == RowFormat.JSONL) {
        line.setLength(0);
        VerdictRow.appendJsonLine(line, x, verdict);
        return RowFactory.create(line.toString());
      }
      return Tables.verdict(VerdictRow.of(x, verdict));
    };
  }
}
