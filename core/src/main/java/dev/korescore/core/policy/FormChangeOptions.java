package dev.korescore.core.policy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * The what-if's change as command-line options say it ({@code --pass-score 75 --weight Policy=40 --fatal
 * Policy --drop Greeting --na award-full --form "Voice QA"}), parsed into a {@link FormChange}: the one
 * parser behind {@code korescore whatif} and the Spark job's {@code whatif}, free of any command-line
 * library. Collect the values as given, then {@link #change()}; a bad value is an {@link
 * IllegalArgumentException} whose message names the option and the value, in the user's words.
 *
 * <pre>{@code
 * FormChange change = FormChangeOptions.create().passScore(75).weight("Policy=40").drop("Greeting").change();
 * }</pre>
 */
public final class FormChangeOptions {
  /** The option names, as a user gives them, for messages that list them. */
  public static final List<String> NAMES = List.of(
      "--pass-score", "--weight", "--negative-weight", "--fatal", "--not-fatal", "--drop", "--na", "--form");

  private Optional<String> form = Optional.empty();
  private OptionalInt passScore = OptionalInt.empty();
  private Optional<NaTreatment> na = Optional.empty();
  private final List<String> weights = new ArrayList<>();
  private final List<String> negativeWeights = new ArrayList<>();
  private final List<String> fatal = new ArrayList<>();
  private final List<String> notFatal = new ArrayList<>();
  private final List<String> drop = new ArrayList<>();

  private FormChangeOptions() {}

  /** No option given yet. */
  public static FormChangeOptions create() {
    return new FormChangeOptions();
  }

  /** {@code --form NAME}: apply the change only to interactions of this evaluation form. */
  public FormChangeOptions form(String name) {
    this.form = Optional.of(requireNonNull(name, "form"));
    return this;
  }

  /** {@code --pass-score N}: the new pass score, 0 to 100 (checked in {@link #change()}). */
  public FormChangeOptions passScore(int value) {
    this.passScore = OptionalInt.of(value);
    return this;
  }

  /**
   * {@code --na TREATMENT}: the new NA treatment ({@link NaTreatment#parse}).
   *
   * @throws IllegalArgumentException naming the option and the value
   */
  public FormChangeOptions na(String treatment) {
    return na(NaTreatment.parse(requireNonNull(treatment, "na")));
  }

  /** The new NA treatment, already parsed (a command-line library's converter called {@link NaTreatment#parse}). */
  public FormChangeOptions na(NaTreatment treatment) {
    this.na = Optional.of(requireNonNull(treatment, "na"));
    return this;
  }

  /** {@code --weight METRIC=W} (repeatable): a metric's new weight. */
  public FormChangeOptions weight(String spec) {
    weights.add(requireNonNull(spec, "weight"));
    return this;
  }

  /** {@code --negative-weight METRIC=W} (repeatable): what a NO takes off. */
  public FormChangeOptions negativeWeight(String spec) {
    negativeWeights.add(requireNonNull(spec, "negativeWeight"));
    return this;
  }

  /** {@code --fatal METRIC} (repeatable): make a metric fatal. */
  public FormChangeOptions fatal(String metric) {
    fatal.add(requireNonNull(metric, "fatal"));
    return this;
  }

  /** {@code --not-fatal METRIC} (repeatable): make a metric not fatal. */
  public FormChangeOptions notFatal(String metric) {
    notFatal.add(requireNonNull(metric, "notFatal"));
    return this;
  }

  /** {@code --drop METRIC} (repeatable): remove a metric from the form. */
  public FormChangeOptions drop(String metric) {
    drop.add(requireNonNull(metric, "drop"));
    return this;
  }

  /** Whether any option of the change was given. */
  public boolean given() {
    return passScore.isPresent() || !weights.isEmpty() || !negativeWeights.isEmpty() || !fatal.isEmpty()
        || !notFatal.isEmpty() || !drop.isEmpty() || na.isPresent() || form.isPresent();
  }

  /**
   * The change the options describe (possibly {@link FormChange#isEmpty() empty}: the caller decides
   * whether that is an error).
   *
   * @throws IllegalArgumentException naming the option and the value: a weight that is not a whole
   *     number of 0 or more, {@code METRIC=W} without a metric, a metric given two values of one kind or
   *     changed and dropped, a pass score outside 0 to 100, an unknown NA treatment
   */
  public FormChange change() {
    FormChange.Builder b = FormChange.builder();
    form.ifPresent(b::form);
    passScore.ifPresent(b::passScore);
    na.ifPresent(b::naTreatment);
    for (String spec : weights) {
      String[] mw = metricValue("--weight", spec);
      long w = weight("--weight", spec, mw[1]);
      edit(b, "--weight", mw[0], m -> m.weight().isPresent() ? null : m.withWeight(w));
    }
    for (String spec : negativeWeights) {
      String[] mw = metricValue("--negative-weight", spec);
      long w = weight("--negative-weight", spec, mw[1]);
      edit(b, "--negative-weight", mw[0], m -> m.negativeWeight().isPresent() ? null : m.withNegativeWeight(w));
    }
    for (String metric : fatal) {
      edit(b, "--fatal", metric, m -> m.fatal().isPresent() ? null : m.withFatal(true));
    }
    for (String metric : notFatal) {
      edit(b, "--not-fatal", metric, m -> m.fatal().isPresent() ? null : m.withFatal(false));
    }
    for (String metric : drop) {
      edit(b, "--drop", metric, m -> m.isEmpty() ? MetricChange.dropped() : null);
    }
    return b.build();
  }

  /** Applies {@code how} to the metric's change so far; null from {@code how} means a conflict. */
  private static void edit(FormChange.Builder b, String option, String metric, UnaryOperator<MetricChange> how) {
    String name = FormChange.key(metric);
    if (name.isEmpty()) {
      throw new IllegalArgumentException(option + " needs a metric name, was '" + metric + "'");
    }
    MetricChange before = b.metricChange(name);
    if (before.drop()) {
      throw new IllegalArgumentException(option + " " + name + ": the metric is also dropped (--drop)");
    }
    MetricChange after = how.apply(before);
    if (after == null) {
      throw new IllegalArgumentException(option + " " + name + ": the metric already has " + before.describe()
          + "; give each metric one value of each kind");
    }
    b.replaceMetric(name, after);
  }

  /** {@code "Policy=40"} as metric and value, split at the last {@code =} (names may hold one). */
  private static String[] metricValue(String option, String spec) {
    int eq = spec.lastIndexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(option + " takes METRIC=W, such as 'Policy=40', was '" + spec + "'");
    }
    return new String[] {spec.substring(0, eq), spec.substring(eq + 1)};
  }

  private static long weight(String option, String spec, String text) {
    long w;
    try {
      w = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          option + " " + spec + ": the weight must be a whole number, was '" + text + "'", e);
    }
    if (w < 0) {
      throw new IllegalArgumentException(option + " " + spec + ": the weight must be 0 or more");
    }
    return w;
  }
}
