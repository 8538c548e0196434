package dev.korescore.core.policy;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The assumptions under which a score is recomputed and verified. Kore documents the formula but not
 * which NA treatment a form uses, whether passing is {@code >=} or {@code >}, nor how it rounds; an
 * auditor states these, and can try the others to explain a disagreement.
 *
 * @param naTreatment how NA answers count ({@link NaTreatment#EXCLUDE} by default)
 * @param passRule how the score meets the pass score ({@link PassRule#AT_LEAST} by default)
 * @param fatalZeroes whether a failed fatal metric makes the score 0 and fails the interaction (on by default)
 * @param clamp whether the score is clamped to [-100, 100] (on by default)
 * @param tolerance how many score points Kore's integer may be off the exact score's floor or ceiling
 *     and still match (0 by default, never negative)
 */
public record ScoringPolicy(
    NaTreatment naTreatment, PassRule passRule, boolean fatalZeroes, boolean clamp, BigDecimal tolerance)
    implements Serializable {

  private static final ScoringPolicy DEFAULTS =
      new ScoringPolicy(NaTreatment.EXCLUDE, PassRule.AT_LEAST, true, true, BigDecimal.ZERO);

  public ScoringPolicy {
    requireNonNull(naTreatment, "naTreatment");
    requireNonNull(passRule, "passRule");
    requireNonNull(tolerance, "tolerance");
    if (tolerance.signum() < 0) {
      throw new IllegalArgumentException("tolerance must be >= 0, was " + tolerance.toPlainString());
    }
    tolerance = tolerance.stripTrailingZeros();
    if (tolerance.scale() < 0) {
      tolerance = tolerance.setScale(0);
    }
  }

  /** Kore's documented defaults: exclude NA, pass at {@code >=}, fatal zeroes, clamp, no tolerance. */
  public static ScoringPolicy defaults() {
    return DEFAULTS;
  }

  /** A copy with another treatment of NA answers. */
  public ScoringPolicy withNaTreatment(NaTreatment value) {
    return new ScoringPolicy(value, passRule, fatalZeroes, clamp, tolerance);
  }

  /** A copy with another pass rule. */
  public ScoringPolicy withPassRule(PassRule value) {
    return new ScoringPolicy(naTreatment, value, fatalZeroes, clamp, tolerance);
  }

  /** A copy in which a failed fatal metric zeroes the score, or does not. */
  public ScoringPolicy withFatalZeroes(boolean value) {
    return new ScoringPolicy(naTreatment, passRule, value, clamp, tolerance);
  }

  /** A copy that clamps scores to [-100, 100], or does not. */
  public ScoringPolicy withClamp(boolean value) {
    return new ScoringPolicy(naTreatment, passRule, fatalZeroes, value, tolerance);
  }

  /** A copy with another tolerance, in score points, for comparing Kore's integer score. */
  public ScoringPolicy withTolerance(BigDecimal value) {
    return new ScoringPolicy(naTreatment, passRule, fatalZeroes, clamp, value);
  }

  /**
   * Every combination of NA treatment, pass rule and fatal handling, keeping this policy's clamping and
   * tolerance, this policy first: the candidates that policy inference tries.
   */
  public List<ScoringPolicy> variants() {
    List<ScoringPolicy> variants = new ArrayList<>();
    variants.add(this);
    for (NaTreatment na : NaTreatment.values()) {
      for (PassRule rule : PassRule.values()) {
        for (boolean fatal : new boolean[] {true, false}) {
          ScoringPolicy candidate = new ScoringPolicy(na, rule, fatal, clamp, tolerance);
          if (!candidate.equals(this)) {
            variants.add(candidate);
          }
        }
      }
    }
    return List.copyOf(variants);
  }

  /** A short description: {@code na=exclude pass=at-least fatal=on clamp=on tolerance=0}. */
  public String describe() {
    return "na=" + kebab(naTreatment.name())
        + " pass=" + kebab(passRule.name())
        + " fatal=" + (fatalZeroes ? "on" : "off")
        + " clamp=" + (clamp ? "on" : "off")
        + " tolerance=" + tolerance.toPlainString();
  }

  private static String kebab(String constant) {
    return constant.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
