package dev.korescore.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One line of the evaluation form as applied to one interaction. Weights are kept as Kore sent them,
 * even when negative, so that an auditor can report them instead of the reader refusing the record.
 *
 * @param id Kore's {@code "Metric ID"}, absent in some records
 * @param name {@code "Metric Name"}, exact text
 * @param weight {@code "Metric Weight"}: what the metric adds when met
 * @param negativeWeight {@code "Metric Negative Weight"}: what is taken off when it is not met (0 when none)
 * @param qualification {@code "Qualification"}
 * @param fatal {@code isFatalError}: a failed fatal metric fails the whole interaction
 * @param extras fields of the metric the model does not know
 */
public record Metric(
    Optional<String> id,
    String name,
    long weight,
    long negativeWeight,
    Qualification qualification,
    boolean fatal,
    Extras extras) {

  public Metric {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(qualification, "qualification");
    requireNonNull(extras, "extras");
  }

  /** A plain metric: no id, no negative weight, not fatal. */
  public static Metric of(String name, long weight, Qualification qualification) {
    return new Metric(Optional.empty(), name, weight, 0, qualification, false, Extras.none());
  }

  /** A copy with another qualification. */
  public Metric withQualification(Qualification newQualification) {
    return new Metric(id, name, weight, negativeWeight, newQualification, fatal, extras);
  }

  /** A copy with another weight. */
  public Metric withWeight(long newWeight) {
    return new Metric(id, name, newWeight, negativeWeight, qualification, fatal, extras);
  }

  /** A copy with another negative weight. */
  public Metric withNegativeWeight(long newNegativeWeight) {
    return new Metric(id, name, weight, newNegativeWeight, qualification, fatal, extras);
  }

  /** A copy that is fatal or not. */
  public Metric withFatal(boolean newFatal) {
    return new Metric(id, name, weight, negativeWeight, qualification, newFatal, extras);
  }

  /** A copy with another metric id. */
  public Metric withId(String newId) {
    return new Metric(Optional.of(newId), name, weight, negativeWeight, qualification, fatal, extras);
  }
}
