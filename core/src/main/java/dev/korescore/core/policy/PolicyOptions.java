package dev.korescore.core.policy;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * The scoring policy as command-line options say it ({@code --na award-full --pass-rule greater-than
 * --tolerance 1 --no-fatal --no-clamp}), parsed into a {@link ScoringPolicy}: the one parser behind {@code
 * korescore audit}, {@code korescore whatif} (its current policy) and the Spark jobs, free of any
 * command-line library. Give the values as typed (or as parsed by a command-line library's converter
 * that calls {@link NaTreatment#parse} and {@link PassRule#parse}); absent ones keep {@link
 * ScoringPolicy#defaults()}; then {@link #policy()}. A bad value is an {@link IllegalArgumentException}
 * whose message names the option and the value, in the user's words.
 *
 * <pre>{@code
 * ScoringPolicy policy = PolicyOptions.create().na("award-full").tolerance("1").noFatal(true).policy();
 * }</pre>
 */
public final class PolicyOptions {
  private NaTreatment na = NaTreatment.EXCLUDE;
  private PassRule passRule = PassRule.AT_LEAST;
  private BigDecimal tolerance = BigDecimal.ZERO;
  private boolean noFatal;
  private boolean noClamp;

  private PolicyOptions() {}

  /** No option given yet: the default policy. */
  public static PolicyOptions create() {
    return new PolicyOptions();
  }

  /**
   * {@code --na TREATMENT}: exclude, award-full or count-as-fail ({@link NaTreatment#parse}); null keeps
   * the default.
   *
   * @throws IllegalArgumentException naming the option and the value
   */
  public PolicyOptions na(String text) {
    return na("--na", text);
  }

  /**
   * The NA treatment under another option name ({@code --current-na TREATMENT}); null keeps the default.
   *
   * @throws IllegalArgumentException naming {@code option} and the value
   */
  public PolicyOptions na(String option, String text) {
    requireNonNull(option, "option");
    return text == null ? this : na(NaTreatment.parse(option, text));
  }

  /** The NA treatment, already parsed (a command-line library's converter called {@link NaTreatment#parse}); null keeps the default. */
  public PolicyOptions na(NaTreatment value) {
    if (value != null) {
      this.na = value;
    }
    return this;
  }

  /**
   * {@code --pass-rule RULE}: at-least or greater-than ({@link PassRule#parse}); null keeps the default.
   *
   * @throws IllegalArgumentException naming the option and the value
   */
  public PolicyOptions passRule(String text) {
    return text == null ? this : passRule(PassRule.parse(text));
  }

  /** The pass rule, already parsed; null keeps the default. */
  public PolicyOptions passRule(PassRule value) {
    if (value != null) {
      this.passRule = value;
    }
    return this;
  }

  /**
   * {@code --tolerance N}: score points Kore may be off, a number; null keeps 0. Checked to be 0 or more
   * in {@link #policy()}.
   *
   * @throws IllegalArgumentException naming the option and the value when it is not a number
   */
  public PolicyOptions tolerance(String text) {
    if (text == null) {
      return this;
    }
    try {
      return tolerance(new BigDecimal(text.strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--tolerance must be a number >= 0, such as 0.5, was '" + text + "'", e);
    }
  }

  /** The tolerance, already parsed; null keeps 0. */
  public PolicyOptions tolerance(BigDecimal value) {
    if (value != null) {
      this.tolerance = value;
    }
    return this;
  }

  /** {@code --no-fatal}: a failed fatal metric does not make the score 0. */
  public PolicyOptions noFatal(boolean value) {
    this.noFatal = value;
    return this;
  }

  /** {@code --no-clamp}: scores are not clamped to [-100, 100]. */
  public PolicyOptions noClamp(boolean value) {
    this.noClamp = value;
    return this;
  }

  /**
   * The policy the options describe.
   *
   * @throws IllegalArgumentException naming the option and the value: a negative tolerance
   */
  public ScoringPolicy policy() {
    if (tolerance.signum() < 0) {
      throw new IllegalArgumentException("--tolerance must be >= 0, was " + tolerance.toPlainString());
    }
    return ScoringPolicy.defaults()
        .withNaTreatment(na)
        .withPassRule(passRule)
        .withFatalZeroes(!noFatal)
        .withClamp(!noClamp)
        .withTolerance(tolerance);
  }
}
