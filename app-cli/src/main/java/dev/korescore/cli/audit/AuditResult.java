package dev.korescore.cli.audit;

import static java.util.Objects.requireNonNull;

import dev.korescore.cli.common.ExitCodes;
import dev.korescore.scoring.AuditSummary;

/**
 * What an {@link AuditRun} found.
 *
 * @param summary the aggregated verdicts (what the HTML report renders)
 * @param exitCode {@link ExitCodes#OK} when no problem was found, {@link ExitCodes#MISMATCH} when any
 *     mismatch or invalid record was
 */
public record AuditResult(AuditSummary summary, int exitCode) {
  public AuditResult {
    requireNonNull(summary, "summary");
    if (exitCode != ExitCodes.OK && exitCode != ExitCodes.MISMATCH) {
      throw new IllegalArgumentException("exitCode must be 0 or 1, was " + exitCode);
    }
  }

  static AuditResult of(AuditSummary summary) {
    return new AuditResult(summary, summary.problems() == 0 ? ExitCodes.OK : ExitCodes.MISMATCH);
  }
}
