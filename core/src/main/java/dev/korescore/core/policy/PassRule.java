package dev.korescore.core.policy;

/** How the score is compared with the form's pass score. */
public enum PassRule {
  /** {@code score >= passScore}: what Kore's form pages say; the default. */
  AT_LEAST,
  /** {@code score > passScore}: what the 2024 Raw Data page says. */
  GREATER_THAN;

  /** Whether {@code score} passes {@code passScore} under this rule. */
  public boolean passes(long score, long passScore) {
    return this == AT_LEAST ? score >= passScore : score > passScore;
  }
}
