package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

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
 */
public record DailyStats(LocalDate day, long interactions, long koreScoreSum, long koreScored, long mismatches) {
  public DailyStats {
    requireNonNull(day, "day");
  }

  public OptionalDouble averageKoreScore() {
    return koreScored == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) koreScoreSum / koreScored);
  }
}
