package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The interactions that started in one ISO week (Monday to Sunday, UTC): volume, mismatches, and Kore's
 * and the recomputed pass rates over the auditable ones. The trend lines of an audit over a store.
 *
 * @param weekStart the week's Monday
 */
public record WeeklyStats(LocalDate weekStart, long interactions, long mismatches, long korePassed,
    long korePassKnown, long computedPassed, long computedPassKnown) {
  public WeeklyStats {
    requireNonNull(weekStart, "weekStart");
    if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException("a week starts on a Monday, was " + weekStart);
    }
  }

  /** Kore's pass rate over the week's auditable interactions with a pass flag, when there is one. */
  public OptionalDouble korePassRate() {
    return korePassKnown == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) korePassed / korePassKnown);
  }

  /** The recomputed pass rate over the week's auditable interactions, when there is one. */
  public OptionalDouble computedPassRate() {
    return computedPassKnown == 0 ? OptionalDouble.empty()
        : OptionalDouble.of((double) computedPassed / computedPassKnown);
  }

  /** The Monday of {@code day}'s ISO week. */
  public static LocalDate weekOf(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** {@code days} summed by ISO week, oldest first. */
  static List<WeeklyStats> of(List<DailyStats> days) {
    TreeMap<LocalDate, long[]> weeks = new TreeMap<>();
    for (DailyStats d : days) {
      long[] w = weeks.computeIfAbsent(weekOf(d.day()), k -> new long[6]);
      w[0] += d.interactions();
      w[1] += d.mismatches();
      w[2] += d.korePassed();
      w[3] += d.korePassKnown();
      w[4] += d.computedPassed();
      w[5] += d.computedPassKnown();
    }
    List<WeeklyStats> result = new ArrayList<>(weeks.size());
    weeks.forEach((week, w) -> result.add(new WeeklyStats(week, w[0], w[1], w[2], w[3], w[4], w[5])));
    return List.copyOf(result);
  }
}
