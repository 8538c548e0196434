package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.Qualification;

/**
 * What one metric added to the score's fraction under a policy.
 *
 * @param name the metric's name, exact text
 * @param qualification its answer
 * @param weight its weight
 * @param negativeWeight its negative weight
 * @param fatal whether it is a fatal metric
 * @param addedToNumerator what it added to {@code sum(YES) - sum(negative of NO) [+ NA]}
 * @param addedToDenominator what it added to the applicable weight
 * @param note how it was counted, in words ({@code "met"}, {@code "NA excluded"}, ...)
 */
public record MetricContribution(
    String name,
    Qualification qualification,
    long weight,
    long negativeWeight,
    boolean fatal,
    long addedToNumerator,
    long addedToDenominator,
    String note) implements java.io.Serializable {

  public MetricContribution {
    requireNonNull(name, "name");
    requireNonNull(qualification, "qualification");
    requireNonNull(note, "note");
  }
}
