package dev.korescore.scoring;

/** The kinds of {@link Verdict}, for counting and for machine-readable output. */
public enum VerdictKind {
  MATCH,
  SCORE_MISMATCH,
  PASS_MISMATCH,
  NOT_AUDITABLE,
  INVALID;

  /** Whether this kind is a disagreement with Kore (a score or a pass mismatch). */
  public boolean isMismatch() {
    return this == SCORE_MISMATCH || this == PASS_MISMATCH;
  }

  /** Whether an analyst should look at it: a mismatch or an invalid record. */
  public boolean isProblem() {
    return isMismatch() || this == INVALID;
  }
}
