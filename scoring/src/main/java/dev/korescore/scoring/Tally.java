package dev.korescore.scoring;

import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.core.policy.NaTreatment;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The policy-independent sums of one record's metrics: weights of YES, weights and negative weights of
 * NO, weights of NA, the first failed fatal metric and the first invalid metric. Summed in {@code long}
 * while that is exact, in {@link BigInteger} when a sum would overflow.
 */
final class Tally {
  /** Whether the sums are the longs below; else the BigIntegers. */
  private final boolean small;
  private final long yesSmall;
  private final long noWeightSmall;
  private final long noNegativeSmall;
  private final long naSmall;
  private final BigInteger yes;
  private final BigInteger noWeight;
  private final BigInteger noNegative;
  private final BigInteger na;
  /** The label of the first failed fatal metric. */
  final Optional<String> failedFatal;
  /**
   * The record's own fatal error count when it is above 0 and no metric is flagged {@code isFatalError}:
   * Kore counted a fatal failure its metrics do not show, which fails the interaction just the same.
   */
  final OptionalInt fatalFromCount;
  final Optional<String> invalidReason;
  final Optional<String> invalidMetric;
  /** How many metrics were answered YES or NO. */
  final int answered;

  private Tally(
      long yes, long noWeight, long noNegative, long na, Optional<String> failedFatal, OptionalInt fatalFromCount,
      int answered) {
    this.small = true;
    this.yesSmall = yes;
    this.noWeightSmall = noWeight;
    this.noNegativeSmall = noNegative;
    this.naSmall = na;
    this.yes = null;
    this.noWeight = null;
    this.noNegative = null;
    this.na = null;
    this.failedFatal = failedFatal;
    this.fatalFromCount = fatalFromCount;
    this.invalidReason = Optional.empty();
    this.invalidMetric = Optional.empty();
    this.answered = answered;
  }

  private Tally(
      BigInteger yes, BigInteger noWeight, BigInteger noNegative, BigInteger na, Optional<String> failedFatal,
      OptionalInt fatalFromCount, Optional<String> invalidReason, Optional<String> invalidMetric, int answered) {
    this.small = false;
    this.yesSmall = 0;
    this.noWeightSmall = 0;
    this.noNegativeSmall = 0;
    this.naSmall = 0;
    this.yes = yes;
    this.noWeight = noWeight;
    this.noNegative = noNegative;
    this.na = na;
    this.failedFatal = failedFatal;
    this.fatalFromCount = fatalFromCount;
    this.invalidReason = invalidReason;
    this.invalidMetric = invalidMetric;
    this.answered = answered;
  }

  /** The sums of {@code metrics}, with no record-level fatal count. */
  static Tally of(List<Metric> metrics) {
    return of(metrics, OptionalInt.empty());
  }

  /**
   * The sums of {@code metrics}; {@code fatalErrorCount} (the record's own count) counts as a failed fatal
   * metric when it is above 0 and no metric is flagged fatal.
   */
  static Tally of(List<Metric> metrics, OptionalInt fatalErrorCount) {
    long yes = 0;
    long noWeight = 0;
    long noNegative = 0;
    long na = 0;
    String failedFatal = null;
    boolean anyFatal = false;
    int answered = 0;
    try {
      for (int i = 0; i < metrics.size(); i++) {
        Metric metric = metrics.get(i);
        anyFatal |= metric.fatal();
        if (metric.weight() < 0) {
          return invalid("metric '" + metric.label(i + 1) + "' has a negative weight " + metric.weight(), metric, i);
        }
        if (metric.negativeWeight() < 0) {
          return invalid("metric '" + metric.label(i + 1) + "' has a negative \"negative weight\" "
              + metric.negativeWeight(), metric, i);
        }
        Qualification q = metric.qualification();
        if (!(q instanceof Answer answer)) {
          return invalid("metric '" + metric.label(i + 1) + "' has an unrecognised qualification '" + q.wireText()
              + "'", metric, i);
        }
        switch (answer) {
          case YES:
            yes = Math.addExact(yes, metric.weight());
            answered++;
            break;
          case NO:
            noWeight = Math.addExact(noWeight, metric.weight());
            noNegative = Math.addExact(noNegative, metric.negativeWeight());
            answered++;
            if (metric.fatal() && failedFatal == null) {
              failedFatal = metric.label(i + 1);
            }
            break;
          case NA:
            na = Math.addExact(na, metric.weight());
            break;
          case MANUAL:
          default:
            break;
        }
      }
    } catch (ArithmeticException overflow) {
      return exact(metrics, fatalErrorCount);
    }
    return new Tally(yes, noWeight, noNegative, na, Optional.ofNullable(failedFatal),
        fromCount(fatalErrorCount, anyFatal), answered);
  }

  private static OptionalInt fromCount(OptionalInt fatalErrorCount, boolean anyMetricFatal) {
    return !anyMetricFatal && fatalErrorCount.isPresent() && fatalErrorCount.getAsInt() > 0
        ? fatalErrorCount
        : OptionalInt.empty();
  }

  /** Whether a fatal failure zeroes the score (when the policy says so): a failed fatal metric, or the count. */
  boolean fatal() {
    return failedFatal.isPresent() || fatalFromCount.isPresent();
  }

  /** The same sums in {@link BigInteger}, for weights whose sums do not fit a {@code long}. */
  private static Tally exact(List<Metric> metrics, OptionalInt fatalErrorCount) {
    BigInteger yes = BigInteger.ZERO;
    BigInteger noWeight = BigInteger.ZERO;
    BigInteger noNegative = BigInteger.ZERO;
    BigInteger na = BigInteger.ZERO;
    String failedFatal = null;
    boolean anyFatal = false;
    int answered = 0;
    for (int i = 0; i < metrics.size(); i++) {
      Metric metric = metrics.get(i);
      anyFatal |= metric.fatal();
      Answer answer = (Answer) metric.qualification();
      BigInteger weight = BigInteger.valueOf(metric.weight());
      if (answer == Answer.YES) {
        yes = yes.add(weight);
        answered++;
      } else if (answer == Answer.NO) {
        noWeight = noWeight.add(weight);
        noNegative = noNegative.add(BigInteger.valueOf(metric.negativeWeight()));
        answered++;
        if (metric.fatal() && failedFatal == null) {
          failedFatal = metric.label(i + 1);
        }
      } else if (answer == Answer.NA) {
        na = na.add(weight);
      }
    }
    return new Tally(yes, noWeight, noNegative, na, Optional.ofNullable(failedFatal),
        fromCount(fatalErrorCount, anyFatal), Optional.empty(), Optional.empty(), answered);
  }

  private static Tally invalid(String reason, Metric metric, int index) {
    return new Tally(
        BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, Optional.empty(), OptionalInt.empty(),
        Optional.of(reason), Optional.of(metric.label(index + 1)), 0);
  }

  /** {@code sum(YES) - sum(negative of NO)}, plus NA weights when NA is awarded full weight. */
  BigInteger numerator(NaTreatment treatment) {
    if (small) {
      // each sum is below 2^63, so two of them never overflow a BigInteger, nor a long when they fit
      long points = smallNumerator(treatment);
      if (points != Long.MIN_VALUE) {
        return BigInteger.valueOf(points);
      }
    }
    BigInteger points = big(yes, yesSmall).subtract(big(noNegative, noNegativeSmall));
    return treatment == NaTreatment.AWARD_FULL ? points.add(big(na, naSmall)) : points;
  }

  /** The applicable weight: YES and NO, plus NA unless NA is excluded. */
  BigInteger denominator(NaTreatment treatment) {
    if (small) {
      long applicable = smallDenominator(treatment);
      if (applicable >= 0) {
        return BigInteger.valueOf(applicable);
      }
    }
    BigInteger applicable = big(yes, yesSmall).add(big(noWeight, noWeightSmall));
    return treatment == NaTreatment.EXCLUDE ? applicable : applicable.add(big(na, naSmall));
  }

  /** Whether the applicable weight is 0 (no metric counts). */
  boolean nothingApplicable(NaTreatment treatment) {
    if (small) {
      long applicable = smallDenominator(treatment);
      if (applicable >= 0) {
        return applicable == 0;
      }
    }
    return denominator(treatment).signum() == 0;
  }

  /** {@code 100 x numerator / denominator}; the denominator must not be 0. */
  ExactScore score(NaTreatment treatment) {
    if (small) {
      long points = smallNumerator(treatment);
      long applicable = smallDenominator(treatment);
      if (points != Long.MIN_VALUE && applicable >= 0) {
        return ExactScore.percentage(points, applicable);
      }
    }
    return ExactScore.percentage(numerator(treatment), denominator(treatment));
  }

  /** The numerator in a long, or {@code Long.MIN_VALUE} when it does not fit. */
  private long smallNumerator(NaTreatment treatment) {
    try {
      long points = Math.subtractExact(yesSmall, noNegativeSmall);
      return treatment == NaTreatment.AWARD_FULL ? Math.addExact(points, naSmall) : points;
    } catch (ArithmeticException overflow) {
      return Long.MIN_VALUE;
    }
  }

  /** The denominator in a long, or -1 when it does not fit. */
  private long smallDenominator(NaTreatment treatment) {
    try {
      long applicable = Math.addExact(yesSmall, noWeightSmall);
      return treatment == NaTreatment.EXCLUDE ? applicable : Math.addExact(applicable, naSmall);
    } catch (ArithmeticException overflow) {
      return -1;
    }
  }

  private BigInteger big(BigInteger value, long smallValue) {
    return small ? BigInteger.valueOf(smallValue) : value;
  }
}
