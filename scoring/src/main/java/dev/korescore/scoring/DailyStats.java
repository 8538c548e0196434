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
 */
public record DailyStats(
    LocalDate day,
    long interactions,
    long koreScoreSum,
    long koreScored,
    long mismatches,
    BigDecimal recomputedScoreSum,
    long recomputedScored) {

  public DailyStats {
    requireNonNull(day, "day");
    requireNonNull(recomputedScoreSum, "recomputedScoreSum");
  }

  public OptionalDouble averageKoreScore() {
    return koreScored == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) koreScoreSum / koreScored);
  }

  public OptionalDouble averageRecomputedScore() {
    return recomputedScored == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(
            recomputedScoreSum.divide(BigDecimal.valueOf(recomputedScored), MathContext.DECIMAL64).doubleValue());
  }
}
