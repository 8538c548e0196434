package dev.korescore.scoring;

/** How a change moved an interaction's pass flag. */
public enum Flip {
  /** The pass flag is the same before and after (or unknown on either side). */
  NONE,
  /** Passed before the change, fails after it. */
  PASS_TO_FAIL,
  /** Failed before the change, passes after it. */
  FAIL_TO_PASS;

  /** The flip from {@code before} to {@code after}; {@link #NONE} when either is unknown. */
  static Flip of(java.util.Optional<Boolean> before, java.util.Optional<Boolean> after) {
    if (before.isEmpty() || after.isEmpty() || before.get().equals(after.get())) {
      return NONE;
    }
    return before.get() ? PASS_TO_FAIL : FAIL_TO_PASS;
  }
}
