package dev.korescore.core.policy;

/** How a metric answered NA counts in the score. */
public enum NaTreatment {
  /** Kore's default ("Exclude from score"): the weight leaves numerator and denominator. */
  EXCLUDE,
  /** Kore's "Award full weightage": the metric counts as met. */
  AWARD_FULL,
  /** The metric counts as not met: its weight stays in the denominator only. */
  COUNT_AS_FAIL;

  /**
   * The treatment a user names: {@code exclude}, {@code award-full} or {@code count-as-fail} (any case,
   * surrounding blanks ignored).
   *
   * @throws IllegalArgumentException naming the accepted words and the value given
   */
  public static NaTreatment parse(String text) {
    return parse("--na", text);
  }

  /**
   * As {@link #parse(String)}, for an option of another name ({@code --current-na}).
   *
   * @throws IllegalArgumentException naming {@code option}, the accepted words and the value given
   */
  public static NaTreatment parse(String option, String text) {
    switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "exclude":
        return EXCLUDE;
      case "award-full":
        return AWARD_FULL;
      case "count-as-fail":
        return COUNT_AS_FAIL;
      default:
        throw new IllegalArgumentException(option + " must be exclude, award-full or count-as-fail, was '" + text + "'");
    }
  }
}
