package dev.korescore.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Metric;
import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.MetricChange;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.scoring.WhatIfOutcome.Rescored;
import dev.korescore.testkit.properties.KoreGenerators;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class WhatIfProperties {

  private static Optional<Rescored> rescored(ScoringPolicy policy, FormChange change, Interaction interaction) {
    return WhatIf.of(policy, change).evaluate(interaction) instanceof Rescored r ? Optional.of(r) : Optional.empty();
  }

  /**
   * An evaluated record with {@code metrics}, each name once (a change names a metric by its name, so
   * it cannot tell two of one name apart, nor name a blank one), and the given pass score.
   */
  private static Interaction record(List<Metric> metrics, int passScore) {
    Map<String, Metric> byName = new LinkedHashMap<>();
    metrics.stream().filter(m -> !FormChange.key(m.name()).isEmpty())
        .forEach(m -> byName.putIfAbsent(FormChange.key(m.name()), m));
    return Interaction.builder("c-prop").koreScore(0).passScore(passScore).metrics(List.copyOf(byName.values())).build();
  }

  @Test
  void theEmptyChangeMovesNoScoreAndFlipsNothing() {
    qt().withExamples(300)
        .forAll(KoreGenerators.interactions(), KoreGenerators.policies())
        .checkAssert((interaction, policy) -> rescored(policy, FormChange.none(), interaction).ifPresent(r -> {
          assertThat(r.scoreAfter()).contains(r.scoreBefore());
          assertThat(r.passedAfter()).isEqualTo(r.passedBefore());
          assertThat(r.flip()).isEqualTo(Flip.NONE);
          assertThat(r.affected()).isFalse();
        }));
  }

  @Test
  void scalingEveryWeightByAPositiveFactorMovesNothing() {
    qt().withExamples(200)
        .forAll(KoreGenerators.metricLists(), KoreGenerators.policies(), integers().between(1, 100_000),
            integers().between(0, 100))
        .checkAssert((metrics, policy, k, pass) -> {
          Interaction interaction = record(metrics, pass);
          FormChange.Builder scaled = FormChange.builder();
          for (Metric m : interaction.metrics()) {
            scaled.metric(m.name(), MetricChange.none().withWeight(m.weight() * k)
                .withNegativeWeight(m.negativeWeight() * k));
          }
          rescored(policy, scaled.build(), interaction).ifPresent(r -> {
            assertThat(r.scoreAfter()).contains(r.scoreBefore());
            assertThat(r.flip()).isEqualTo(Flip.NONE);
          });
        });
  }

  @Test
  void raisingThePassScoreNeverTurnsAFailIntoAPass() {
    qt().withExamples(300)
        .forAll(KoreGenerators.interactions(), KoreGenerators.policies(), KoreGenerators.formChanges(),
            integers().between(0, 100))
        .checkAssert((interaction, policy, change, raise) -> {
          // against the record's own pass score
          int own = interaction.passScore().orElse(0);
          FormChange raised = FormChange.builder().passScore(Math.min(100, own + raise)).build();
          Interaction withPass = interaction.toBuilder().passScore(own).build();
          rescored(policy, raised, withPass).ifPresent(r -> assertThat(r.flip()).isNotEqualTo(Flip.FAIL_TO_PASS));
          // and on top of any other change: a higher pass score never passes what a lower one fails
          int low = change.passScore().orElse(own);
          FormChange lower = new FormChange(change.form(), OptionalInt.of(low), change.naTreatment(), change.metrics());
          FormChange higher = new FormChange(change.form(), OptionalInt.of(Math.min(100, low + raise)),
              change.naTreatment(), change.metrics());
          Optional<Rescored> a = rescored(policy, lower, withPass);
          Optional<Rescored> b = rescored(policy, higher, withPass);
          if (a.isPresent() && a.get().passedAfter().equals(Optional.of(false))) {
            assertThat(b.orElseThrow().passedAfter()).contains(false);
          }
        });
  }

  @Test
  void makingAMetricFatalNeverRaisesAScore() {
    qt().withExamples(300)
        .forAll(KoreGenerators.interactions(), KoreGenerators.policies(), integers().between(0, 11))
        .checkAssert((interaction, policy, index) -> {
          if (interaction.metrics().isEmpty()) {
            return;
          }
          String name = interaction.metrics().get(index % interaction.metrics().size()).name();
          if (name.isBlank()) {
            return; // a change names its metric: a blank name (which Kore's data may hold) cannot be named
          }
          FormChange fatal = FormChange.builder().metric(name, MetricChange.none().withFatal(true)).build();
          rescored(policy, fatal, interaction).ifPresent(r -> {
            ExactScore before = r.scoreBefore();
            ExactScore after = r.scoreAfter().orElseThrow();
            // Kore: a failed fatal metric makes the score 0, which lifts a score below 0 to 0 (and still fails)
            if (before.compareTo(0) >= 0) {
              assertThat(after.compareTo(before)).isLessThanOrEqualTo(0);
            } else {
              assertThat(after.compareTo(0)).isLessThanOrEqualTo(0);
            }
            assertThat(r.flip()).isNotEqualTo(Flip.FAIL_TO_PASS);
          });
        });
  }

  @Test
  void theAfterScoreIsTheEnginesScoreOfTheRecordRewrittenWithTheChange() {
    qt().withExamples(400)
        .forAll(KoreGenerators.interactions(), KoreGenerators.policies(), KoreGenerators.formChanges())
        .checkAssert((interaction, policy, change) -> rescored(policy, change, interaction).ifPresent(r -> {
          assertThat(Optional.of(r.scoreBefore())).isEqualTo(KoreAuditor.withPolicy(policy).score(interaction));
          Interaction rewritten = change.applyTo(interaction);
          ScoringPolicy after = change.appliesTo(interaction) ? change.policyAfter(policy) : policy;
          Optional<ExactScore> oracle = KoreAuditor.withPolicy(after).score(rewritten);
          assertThat(r.scoreAfter()).isEqualTo(oracle);
          assertThat(r.passedAfter()).isEqualTo(naivePassed(rewritten, after, oracle));
        }));
  }

  @Test
  void aggregatesMergeToTheWhole() {
    qt().withExamples(40)
        .forAll(KoreGenerators.formChanges(), integers().between(0, 30),
            org.quicktheories.generators.SourceDSL.lists().of(KoreGenerators.interactions()).ofSizeBetween(0, 30))
        .checkAssert((change, cut, interactions) -> {
          WhatIf whatIf = WhatIf.of(ScoringPolicy.defaults(), change);
          WhatIfAggregator whole = whatIf.newAggregator();
          WhatIfAggregator left = whatIf.newAggregator();
          WhatIfAggregator right = whatIf.newAggregator();
          for (int i = 0; i < interactions.size(); i++) {
            WhatIfOutcome outcome = whatIf.evaluate(interactions.get(i));
            whole.accept(interactions.get(i), outcome);
            (i < cut ? left : right).accept(interactions.get(i), outcome);
          }
          WhatIfSummary merged = left.merge(right).summary();
          WhatIfSummary expected = whole.summary();
          assertThat(merged.overall().rescored()).isEqualTo(expected.overall().rescored());
          assertThat(merged.overall().passedAfter()).isEqualTo(expected.overall().passedAfter());
          assertThat(merged.flips()).isEqualTo(expected.flips());
          assertThat(merged.shifts()).isEqualTo(expected.shifts());
          assertThat(merged.byAgent()).hasSameSizeAs(expected.byAgent());
          assertThat(merged.firstFlips()).isEqualTo(expected.firstFlips());
          assertThat(merged.unknownMetrics().keySet()).isEqualTo(expected.unknownMetrics().keySet());
        });
  }

  /** The pass rule spelt out: a failed fatal metric fails; else the score against the pass score. */
  private static Optional<Boolean> naivePassed(Interaction record, ScoringPolicy policy, Optional<ExactScore> score) {
    if (score.isEmpty()) {
      return Optional.empty();
    }
    // a failed fatal metric, or Kore's own fatal count above 0 (which fails the record even when no metric shows it)
    boolean fatalFailed = record.metrics().stream()
        .anyMatch(m -> m.fatal() && m.qualification() == dev.korescore.core.model.Qualification.Answer.NO)
        || record.fatalErrorCount().orElse(0) > 0;
    if (policy.fatalZeroes() && fatalFailed) {
      return Optional.of(false);
    }
    if (record.passScore().isEmpty()) {
      return Optional.empty();
    }
    java.math.BigDecimal exact = new java.math.BigDecimal(score.get().numerator())
        .divide(new java.math.BigDecimal(score.get().denominator()), 30, java.math.RoundingMode.FLOOR);
    int c = exact.compareTo(java.math.BigDecimal.valueOf(record.passScore().getAsInt()));
    boolean exactlyAt = score.get().compareTo(record.passScore().getAsInt()) == 0;
    return Optional.of(policy.passRule() == dev.korescore.core.policy.PassRule.AT_LEAST ? c >= 0 || exactlyAt
        : c > 0 && !exactlyAt);
  }
}
