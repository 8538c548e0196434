package dev.korescore.cli.whatif;

import dev.korescore.cli.audit.AuditCommand;
import dev.korescore.cli.common.CliException;
import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.MetricChange;
import dev.korescore.core.policy.NaTreatment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/** The change as flags: what {@code --change FILE} says as a JSON document. */
final class ChangeOptions {
  @Option(names = "--pass-score", paramLabel = "N", description = "The new pass score, 0 to 100.")
  Integer passScore;

  @Option(names = "--weight", paramLabel = "METRIC=W", description = "A metric's new weight (repeatable).")
  List<String> weights = new ArrayList<>();

  @Option(names = "--negative-weight", paramLabel = "METRIC=W",
      description = "A metric's new negative weight: what a NO takes off (repeatable).")
  List<String> negativeWeights = new ArrayList<>();

  @Option(names = "--fatal", paramLabel = "METRIC", description = "Make a metric fatal (repeatable).")
  List<String> fatal = new ArrayList<>();

  @Option(names = "--not-fatal", paramLabel = "METRIC", description = "Make a metric not fatal (repeatable).")
  List<String> notFatal = new ArrayList<>();

  @Option(names = "--drop", paramLabel = "METRIC", description = "Remove a metric from the form (repeatable).")
  List<String> drop = new ArrayList<>();

  @Option(names = "--na", paramLabel = "TREATMENT", converter = AuditCommand.NaConverter.class,
      description = "The new NA treatment: exclude, award-full or count-as-fail.")
  NaTreatment na;

  @Option(names = "--form", paramLabel = "NAME",
      description = "Apply the change only to interactions of this evaluation form.")
  String form;

  /** Whether any flag of the change was given. */
  boolean given() {
    return passScore != null || !weights.isEmpty() || !negativeWeights.isEmpty() || !fatal.isEmpty()
        || !notFatal.isEmpty() || !drop.isEmpty() || na != null || form != null;
  }

  /** The change the flags describe; a usage error names the flag and the value. */
  FormChange change() {
    FormChange.Builder b = FormChange.builder();
    try {
      if (form != null) {
        b.form(form);
      }
      if (passScore != null) {
        b.passScore(passScore);
      }
      if (na != null) {
        b.naTreatment(na);
      }
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
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  /** Applies {@code how} to the metric's change so far; null from {@code how} means a conflict. */
  private static void edit(FormChange.Builder b, String flag, String metric, UnaryOperator<MetricChange> how) {
    String name = FormChange.key(metric);
    if (name.isEmpty()) {
      throw CliException.usage(flag + " needs a metric name, was '" + metric + "'");
    }
    MetricChange before = b.metricChange(name);
    if (before.drop()) {
      throw CliException.usage(flag + " " + name + ": the metric is also dropped (--drop)");
    }
    MetricChange after = how.apply(before);
    if (after == null) {
      throw CliException.usage(flag + " " + name + ": the metric already has " + before.describe()
          + "; give each metric one value of each kind");
    }
    b.replaceMetric(name, after);
  }

  /** {@code "Policy=40"} as metric and value, split at the last {@code =} (names may hold one). */
  private static String[] metricValue(String flag, String spec) {
    int eq = spec.lastIndexOf('=');
    if (eq <= 0) {
      throw CliException.usage(flag + " takes METRIC=W, such as 'Policy=40', was '" + spec + "'");
    }
    return new String[] {spec.substring(0, eq), spec.substring(eq + 1)};
  }

  private static long weight(String flag, String spec, String text) {
    try {
      long w = Long.parseLong(text.strip());
      if (w < 0) {
        throw CliException.usage(flag + " " + spec + ": the weight must be 0 or more");
      }
      return w;
    } catch (NumberFormatException e) {
      throw CliException.usage(flag + " " + spec + ": the weight must be a whole number, was '" + text + "'");
    }
  }
}
