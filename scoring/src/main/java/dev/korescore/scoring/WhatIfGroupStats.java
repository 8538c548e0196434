package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * Pass rates before and after a change for one group of re-scored interactions (an agent, a queue, an
 * evaluation form).
 *
 * @param key the group's key ({@code "name (id)"} of the first agent or queue, or the form's name)
 * @param rescored re-scored interactions in the group
 * @param affected those whose score or pass flag the change moved
 * @param passedBefore interactions passing before the change, of {@code passKnownBefore}
 * @param passKnownBefore interactions whose pass flag before the change is known (they have a pass score)
 * @param passedAfter interactions passing after the change, of {@code passKnownAfter}
 * @param passKnownAfter interactions whose pass flag after the change is known
 * @param passToFail interactions the change turns from a pass into a fail
 * @param failToPass interactions the change turns from a fail into a pass
 * @param shiftSum the sum of score shifts (after - before), for the mean
 * @param shifted interactions with a score after the change (the shifts summed)
 */
public record WhatIfGroupStats(
    String key,
    long rescored,
    long affected,
    long passedBefore,
    long passKnownBefore,
    long passedAfter,
    long passKnownAfter,
    long passToFail,
    long failToPass,
    double shiftSum,
    long shifted) {

  public WhatIfGroupStats {
    requireNonNull(key, "key");
    if (rescored < 0) {
      throw new IllegalArgumentException("rescored must be >= 0, was " + rescored);
    }
  }

  public OptionalDouble passRateBefore() {
    return passKnownBefore == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) passedBefore / passKnownBefore);
  }

  public OptionalDouble passRateAfter() {
    return passKnownAfter == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) passedAfter / passKnownAfter);
  }

  /** The pass rate after minus before (0 when either is unknown): negative when the change fails more. */
  public double passRateChange() {
    OptionalDouble before = passRateBefore();
    OptionalDouble after = passRateAfter();
    return before.isPresent() && after.isPresent() ? after.getAsDouble() - before.getAsDouble() : 0;
  }

  public long flips() {
    return passToFail + failToPass;
  }

  /** The mean score shift, over interactions with a score after the change. */
  public OptionalDouble meanShift() {
    return shifted == 0 ? OptionalDouble.empty() : OptionalDouble.of(shiftSum / shifted);
  }
}
