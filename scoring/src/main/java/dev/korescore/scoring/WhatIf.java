package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.DurationStatus;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.MetricChange;
import dev.korescore.core.policy.NaTreatment;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.scoring.WhatIfOutcome.Rescored;
import dev.korescore.scoring.WhatIfOutcome.SkipCause;
import dev.korescore.scoring.WhatIfOutcome.Skipped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Re-scores history under a changed form: for each interaction, the score and pass flag recomputed from
 * the record's own weights and pass score under the current policy ("before"), and the same with a
 * {@link FormChange} applied ("after"). Kore's own score is not compared; a record Kore did not evaluate
 * (or the audit would call not auditable or invalid) is {@link WhatIfOutcome.Skipped skipped}. Immutable
 * and thread-safe; {@link #newAggregator()} sums outcomes over a stream, mergeable across threads or
 * partitions.
 *
 * <pre>{@code
 * WhatIf whatIf = WhatIf.of(ScoringPolicy.defaults(), FormChange.builder().passScore(75).build());
 * WhatIfAggregator aggregator = whatIf.newAggregator();
 * for (Interaction interaction : interactions) {
 *   aggregator.accept(interaction, whatIf.evaluate(interaction));
 * }
 * WhatIfSummary summary = aggregator.summary();   // pass rates before and after, flips, shifts
 * }</pre>
 */
public final class WhatIf implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final ScoringPolicy policy;
  private final ScoringPolicy policyAfter;
  private final FormChange change;
  private final Map<String, MetricChange> metricChanges;

  private WhatIf(ScoringPolicy policy, FormChange change) {
    this.policy = requireNonNull(policy, "policy");
    this.change = requireNonNull(change, "change");
    this.policyAfter = change.policyAfter(policy);
    this.metricChanges = change.metrics();
  }

  /**
   * A what-if of {@code change} against the current {@code policy} (its NA treatment, pass rule, fatal
   * handling and clamping; the tolerance plays no part, since Kore's score is not compared).
   */
  public static WhatIf of(ScoringPolicy policy, FormChange change) {
    return new WhatIf(policy, change);
  }

  /** The policy before the change. */
  public ScoringPolicy policy() {
    return policy;
  }

  /** The policy after the change: the current one with the change's NA treatment, if it has one. */
  public ScoringPolicy policyAfter() {
    return policyAfter;
  }

  /** The change being tried. */
  public FormChange change() {
    return change;
  }

  /** The interaction's score and pass flag before and after the change, or why it was skipped. */
  public WhatIfOutcome evaluate(Interaction interaction) {
    requireNonNull(interaction, "interaction");
    if (!(interaction.koreScore() instanceof KoreScore.Scored)) {
      return skipped(interaction, SkipCause.NOT_AUDITABLE, "not evaluated: Kore's score is null or \"NA\"");
    }
    Optional<DurationStatus> status = interaction.durationStatus();
    if (status.isPresent() && !status.get().isEvaluated()) {
      return skipped(interaction, SkipCause.NOT_AUDITABLE,
          "duration status is '" + status.get().wireText() + "', not 'evaluated'");
    }
    List<Metric> metrics = interaction.metrics();
    if (metrics.isEmpty()) {
      return skipped(interaction, SkipCause.NOT_AUDITABLE, "no metrics");
    }
    Optional<String> incomplete = ScoringEngine.incomplete(interaction);
    if (incomplete.isPresent()) {
      return skipped(interaction, SkipCause.NOT_AUDITABLE, incomplete.get());
    }
    Tally before = Tally.of(metrics, interaction.fatalErrorCount());
    if (before.invalidReason.isPresent()) {
      return skipped(interaction, SkipCause.INVALID, before.invalidReason.get());
    }
    Optional<ExactScore> scoreBefore = score(before, policy);
    if (scoreBefore.isEmpty()) {
      return skipped(interaction, SkipCause.NOT_AUDITABLE, "no applicable metric");
    }
    OptionalInt passScore = interaction.passScore();
    Optional<Boolean> passedBefore = passed(before, policy, scoreBefore.get(), passScore);
    if (!change.appliesTo(interaction)) {
      return new Rescored(interaction.conversationId(), scoreBefore.get(), passedBefore, scoreBefore, passedBefore,
          false);
    }
    Tally after = metricChanges.isEmpty() ? before : Tally.of(metrics, metricChanges, interaction.fatalErrorCount());
    Optional<ExactScore> scoreAfter = after == before && policyAfter == policy ? scoreBefore : score(after, policyAfter);
    OptionalInt passScoreAfter = change.passScore().isPresent() ? change.passScore() : passScore;
    Optional<Boolean> passedAfter = scoreAfter.isEmpty()
        ? Optional.empty()
        : passed(after, policyAfter, scoreAfter.get(), passScoreAfter);
    return new Rescored(interaction.conversationId(), scoreBefore.get(), passedBefore, scoreAfter, passedAfter, true);
  }

  private static Skipped skipped(Interaction interaction, SkipCause cause, String reason) {
    return new Skipped(interaction.conversationId(), cause, reason);
  }

  /** The engine's score of a valid tally: 0 for a failed fatal metric, empty when nothing applies. */
  private static Optional<ExactScore> score(Tally tally, ScoringPolicy policy) {
    if (policy.fatalZeroes() && tally.fatal()) {
      return Optional.of(ExactScore.of(0));
    }
    if (tally.nothingApplicable(policy.naTreatment())) {
      return Optional.empty();
    }
    ExactScore score = tally.score(policy.naTreatment());
    return Optional.of(policy.clamp() ? score.clamp(-100, 100) : score);
  }

  private static Optional<Boolean> passed(Tally tally, ScoringPolicy policy, ExactScore score, OptionalInt passScore) {
    if (policy.fatalZeroes() && tally.fatal()) {
      return Optional.of(false);
    }
    if (passScore.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ScoringEngine.passes(score, passScore.getAsInt(), policy.passRule()));
  }

  /**
   * Why the change moved {@code interaction}, in words: each part of the change that touches the record
   * (a metric re-weighted, made fatal, dropped; the NA treatment; the pass score), then the score and
   * pass flag before and after. Empty when the outcome did not move.
   */
  public List<String> explain(Interaction interaction, Rescored outcome) {
    requireNonNull(interaction, "interaction");
    requireNonNull(outcome, "outcome");
    if (!outcome.affected()) {
      return List.of();
    }
    List<String> reasons = new ArrayList<>();
    for (Metric metric : interaction.metrics()) {
      Optional<MetricChange> c = change.metric(metric.name());
      if (c.isEmpty()) {
        continue;
      }
      MetricChange m = c.get();
      String answer = metric.qualification().wireText();
      String name = "metric '" + metric.name() + "' (" + answer + ")";
      if (m.drop()) {
        reasons.add(name + " dropped");
        continue;
      }
      List<String> parts = new ArrayList<>(3);
      m.weight().ifPresent(w -> {
        if (w != metric.weight()) {
          parts.add("weight " + metric.weight() + " -> " + w);
        }
      });
      m.negativeWeight().ifPresent(w -> {
        if (w != metric.negativeWeight()) {
          parts.add("negative weight " + metric.negativeWeight() + " -> " + w);
        }
      });
      m.fatal().ifPresent(f -> {
        if (f != metric.fatal()) {
          parts.add(f ? (metric.qualification() == Answer.NO && policy.fatalZeroes()
              ? "made fatal, and it failed: the score is 0 and the interaction fails" : "made fatal")
              : "no longer fatal");
        }
      });
      if (!parts.isEmpty()) {
        reasons.add(name + ": " + String.join(", ", parts));
      }
    }
    if (policyAfter.naTreatment() != policy.naTreatment()) {
      long na = interaction.metrics().stream().filter(m -> m.qualification() == Answer.NA).count();
      if (na > 0) {
        reasons.add("NA answers (" + na + ") now " + naWords(policyAfter.naTreatment()) + " instead of "
            + naWords(policy.naTreatment()));
      }
    }
    OptionalInt passScore = interaction.passScore();
    if (change.passScore().isPresent()
        && (passScore.isEmpty() || passScore.getAsInt() != change.passScore().getAsInt())) {
      reasons.add("pass score " + (passScore.isPresent() ? Integer.toString(passScore.getAsInt()) : "none") + " -> "
          + change.passScore().getAsInt());
    }
    reasons.add("score " + outcome.scoreBefore().decimal().toPlainString() + " -> "
        + outcome.scoreAfter().map(s -> s.decimal().toPlainString()).orElse("none (no applicable weight)")
        + ", " + passWords(outcome.passedBefore()) + " -> " + passWords(outcome.passedAfter()));
    return List.copyOf(reasons);
  }

  private static String naWords(NaTreatment na) {
    switch (na) {
      case AWARD_FULL:
        return "count as met (award-full)";
      case COUNT_AS_FAIL:
        return "count as not met (count-as-fail)";
      case EXCLUDE:
      default:
        return "are excluded (exclude)";
    }
  }

  private static String passWords(Optional<Boolean> passed) {
    return passed.map(p -> p ? "passed" : "failed").orElse("pass unknown");
  }

  /** An empty aggregate for this what-if, keeping the first {@value WhatIfAggregator#DEFAULT_FLIPS_KEPT} flips explained. */
  public WhatIfAggregator newAggregator() {
    return WhatIfAggregator.create(this, WhatIfAggregator.DEFAULT_FLIPS_KEPT);
  }

  /** {@code what-if of pass score 75 under na=exclude pass=at-least ...}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "what-if of %s under %s", change.describe(), policy.describe());
  }

  /** Serialized as its policy and change, read back through {@link #of}. */
  private Object writeReplace() {
    return new SerialForms.WhatIfForm(this);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WhatIf that && policy.equals(that.policy) && change.equals(that.change);
  }

  @Override
  public int hashCode() {
    return policy.hashCode() * 31 + change.hashCode();
  }
}
