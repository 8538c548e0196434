package dev.korescore.scoring;

import dev.korescore.core.model.Metric;
import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.MetricChange;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.core.policy.NaTreatment;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
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
  final Optional<Metric> failedFatal;
  /** What a person calls {@link #failedFatal}: its name, else its id, else its position. */
  private Optional<String> failedFatalLabel = Optional.empty();
  /**
   * The record's own fatal error count when it is above 0 and no failed metric is flagged {@code
   * isFatalError}: Kore counted a fatal failure its metrics do not show, which fails the interaction just the
   * same.
   */
  private OptionalInt fatalFromCount = OptionalInt.empty();
  final Optional<String> invalidReason;
  final Optional<String> invalidMetric;
  /** How many metrics were answered YES or NO. */
  final int answered;

  private Tally(
      long yes, long noWeight, long noNegative, long na, Optional<Metric> failedFatal, int answered) {
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
    this.invalidReason = Optional.empty();
    this.invalidMetric = Optional.empty();
    this.answered = answered;
  }

  private Tally(
      BigInteger yes, BigInteger noWeight, BigInteger noNegative, BigInteger na, Optional<Metric> failedFatal,
      Optional<String> invalidReason, Optional<String> invalidMetric, int answered) {
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
    this.invalidReason = invalidReason;
    this.invalidMetric = invalidMetric;
    this.answered = answered;
  }

  static Tally of(List<Metric> metrics) {
    return of(metrics, Map.of());
  }

  /**
   * The sums of {@code metrics}; {@code fatalErrorCount} (the record's own count) counts as a failed fatal
   * metric when it is above 0 and no failed metric is flagged fatal (Kore counted a fatal failure its
   * metrics do not show).
   */
  static Tally of(List<Metric> metrics, OptionalInt fatalErrorCount) {
    return of(metrics, Map.of(), fatalErrorCount);
  }

  /** The sums of {@code metrics} as {@code changes} rewrite them, with the record's own fatal count. */
  static Tally of(List<Metric> metrics, Map<String, MetricChange> changes, OptionalInt fatalErrorCount) {
    Tally tally = of(metrics, changes);
    if (tally.invalidReason.isEmpty() && tally.failedFatal.isEmpty() && fatalErrorCount.isPresent()
        && fatalErrorCount.getAsInt() > 0) {
      tally.fatalFromCount = fatalErrorCount;
    }
    return tally;
  }

  /** The label of the first failed fatal metric. */
  Optional<String> failedFatalLabel() {
    return failedFatalLabel;
  }

  /** The record's fatal count, when it fails the interaction with no failed metric flagged fatal. */
  OptionalInt fatalFromCount() {
    return fatalFromCount;
  }

  /** Whether a fatal failure zeroes the score (when the policy says so): a failed fatal metric, or the count. */
  boolean fatal() {
    return failedFatal.isPresent() || fatalFromCount.isPresent();
  }

  /** {@code tally} with the label of its failed fatal metric, the {@code index}-th (0-based). */
  private static Tally labelled(Tally tally, List<Metric> metrics) {
    if (tally.failedFatal.isPresent()) {
      Metric fatal = tally.failedFatal.get();
      for (int i = 0; i < metrics.size(); i++) {
        Metric m = metrics.get(i);
        if (m == fatal || (m.name().equals(fatal.name()) && m.id().equals(fatal.id()))) {
          tally.failedFatalLabel = Optional.of(m.label(i + 1));
          return tally;
        }
      }
      tally.failedFatalLabel = Optional.of(fatal.label(0));
    }
    return tally;
  }

  /**
   * The sums of {@code metrics} as {@code changes} rewrite them (by {@link FormChange#key(String)}):
   * another weight, negative weight or fatal flag, or left out; without building the changed metrics.
   */
  static Tally of(List<Metric> metrics, Map<String, MetricChange> changes) {
    boolean changing = !changes.isEmpty();
    long yes = 0;
    long noWeight = 0;
    long noNegative = 0;
    long na = 0;
    Metric failedFatal = null;
    int answered = 0;
    try {
      for (Metric metric : metrics) {
        long weight = metric.weight();
        long negativeWeight = metric.negativeWeight();
        boolean fatal = metric.fatal();
        if (changing) {
          MetricChange change = changes.get(FormChange.key(metric.name()));
          if (change != null) {
            if (change.drop()) {
              continue;
            }
            weight = change.weight().orElse(weight);
            negativeWeight = change.negativeWeight().orElse(negativeWeight);
            fatal = change.fatal().orElse(fatal);
          }
        }
        if (weight < 0) {
          return invalid("metric '" + label(metrics, metric) + "' has a negative weight " + weight, metric);
        }
        if (negativeWeight < 0) {
          return invalid(
              "metric '" + label(metrics, metric) + "' has a negative \"negative weight\" " + negativeWeight, metric);
        }
        Qualification q = metric.qualification();
        if (!(q instanceof Answer answer)) {
          return invalid(
              "metric '" + label(metrics, metric) + "' has an unrecognised qualification '" + q.wireText() + "'",
              metric);
        }
        switch (answer) {
          case YES:
            yes = Math.addExact(yes, weight);
            answered++;
            break;
          case NO:
            noWeight = Math.addExact(noWeight, weight);
            noNegative = Math.addExact(noNegative, negativeWeight);
            answered++;
            if (fatal && failedFatal == null) {
              failedFatal = changing && fatal != metric.fatal() ? metric.withFatal(true) : metric;
            }
            break;
          case NA:
            na = Math.addExact(na, weight);
            break;
          case MANUAL:
          default:
            break;
        }
      }
    } catch (ArithmeticException overflow) {
      return exact(metrics, changes);
    }
    return labelled(new Tally(yes, noWeight, noNegative, na, Optional.ofNullable(failedFatal), answered), metrics);
  }

  /** The same sums in {@link BigInteger}, for weights whose sums do not fit a {@code long}. */
  private static Tally exact(List<Metric> metrics, Map<String, MetricChange> changes) {
    BigInteger yes = BigInteger.ZERO;
    BigInteger noWeight = BigInteger.ZERO;
    BigInteger noNegative = BigInteger.ZERO;
    BigInteger na = BigInteger.ZERO;
    Metric failedFatal = null;
    int answered = 0;
    for (Metric metric : metrics) {
      long weightValue = metric.weight();
      long negativeValue = metric.negativeWeight();
      boolean fatal = metric.fatal();
      MetricChange change = changes.isEmpty() ? null : changes.get(FormChange.key(metric.name()));
      if (change != null) {
        if (change.drop()) {
          continue;
        }
        weightValue = change.weight().orElse(weightValue);
        negativeValue = change.negativeWeight().orElse(negativeValue);
        fatal = change.fatal().orElse(fatal);
      }
      if (weightValue < 0) {
        return invalid("metric '" + label(metrics, metric) + "' has a negative weight " + weightValue, metric);
      }
      if (negativeValue < 0) {
        return invalid(
            "metric '" + label(metrics, metric) + "' has a negative \"negative weight\" " + negativeValue, metric);
      }
      if (!(metric.qualification() instanceof Answer answer)) {
        return invalid("metric '" + label(metrics, metric) + "' has an unrecognised qualification '"
            + metric.qualification().wireText() + "'", metric);
      }
      BigInteger weight = BigInteger.valueOf(weightValue);
      if (answer == Answer.YES) {
        yes = yes.add(weight);
        answered++;
      } else if (answer == Answer.NO) {
        noWeight = noWeight.add(weight);
        noNegative = noNegative.add(BigInteger.valueOf(negativeValue));
        answered++;
        if (fatal && failedFatal == null) {
          failedFatal = fatal != metric.fatal() ? metric.withFatal(true) : metric;
        }
      } else if (answer == Answer.NA) {
        na = na.add(weight);
      }
    }
    return labelled(new Tally(
        yes, noWeight, noNegative, na, Optional.ofNullable(failedFatal), Optional.empty(), Optional.empty(), answered),
        metrics);
  }

  /** {@code metric}'s label by its position in {@code metrics}. */
  private static String label(List<Metric> metrics, Metric metric) {
    for (int i = 0; i < metrics.size(); i++) {
      if (metrics.get(i) == metric) {
        return metric.label(i + 1);
      }
    }
    return metric.label(0);
  }

  private static Tally invalid(String reason, Metric metric) {
    return new Tally(
        BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, Optional.empty(), Optional.of(reason),
        Optional.of(metric.label(0)), 0);
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
