package dev.korescore.core.store;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * Versions observed in one ISO week (Monday, UTC) after the first: the re-scores (Kore's score or pass
 * flag changed, or a manual audit was added) and the other changes.
 */
public record WeeklyChanges(LocalDate weekStart, long rescored, long otherChanges) {
  public WeeklyChanges {
    requireNonNull(weekStart, "weekStart");
    if (rescored < 0 || otherChanges < 0) {
      throw new IllegalArgumentException("counts must be >= 0, were " + rescored + " and " + otherChanges);
    }
  }
}
