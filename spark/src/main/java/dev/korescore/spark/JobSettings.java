package dev.korescore.spark;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.policy.ScoringPolicy;
import java.io.Serializable;

/**
 * What every partition of an {@link AuditJob} needs to know, shipped to the executors with the task.
 *
 * @param policy the scoring policy
 * @param format how the verdict rows are written
 * @param onlyProblems write rows for problems only (mismatches and invalid records)
 * @param inferPolicy also try every policy variant on every record
 * @param problemsKept how many problems the summary keeps with their explanations
 */
record JobSettings(
    ScoringPolicy policy, RowFormat format, boolean onlyProblems, boolean inferPolicy, int problemsKept)
    implements Serializable {

  JobSettings {
    requireNonNull(policy, "policy");
    requireNonNull(format, "format");
    if (problemsKept < 0) {
      throw new IllegalArgumentException("problemsKept must be >= 0, was " + problemsKept);
    }
  }
}
