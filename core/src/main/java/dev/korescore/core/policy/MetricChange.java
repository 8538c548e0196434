package dev.korescore.core.policy;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a {@link FormChange} does to one metric of the form: a new weight, a new negative weight, made
 * fatal or not fatal, or dropped from the form. What is absent stays as each record carries it.
 *
 * @param weight the new {@code "Metric Weight"} (0 or more), or absent to keep the record's
 * @param negativeWeight the new {@code "Metric Negative Weight"} (0 or more), or absent to keep the record's
 * @param fatal {@code true} to make the metric fatal, {@code false} to make it not fatal, absent to keep
 * @param drop whether to remove the metric from the form (nothing else may then be set)
 */
public record MetricChange(OptionalLong weight, OptionalLong negativeWeight, Optional<Boolean> fatal, boolean drop) {
  private static final MetricChange NONE = new MetricChange(OptionalLong.empty(), OptionalLong.empty(),
      Optional.empty(), false);
  private static final MetricChange DROP = new MetricChange(OptionalLong.empty(), OptionalLong.empty(),
      Optional.empty(), true);

  public MetricChange {
    requireNonNull(weight, "weight");
    requireNonNull(negativeWeight, "negativeWeight");
    requireNonNull(fatal, "fatal");
    if (weight.isPresent() && weight.getAsLong() < 0) {
      throw new IllegalArgumentException("weight must be >= 0, was " + weight.getAsLong());
    }
    if (negativeWeight.isPresent() && negativeWeight.getAsLong() < 0) {
      throw new IllegalArgumentException("negative weight must be >= 0, was " + negativeWeight.getAsLong());
    }
    if (drop && (weight.isPresent() || negativeWeight.isPresent() || fatal.isPresent())) {
      throw new IllegalArgumentException("a dropped metric cannot also get a weight, a negative weight or fatal");
    }
  }

  /** Changes nothing; start here and add with the {@code with...} methods. */
  public static MetricChange none() {
    return NONE;
  }

  /** Removes the metric from the form. */
  public static MetricChange dropped() {
    return DROP;
  }

  public MetricChange withWeight(long value) {
    return new MetricChange(OptionalLong.of(value), negativeWeight, fatal, drop);
  }

  public MetricChange withNegativeWeight(long value) {
    return new MetricChange(weight, OptionalLong.of(value), fatal, drop);
  }

  public MetricChange withFatal(boolean value) {
    return new MetricChange(weight, negativeWeight, Optional.of(value), drop);
  }

  /** Whether this changes nothing. */
  public boolean isEmpty() {
    return !drop && weight.isEmpty() && negativeWeight.isEmpty() && fatal.isEmpty();
  }

  /** {@code metric} with this change, or empty when the change drops it. */
  public Optional<Metric> applyTo(Metric metric) {
    requireNonNull(metric, "metric");
    if (drop) {
      return Optional.empty();
    }
    Metric changed = metric;
    if (weight.isPresent()) {
      changed = changed.withWeight(weight.getAsLong());
    }
    if (negativeWeight.isPresent()) {
      changed = changed.withNegativeWeight(negativeWeight.getAsLong());
    }
    if (fatal.isPresent()) {
      changed = changed.withFatal(fatal.get());
    }
    return Optional.of(changed);
  }

  /** {@code "weight 40, negative weight 5, fatal"}, {@code "dropped"}, {@code "no change"}. */
  public String describe() {
    if (drop) {
      return "dropped";
    }
    List<String> parts = new ArrayList<>(3);
    weight.ifPresent(w -> parts.add("weight " + w));
    negativeWeight.ifPresent(w -> parts.add("negative weight " + w));
    fatal.ifPresent(f -> parts.add(f ? "fatal" : "not fatal"));
    return parts.isEmpty() ? "no change" : String.join(", ", parts);
  }
}
