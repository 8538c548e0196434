package dev.korescore.core.policy;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Metric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A change to an evaluation form, to see before rolling it out what it would have done to past
 * interactions: a new pass score, new weights, metrics made fatal or not, metrics dropped, another NA
 * treatment, for every form or only one. Kore applies a changed form only to future interactions; the
 * what-if in {@code scoring} re-scores history under it.
 *
 * <p>Form and metric names match ignoring surrounding blanks (Kore's names sometimes carry a trailing
 * space), and are otherwise exact: {@link #key(String)}.
 *
 * @param form the evaluation form the change applies to ({@code "Evaluation Form Name"}), or absent for
 *     every interaction
 * @param passScore the new pass score (0 to 100), or absent to keep each record's
 * @param naTreatment the new NA treatment, or absent to keep the policy's
 * @param metrics what changes per metric, by name ({@link #key(String)}); never an empty change
 */
public record FormChange(
    Optional<String> form, OptionalInt passScore, Optional<NaTreatment> naTreatment, Map<String, MetricChange> metrics) {

  private static final FormChange NONE = new FormChange(Optional.empty(), OptionalInt.empty(), Optional.empty(),
      Map.of());

  public FormChange {
    requireNonNull(form, "form");
    form = form.map(FormChange::key);
    if (form.isPresent() && form.get().isEmpty()) {
      throw new IllegalArgumentException("form must not be blank");
    }
    requireNonNull(passScore, "passScore");
    if (passScore.isPresent() && (passScore.getAsInt() < 0 || passScore.getAsInt() > 100)) {
      throw new IllegalArgumentException("pass score must be between 0 and 100, was " + passScore.getAsInt());
    }
    requireNonNull(naTreatment, "naTreatment");
    Map<String, MetricChange> copy = new LinkedHashMap<>();
    for (Map.Entry<String, MetricChange> entry : metrics.entrySet()) {
      String name = key(requireNonNull(entry.getKey(), "metric name"));
      if (name.isEmpty()) {
        throw new IllegalArgumentException("a metric name must not be blank");
      }
      MetricChange change = requireNonNull(entry.getValue(), "change of metric '" + name + "'");
      if (change.isEmpty()) {
        throw new IllegalArgumentException("metric '" + name + "': the change is empty");
      }
      if (copy.put(name, change) != null) {
        throw new IllegalArgumentException("metric '" + name + "' is named twice");
      }
    }
    metrics = Collections.unmodifiableMap(copy);
  }

  /** The change that changes nothing. */
  public static FormChange none() {
    return NONE;
  }

  /** A builder of a change that starts by changing nothing, for every form. */
  public static Builder builder() {
    return new Builder();
  }

  /** How names are compared: without surrounding blanks. */
  public static String key(String name) {
    return requireNonNull(name, "name").strip();
  }

  /** Whether this changes nothing at all. */
  public boolean isEmpty() {
    return passScore.isEmpty() && naTreatment.isEmpty() && metrics.isEmpty();
  }

  /** Whether the change applies to {@code interaction}: every one, or those of {@link #form()}. */
  public boolean appliesTo(Interaction interaction) {
    if (form.isEmpty()) {
      return true;
    }
    Optional<String> name = interaction.evaluationFormName();
    return name.isPresent() && key(name.get()).equals(form.get());
  }

  /** The change to the metric named {@code metricName}, if any. */
  public Optional<MetricChange> metric(String metricName) {
    return Optional.ofNullable(metrics.get(key(metricName)));
  }

  /** {@code policy} with this change's NA treatment, if it has one. */
  public ScoringPolicy policyAfter(ScoringPolicy policy) {
    return naTreatment.map(policy::withNaTreatment).orElse(requireNonNull(policy, "policy"));
  }

  /**
   * {@code interaction} as if it had been evaluated against the changed form: its metrics changed or
   * dropped, its pass score replaced. Unchanged when the change does not apply to it. The NA treatment
   * is a policy, not part of the record: see {@link #policyAfter}.
   */
  public Interaction applyTo(Interaction interaction) {
    if (!appliesTo(interaction)) {
      return interaction;
    }
    List<Metric> changed = new ArrayList<>(interaction.metrics().size());
    for (Metric metric : interaction.metrics()) {
      MetricChange change = metrics.get(key(metric.name()));
      if (change == null) {
        changed.add(metric);
      } else {
        change.applyTo(metric).ifPresent(changed::add);
      }
    }
    Interaction.Builder builder = interaction.toBuilder().metrics(changed);
    if (passScore.isPresent()) {
      builder.passScore(passScore.getAsInt());
    }
    return builder.build();
  }

  /** {@code form 'Voice QA': pass score 75; NA award-full; 'Policy': weight 40, fatal}. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    passScore.ifPresent(p -> parts.add("pass score " + p));
    naTreatment.ifPresent(na -> parts.add("NA " + na.name().toLowerCase(Locale.ROOT).replace('_', '-')));
    metrics.forEach((name, change) -> parts.add("'" + name + "': " + change.describe()));
    String what = parts.isEmpty() ? "no change" : String.join("; ", parts);
    return form.map(f -> "form '" + f + "': " + what).orElse(what);
  }

  /** Builds a {@link FormChange}; the checks run in {@link #build()}. */
  public static final class Builder {
    private Optional<String> form = Optional.empty();
    private OptionalInt passScore = OptionalInt.empty();
    private Optional<NaTreatment> naTreatment = Optional.empty();
    private final Map<String, MetricChange> metrics = new LinkedHashMap<>();

    private Builder() {}

    /** Applies the change only to interactions scored against this evaluation form. */
    public Builder form(String value) {
      this.form = Optional.of(requireNonNull(value, "form"));
      return this;
    }

    /** Sets the new pass score (0 to 100). */
    public Builder passScore(int value) {
      this.passScore = OptionalInt.of(value);
      return this;
    }

    /** Sets the new NA treatment. */
    public Builder naTreatment(NaTreatment value) {
      this.naTreatment = Optional.of(requireNonNull(value, "naTreatment"));
      return this;
    }

    /**
     * Sets the change of one metric.
     *
     * @throws IllegalArgumentException when the metric already has one
     */
    public Builder metric(String name, MetricChange change) {
      String key = key(name);
      if (metrics.containsKey(key)) {
        throw new IllegalArgumentException("metric '" + key + "' is named twice");
      }
      metrics.put(key, requireNonNull(change, "change"));
      return this;
    }

    /** The change of {@code name} so far ({@link MetricChange#none()} when none), for adding to it. */
    public MetricChange metricChange(String name) {
      return metrics.getOrDefault(key(name), MetricChange.none());
    }

    /** Replaces the change of one metric. */
    public Builder replaceMetric(String name, MetricChange change) {
      metrics.put(key(name), requireNonNull(change, "change"));
      return this;
    }

    /** The change; refuses a blank form, a pass score outside 0 to 100 and an empty metric change. */
    public FormChange build() {
      return new FormChange(form, passScore, naTreatment, metrics);
    }
  }
}
