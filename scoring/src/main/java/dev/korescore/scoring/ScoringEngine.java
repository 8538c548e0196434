package dev.korescore.scoring;

import dev.korescore.core.model.DuplicateKey;
import dev.korescore.core.model.DurationStatus;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.core.policy.NaTreatment;
import dev.korescore.core.policy.PassRule;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.scoring.Verdict.NotAuditableReason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Recomputes and verifies one interaction under a policy. Stateless. */
final class ScoringEngine {
  private ScoringEngine() {}

  /** The score from the record's metrics under {@code policy}, when one can be computed. */
  static Optional<ExactScore> score(Interaction interaction, ScoringPolicy policy) {
    if (interaction.metrics().isEmpty() || incomplete(interaction).isPresent()) {
      return Optional.empty();
    }
    Tally tally = tally(interaction);
    if (tally.invalidReason.isPresent()) {
      return Optional.empty();
    }
    return exact(tally, policy);
  }

  private static Tally tally(Interaction interaction) {
    return Tally.of(interaction.metrics(), interaction.fatalErrorCount());
  }

  private static Optional<ExactScore> exact(Tally tally, ScoringPolicy policy) {
    if (policy.fatalZeroes() && tally.fatal()) {
      return Optional.of(ExactScore.of(0));
    }
    if (tally.nothingApplicable(policy.naTreatment())) {
      return Optional.empty();
    }
    ExactScore score = tally.score(policy.naTreatment());
    return Optional.of(policy.clamp() ? score.clamp(-100, 100) : score);
  }

  /** The verdict under {@code policy}, with the alternatives that explain a problem. */
  static Verdict verify(Interaction interaction, ScoringPolicy policy) {
    Optional<Verdict> unaudited = precheck(interaction, policy);
    if (unaudited.isPresent()) {
      return unaudited.get();
    }
    Tally tally = tally(interaction);
    if (tally.invalidReason.isPresent()) {
      return new Verdict.Invalid(
          interaction.conversationId(), tally.invalidReason.get(), tally.invalidMetric,
          Explanation.unscored(policy));
    }
    Verdict verdict = judge(interaction, tally, policy, true);
    if (!verdict.kind().isMismatch()) {
      return verdict;
    }
    return withAlternatives(verdict, interaction, tally, policy);
  }

  /**
   * Whether each of {@code candidates} explains the record (gives a match), or null when the record is
   * not a candidate for inference (not evaluated, not auditable for a reason no policy changes, invalid).
   */
  static boolean[] explainedBy(Interaction interaction, List<ScoringPolicy> candidates) {
    if (precheck(interaction, candidates.get(0)).isPresent()) {
      return null;
    }
    Tally tally = tally(interaction);
    if (tally.invalidReason.isPresent()) {
      return null;
    }
    boolean[] explained = new boolean[candidates.size()];
    for (int i = 0; i < explained.length; i++) {
      explained[i] = judge(interaction, tally, candidates.get(i), false).kind() == VerdictKind.MATCH;
    }
    return explained;
  }

  /**
   * The verdict of a record that is not scored at all, in this order: a duration status other than
   * evaluated (Kore prints such records with a null score and metrics without answers), an audited key
   * given twice, no score, no metrics, a metric without its weight or answer.
   */
  private static Optional<Verdict> precheck(Interaction interaction, ScoringPolicy policy) {
    Optional<DurationStatus> status = interaction.durationStatus();
    if (status.isPresent() && !status.get().isEvaluated()) {
      return Optional.of(notAuditable(interaction, NotAuditableReason.DURATION_STATUS,
          "duration status is '" + status.get().wireText() + "', not 'evaluated'", Explanation.unscored(policy)));
    }
    if (!interaction.duplicateKeys().isEmpty()) {
      DuplicateKey first = interaction.duplicateKeys().get(0);
      String more = interaction.duplicateKeys().size() == 1 ? ""
          : " (and " + (interaction.duplicateKeys().size() - 1) + " more key"
              + (interaction.duplicateKeys().size() == 2 ? "" : "s") + ")";
      return Optional.of(new Verdict.Invalid(interaction.conversationId(),
          first.describe() + more + ": which value Kore meant cannot be told", first.element(),
          Explanation.unscored(policy)));
    }
    if (!(interaction.koreScore() instanceof KoreScore.Scored)) {
      return Optional.of(notAuditable(interaction, NotAuditableReason.NOT_EVALUATED,
          "not evaluated: Kore's score is null or \"NA\"", Explanation.unscored(policy)));
    }
    if (interaction.metrics().isEmpty()) {
      return Optional.of(notAuditable(interaction, NotAuditableReason.NO_METRICS, "no metrics",
          Explanation.unscored(policy)));
    }
    Optional<String> incomplete = incomplete(interaction);
    if (incomplete.isPresent()) {
      return Optional.of(notAuditable(interaction, NotAuditableReason.INCOMPLETE_METRIC, incomplete.get(),
          Explanation.unscored(policy)));
    }
    return Optional.empty();
  }

  /** {@code "metric 2 ('Greeting') has no weight"} for the first metric missing its weight or answer. */
  static Optional<String> incomplete(Interaction interaction) {
    List<Metric> metrics = interaction.metrics();
    for (int i = 0; i < metrics.size(); i++) {
      Metric m = metrics.get(i);
      if (!m.hasWeight() || !m.hasQualification()) {
        String label = m.label(i + 1);
        String which = label.equals("metric " + (i + 1)) ? label : "metric " + (i + 1) + " ('" + label + "')";
        return Optional.of(which + " has no " + (m.hasWeight() ? "qualification (answer)" : "weight"));
      }
    }
    return Optional.empty();
  }

  private static Verdict notAuditable(
      Interaction interaction, NotAuditableReason cause, String reason, Explanation explanation) {
    return new Verdict.NotAuditable(interaction.conversationId(), cause, reason, explanation);
  }

  /** The verdict for a valid, evaluated record with metrics; alternatives not yet filled in. */
  private static Verdict judge(Interaction interaction, Tally tally, ScoringPolicy policy, boolean explain) {
    int kore = ((KoreScore.Scored) interaction.koreScore()).score();
    NaTreatment na = policy.naTreatment();
    BigInteger numerator = tally.numerator(na);
    BigInteger denominator = tally.denominator(na);
    boolean fatal = policy.fatalZeroes() && tally.fatal();
    Optional<String> fatalName = fatal ? tally.failedFatalLabel() : Optional.empty();
    OptionalInt fatalCount = fatal ? tally.fatalFromCount() : OptionalInt.empty();
    List<MetricContribution> contributions = explain ? contributions(interaction.metrics(), na) : List.of();

    if (!fatal && denominator.signum() == 0) {
      String reason = tally.answered == 0
          ? "no applicable metric: every metric is NA or manual (" + policy.describe() + ")"
          : "no applicable metric: the applicable weights sum to 0";
      return notAuditable(interaction, NotAuditableReason.NO_APPLICABLE_METRIC, reason,
          new Explanation(policy, contributions, numerator, denominator, Optional.empty(), Optional.empty(),
              Optional.empty(), List.of(), List.of(), OptionalInt.empty()));
    }
    ExactScore score = exact(tally, policy).orElseThrow();
    boolean agrees = agrees(kore, score, policy.tolerance());

    OptionalInt passScore = interaction.passScore();
    Optional<Boolean> korePassed = interaction.passed();
    Optional<Boolean> computedPassed;
    boolean expectedFromKore;
    if (fatal) {
      computedPassed = Optional.of(false);
      expectedFromKore = false;
    } else if (passScore.isPresent()) {
      int pass = passScore.getAsInt();
      expectedFromKore = policy.passRule().passes(kore, pass);
      computedPassed = Optional.of(agrees ? expectedFromKore : passes(score, pass, policy.passRule()));
    } else if (korePassed.isPresent()) {
      return new Verdict.Invalid(interaction.conversationId(),
          "Kore's passed flag is " + korePassed.get() + " but the record has no pass score to check it against",
          Optional.empty(),
          new Explanation(policy, contributions, numerator, denominator, Optional.of(score), fatalName,
              Optional.empty(), List.of(), List.of(), OptionalInt.empty()));
    } else {
      computedPassed = Optional.empty();
      expectedFromKore = false;
    }
    Explanation explanation = new Explanation(
        policy, contributions, numerator, denominator, Optional.of(score), fatalName, computedPassed, List.of(),
        List.of(), fatalCount);

    if (!agrees) {
      List<String> reasons = new ArrayList<>(2);
      if (!explain) {
        reasons.add("score mismatch");
        return new Verdict.ScoreMismatch(interaction.conversationId(), kore, score, reasons, explanation);
      }
      StringBuilder reason = new StringBuilder()
          .append("Kore's score ").append(kore).append(" is neither the recomputed score ")
          .append(score.decimal().toPlainString()).append(" rounded down (").append(score.floor())
          .append(") nor rounded up (").append(score.ceiling()).append(')');
      if (policy.tolerance().signum() > 0) {
        reason.append(", even with a tolerance of ").append(policy.tolerance().toPlainString());
      }
      fatalName.ifPresent(m -> reason.append("; fatal metric '").append(m).append("' failed, which makes it 0"));
      fatalCount.ifPresent(n -> reason.append("; ").append(Explanation.fatalCountPhrase(n)).append(", which makes it 0"));
      reasons.add(reason.toString());
      if (korePassed.isPresent() && computedPassed.isPresent() && !korePassed.get().equals(computedPassed.get())) {
        reasons.add(passReason(korePassed.get(), score.decimal().toPlainString(), "recomputed score", passScore,
            policy.passRule(), fatalPhrase(fatalName, fatalCount)));
      }
      return new Verdict.ScoreMismatch(interaction.conversationId(), kore, score, reasons, explanation);
    }
    if (korePassed.isPresent() && korePassed.get() != expectedFromKore) {
      List<String> reasons = List.of(explain
          ? passReason(korePassed.get(), Integer.toString(kore), "score", passScore, policy.passRule(),
              fatalPhrase(fatalName, fatalCount))
          : "pass mismatch");
      return new Verdict.PassMismatch(
          interaction.conversationId(), korePassed.get(), expectedFromKore, reasons, explanation);
    }
    return new Verdict.Match(interaction.conversationId(), explanation);
  }

  /** {@code "fatal metric 'X' failed"} or the record's count, when a fatal failure decides. */
  private static Optional<String> fatalPhrase(Optional<String> fatalName, OptionalInt fatalCount) {
    if (fatalName.isPresent()) {
      return Optional.of("fatal metric '" + fatalName.get() + "' failed");
    }
    return fatalCount.isPresent() ? Optional.of(Explanation.fatalCountPhrase(fatalCount.getAsInt())) : Optional.empty();
  }

  private static String passReason(
      boolean korePassed, String score, String what, OptionalInt passScore, PassRule rule,
      Optional<String> fatal) {
    if (fatal.isPresent()) {
      return "Kore's passed flag is " + korePassed + " but " + fatal.get() + ", which fails the interaction";
    }
    return "Kore's passed flag is " + korePassed + " but the " + what + " " + score + " "
        + (rule == PassRule.AT_LEAST ? ">=" : ">") + " pass score " + passScore.getAsInt() + " is " + !korePassed;
  }

  static boolean agrees(int kore, ExactScore score, BigDecimal tolerance) {
    if (tolerance.signum() == 0) {
      return score.isFloorOrCeiling(kore);
    }
    BigInteger floor = score.floor();
    BigInteger ceiling = score.ceiling();
    BigInteger k = BigInteger.valueOf(kore);
    BigDecimal kd = new BigDecimal(k);
    return kd.add(tolerance).compareTo(new BigDecimal(floor)) >= 0
        && kd.subtract(tolerance).compareTo(new BigDecimal(ceiling)) <= 0;
  }

  static boolean passes(ExactScore score, int passScore, PassRule rule) {
    int c = score.compareTo(passScore);
    return rule == PassRule.AT_LEAST ? c >= 0 : c > 0;
  }

  private static List<MetricContribution> contributions(List<Metric> metrics, NaTreatment na) {
    List<MetricContribution> result = new ArrayList<>(metrics.size());
    for (int i = 0; i < metrics.size(); i++) {
      Metric m = metrics.get(i);
      Qualification q = m.qualification();
      long num = 0;
      long den = 0;
      String note;
      if (q == Answer.YES) {
        num = m.weight();
        den = m.weight();
        note = "met";
      } else if (q == Answer.NO) {
        num = -m.negativeWeight();
        den = m.weight();
        note = m.fatal() ? "not met (fatal)" : "not met";
      } else if (q == Answer.NA) {
        switch (na) {
          case AWARD_FULL:
            num = m.weight();
            den = m.weight();
            note = "NA awarded full weight";
            break;
          case COUNT_AS_FAIL:
            den = m.weight();
            note = "NA counted as not met";
            break;
          case EXCLUDE:
          default:
            note = "NA excluded";
            break;
        }
      } else if (q == Answer.MANUAL) {
        note = "manual, left out";
      } else {
        note = "unrecognised";
      }
      result.add(new MetricContribution(m.label(i + 1), q, m.weight(), m.negativeWeight(), m.fatal(), num, den, note));
    }
    return result;
  }

  private enum Dimension {
    NA,
    PASS,
    FATAL
  }

  private static Verdict withAlternatives(Verdict verdict, Interaction interaction, Tally tally, ScoringPolicy policy) {
    List<ScoringPolicy> explaining = new ArrayList<>();
    List<Set<Dimension>> differences = new ArrayList<>();
    List<ScoringPolicy> variants = policy.variants();
    for (int i = 1; i < variants.size(); i++) {
      ScoringPolicy variant = variants.get(i);
      if (judge(interaction, tally, variant, false).kind() == VerdictKind.MATCH) {
        explaining.add(variant);
        differences.add(differences(policy, variant));
      }
    }
    List<String> words = new ArrayList<>();
    List<ScoringPolicy> minimal = new ArrayList<>();
    for (int i = 0; i < explaining.size(); i++) {
      boolean redundant = false;
      for (int j = 0; j < explaining.size(); j++) {
        if (j != i && differences.get(i).containsAll(differences.get(j))
            && differences.get(i).size() > differences.get(j).size()) {
          redundant = true;
          break;
        }
      }
      if (!redundant) {
        minimal.add(explaining.get(i));
        words.add(describe(policy, explaining.get(i), differences.get(i)));
      }
    }
    if (words.isEmpty()) {
      words.add(Explanation.NO_ALTERNATIVE);
    }
    Explanation explanation = verdict.explanation().withAlternatives(words, minimal);
    if (verdict instanceof Verdict.ScoreMismatch s) {
      return new Verdict.ScoreMismatch(s.conversationId(), s.koreScore(), s.computed(), s.reasons(), explanation);
    }
    Verdict.PassMismatch p = (Verdict.PassMismatch) verdict;
    return new Verdict.PassMismatch(p.conversationId(), p.korePassed(), p.expectedPassed(), p.reasons(), explanation);
  }

  private static Set<Dimension> differences(ScoringPolicy base, ScoringPolicy variant) {
    Set<Dimension> set = EnumSet.noneOf(Dimension.class);
    if (base.naTreatment() != variant.naTreatment()) {
      set.add(Dimension.NA);
    }
    if (base.passRule() != variant.passRule()) {
      set.add(Dimension.PASS);
    }
    if (base.fatalZeroes() != variant.fatalZeroes()) {
      set.add(Dimension.FATAL);
    }
    return set;
  }

  /** {@code "matches if NA were awarded full weight"}, {@code "passes only under >"}, ... */
  static String describe(ScoringPolicy base, ScoringPolicy variant) {
    return describe(base, variant, differences(base, variant));
  }

  private static String describe(ScoringPolicy base, ScoringPolicy variant, Set<Dimension> differences) {
    String rule = variant.passRule() == PassRule.GREATER_THAN ? ">" : ">=";
    if (differences.equals(EnumSet.of(Dimension.PASS))) {
      return "passes only under " + rule + " (score " + rule + " pass score)";
    }
    List<String> clauses = new ArrayList<>(3);
    if (differences.contains(Dimension.NA)) {
      switch (variant.naTreatment()) {
        case AWARD_FULL:
          clauses.add("NA were awarded full weight");
          break;
        case COUNT_AS_FAIL:
          clauses.add("NA counted as not met");
          break;
        case EXCLUDE:
        default:
          clauses.add("NA were excluded from the score");
          break;
      }
    }
    if (differences.contains(Dimension.PASS)) {
      clauses.add("passing needed score " + rule + " pass score");
    }
    if (differences.contains(Dimension.FATAL)) {
      clauses.add(variant.fatalZeroes()
          ? "a failed fatal metric made the score 0"
          : "a failed fatal metric did not make the score 0");
    }
    return "matches if " + String.join(" and ", clauses);
  }
}
