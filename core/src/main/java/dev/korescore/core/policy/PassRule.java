package dev.korescore.core.policy;

/** How the score is compared with the form's pass score. */
public enum PassRule {
  /** {@code score >= passScore}: what Kore's form pages say; the default. */
  AT_LEAST,
  /** {@code score > passScore}: what the 2024 Raw Data page says. */
  GREATER_THAN;

  /**
   * The rule a user names: {@code at-least} or {@code >=}, {@code greater-than} or {@code >} (any case,
   * surrounding blanks ignored).
   *
   * @throws IllegalArgumentException naming the accepted words and the value given
   */
  public static PassRule parse(String text) {
    switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "at-least":
      case ">=":
        return AT_LEAST;
      case "greater-than":
      case ">":
        return GREATER_THAN;
      default:
        throw new IllegalArgumentException("--pass-rule must be at-least or greater-than, was '" + text + "'");
    }
  }

  /** Whether {@code score} passes {@code passScore} under this rule. */
  public boolean passes(long score, long passScore) {
    return this == AT_LEAST ? score >= passScore : score > passScore;
  }
}
