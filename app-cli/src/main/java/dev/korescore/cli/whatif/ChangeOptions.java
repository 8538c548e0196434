package dev.korescore.cli.whatif;

import dev.korescore.cli.audit.AuditCommand;
import dev.korescore.cli.common.CliException;
import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.FormChangeOptions;
import dev.korescore.core.policy.NaTreatment;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The change as flags: what {@code --change FILE} says as a JSON document; parsed by {@link FormChangeOptions}. */
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

  /** The flags as the shared parser sees them. */
  private FormChangeOptions options() {
    FormChangeOptions o = FormChangeOptions.create();
    if (form != null) {
      o.form(form);
    }
    if (passScore != null) {
      o.passScore(passScore);
    }
    if (na != null) {
      o.na(na);
    }
    weights.forEach(o::weight);
    negativeWeights.forEach(o::negativeWeight);
    fatal.forEach(o::fatal);
    notFatal.forEach(o::notFatal);
    drop.forEach(o::drop);
    return o;
  }

  /** Whether any flag of the change was given. */
  boolean given() {
    return options().given();
  }

  /** The change the flags describe ({@link FormChangeOptions}); a usage error names the flag and the value. */
  FormChange change() {
    try {
      return options().change();
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }
}
