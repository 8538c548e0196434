package dev.korescore.testkit.generator;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification.Answer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.OptionalInt;

/**
 * The testkit's own, deliberately simple reading of Kore's documented scoring rules, independent of the
 * scoring engine (so that one can test the other):
 *
 * <ul>
 *   <li>score = 100 x (sum of {@code Metric Weight} over YES - sum of {@code Metric Negative Weight} over
 *       NO) / (sum of {@code Metric Weight} over YES and NO);
 *   <li>NA metrics are excluded from numerator and denominator (Kore's default "Exclude from score");
 *       manual ({@code "-"}) metrics are left out;
 *   <li>a fatal metric answered NO makes the score 0;
 *   <li>the score is clamped to [-100, 100];
 *   <li>the integer Kore reports is the exact score rounded half-up (away from zero at .5), which is
 *       always the exact score's floor or its ceiling, as an auditor accepts;
 *   <li>the interaction passes when that integer is at least ({@code >=}) the pass score.
 * </ul>
 */
public final class KoreRules {
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private KoreRules() {}

  /**
   * Kore's integer score for these metrics, or empty when no metric applies (every metric NA, manual or
   * unrecognised): such an interaction cannot be scored.
   */
  public static OptionalInt score(List<Metric> metrics) {
    requireNonNull(metrics, "metrics");
    BigInteger numerator = BigInteger.ZERO;
    BigInteger denominator = BigInteger.ZERO;
    for (Metric metric : metrics) {
      if (metric.qualification() == Answer.YES) {
        numerator = numerator.add(BigInteger.valueOf(metric.weight()));
        denominator = denominator.add(BigInteger.valueOf(metric.weight()));
      } else if (metric.qualification() == Answer.NO) {
        numerator = numerator.subtract(BigInteger.valueOf(metric.negativeWeight()));
        denominator = denominator.add(BigInteger.valueOf(metric.weight()));
      }
    }
    if (denominator.signum() == 0) {
      return OptionalInt.empty();
    }
    if (fatalFailed(metrics)) {
      return OptionalInt.of(0);
    }
    BigDecimal exact = new BigDecimal(numerator.multiply(HUNDRED))
        .divide(new BigDecimal(denominator), 0, RoundingMode.HALF_UP);
    int rounded = exact.max(BigDecimal.valueOf(-100)).min(BigDecimal.valueOf(100)).intValueExact();
    return OptionalInt.of(rounded);
  }

  /** Whether a fatal metric was answered NO. */
  public static boolean fatalFailed(List<Metric> metrics) {
    for (Metric metric : metrics) {
      if (metric.fatal() && metric.qualification() == Answer.NO) {
        return true;
      }
    }
    return false;
  }

  /** How many fatal metrics were answered NO: Kore's {@code "Fatal Errors"}. */
  public static int fatalErrorCount(List<Metric> metrics) {
    int count = 0;
    for (Metric metric : metrics) {
      if (metric.fatal() && metric.qualification() == Answer.NO) {
        count++;
      }
    }
    return count;
  }

  /** Kore's pass rule as documented on the form pages: {@code score >= passScore}. */
  public static boolean passes(int score, int passScore) {
    return score >= passScore;
  }
}
