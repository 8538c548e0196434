package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * Volume and scores of the interactions that started on one day (UTC).
 *
 * @param day the start date in UTC
 * @param interactions interactions that started that day
 * @param koreScoreSum sum of Kore's scores
 * @param koreScored interactions with a Kore score
 * @param mismatches score and pass mismatches
 * @param recomputedScoreSum sum of the recomputed scores of the auditable interactions, each rounded
 *     half to even to {@value ExactScore#DECIMAL_PLACES} decimal places (exact, whatever the order of adding)
 * @param recomputedScored auditable interactions with a recomputed score
 * @param korePassed auditable interactions Kore says passed
 * @param korePassKnown auditable interactions with Kore's pass flag
 * @param computedPassed auditable interactions the recomputation says pass
 * @param computedPassKnown auditable interactions whose pass the recomputation could tell
 */
public record DailyStats(
    LocalDate day,
    long interactions,
    long koreScoreSum,
    long koreScored,
    long mismatches,
    BigDecimal recomputedScoreSum,
    long recomputedScored,
    long korePassed,
    long korePassKnown,
    long computedPassed,
    long computedPassKnown) {

  public DailyStats {
    requireNonNull(day, "day");
    requireNonNull(recomputedScoreSum, "recomputedScoreSum");
    if (korePassed > korePassKnown || computedPassed > computedPassKnown) {
      throw new IllegalArgumentException("passed counts must not exceed the known ones on " + day + ", were "
          + korePassed + "/" + korePassKnown + " and " + computedPassed + "/" + computedPassKnown);
    }
  }

  /** Kore's average score on the day, over the interactions it scored; empty when none. */
  public OptionalDouble averageKoreScore() {
    return koreScored == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) koreScoreSum / koreScored);
  }

  /** The recomputed average score on the day, over the interactions it could score; empty when none. */
  public OptionalDouble averageRecomputedScore() {
    return recomputedScored == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(
            recomputedScoreSum.divide(BigDecimal.valueOf(recomputedScored), MathContext.DECIMAL64).doubleValue());
  }
}
