package dev.korescore.core.model;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One line of the evaluation form as applied to one interaction. Weights are kept as Kore sent them,
 * even when negative, so that an auditor can report them instead of the reader refusing the record.
 *
 * <p>Kore's own samples print metrics without some of their fields: no {@code "Qualification"} on a
 * record that was not evaluated ({@code duration_status} {@code below_threshold}), no {@code "Metric
 * Weight"} or no {@code "Metric Name"} (older Auto QA Reporting samples). Such a field is listed in
 * {@link #missing()} and its component holds a placeholder that means nothing ({@code ""}, {@code 0},
 * {@link Qualification.Answer#MANUAL}): ask {@link #hasWeight()} and the like before using it.
 *
 * @param id Kore's {@code "Metric ID"}, absent in some records
 * @param name {@code "Metric Name"}, exact text ({@code ""} when missing)
 * @param weight {@code "Metric Weight"}: what the metric adds when met (0 when missing)
 * @param negativeWeight {@code "Metric Negative Weight"}: what is taken off when it is not met (0 when none)
 * @param qualification {@code "Qualification"} ({@code MANUAL} when missing)
 * @param fatal {@code isFatalError}: a failed fatal metric fails the whole interaction
 * @param extras fields of the metric the model does not know
 * @param missing the documented fields the record left out
 */
public record Metric(
    Optional<String> id,
    String name,
    long weight,
    long negativeWeight,
    Qualification qualification,
    boolean fatal,
    Extras extras,
    Set<Field> missing) {

  /** A field Kore may leave out of a metric. */
  public enum Field {
    NAME("\"Metric Name\""),
    WEIGHT("\"Metric Weight\""),
    QUALIFICATION("\"Qualification\"");

    private final String wireKey;

    Field(String wireKey) {
      this.wireKey = wireKey;
    }

    /** The key as Kore's 2024 samples spell it, quoted. */
    public String wireKey() {
      return wireKey;
    }
  }

  public Metric {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(qualification, "qualification");
    requireNonNull(extras, "extras");
    missing = missing.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(missing));
  }

  /** A metric with every documented field present. */
  public Metric(
      Optional<String> id, String name, long weight, long negativeWeight, Qualification qualification, boolean fatal,
      Extras extras) {
    this(id, name, weight, negativeWeight, qualification, fatal, extras, Set.of());
  }

  /** A plain metric: no id, no negative weight, not fatal. */
  public static Metric of(String name, long weight, Qualification qualification) {
    return new Metric(Optional.empty(), name, weight, 0, qualification, false, Extras.none());
  }

  /** Whether the record printed this metric's {@code "Metric Name"}. */
  public boolean hasName() {
    return !missing.contains(Field.NAME);
  }

  /** Whether the record printed this metric's {@code "Metric Weight"}. */
  public boolean hasWeight() {
    return !missing.contains(Field.WEIGHT);
  }

  /** Whether the record printed this metric's {@code "Qualification"} (its answer). */
  public boolean hasQualification() {
    return !missing.contains(Field.QUALIFICATION);
  }

  /**
   * What a person calls this metric: its name, else its {@code "Metric ID"}, else {@code "metric N"}
   * for its 1-based {@code position} in the record.
   */
  public String label(int position) {
    if (hasName() && !name.isBlank()) {
      return name;
    }
    return id.filter(i -> !i.isBlank()).orElse("metric " + position);
  }

  /** A copy with another qualification. */
  public Metric withQualification(Qualification newQualification) {
    return new Metric(id, name, weight, negativeWeight, newQualification, fatal, extras, without(Field.QUALIFICATION));
  }

  /** A copy with another weight. */
  public Metric withWeight(long newWeight) {
    return new Metric(id, name, newWeight, negativeWeight, qualification, fatal, extras, without(Field.WEIGHT));
  }

  /** A copy with another negative weight. */
  public Metric withNegativeWeight(long newNegativeWeight) {
    return new Metric(id, name, weight, newNegativeWeight, qualification, fatal, extras, missing);
  }

  /** A copy that is fatal or not. */
  public Metric withFatal(boolean newFatal) {
    return new Metric(id, name, weight, negativeWeight, qualification, newFatal, extras, missing);
  }

  /** A copy with another metric id. */
  public Metric withId(String newId) {
    return new Metric(Optional.of(newId), name, weight, negativeWeight, qualification, fatal, extras, missing);
  }

  /** This metric without {@code field}, as Kore prints some: the field's component becomes its placeholder. */
  public Metric withoutField(Field field) {
    EnumSet<Field> fields = missing.isEmpty() ? EnumSet.noneOf(Field.class) : EnumSet.copyOf(missing);
    fields.add(requireNonNull(field, "field"));
    return new Metric(id, field == Field.NAME ? "" : name, field == Field.WEIGHT ? 0 : weight, negativeWeight,
        field == Field.QUALIFICATION ? Qualification.Answer.MANUAL : qualification, fatal, extras, fields);
  }

  private Set<Field> without(Field field) {
    if (!missing.contains(field)) {
      return missing;
    }
    EnumSet<Field> fields = EnumSet.copyOf(missing);
    fields.remove(field);
    return fields;
  }
}
