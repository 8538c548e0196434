package dev.korescore.core.policy;

/** How a metric answered NA counts in the score. */
public enum NaTreatment {
  /** Kore's default ("Exclude from score"): the weight leaves numerator and denominator. */
  EXCLUDE,
  /** Kore's "Award full weightage": the metric counts as met. */
  AWARD_FULL,
  /** The metric counts as not met: its weight stays in the denominator only. */
  COUNT_AS_FAIL
}
