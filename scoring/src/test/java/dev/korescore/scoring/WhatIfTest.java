package dev.korescore.scoring;

import static dev.korescore.testkit.fixtures.Metrics.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.core.model.DurationStatus;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.MetricChange;
import dev.korescore.core.policy.NaTreatment;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.scoring.WhatIfOutcome.Rescored;
import dev.korescore.scoring.WhatIfOutcome.SkipCause;
import dev.korescore.scoring.WhatIfOutcome.Skipped;
import dev.korescore.testkit.fixtures.Interactions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WhatIfTest {
  private static final ScoringPolicy DEFAULTS = ScoringPolicy.defaults();

  private static Rescored rescored(FormChange change, Interaction interaction) {
    return (Rescored) WhatIf.of(DEFAULTS, change).evaluate(interaction);
  }

  @Test
  void beforeIsTheRecomputedScoreAndPassFlagFromTheRecordItself() {
    // Kore says 59 here, but "before" is recomputed from the weights: 30 / 75 = 40, below the pass score 70
    Interaction wrongKore = Interactions.seedFirst().toBuilder().koreScore(59).passed(true).build();
    Rescored r = rescored(FormChange.none(), wrongKore);
    assertThat(r.scoreBefore()).isEqualTo(ExactScore.of(40));
    assertThat(r.passedBefore()).contains(false);
    assertThat(r.scoreAfter()).contains(ExactScore.of(40));
    assertThat(r.affected()).isFalse();
    assertThat(r.flip()).isEqualTo(Flip.NONE);
  }

  @Test
  void loweringThePassScoreTurnsAFailIntoAPassAndSaysWhy() {
    FormChange change = FormChange.builder().passScore(35).build();
    Rescored r = rescored(change, Interactions.seedFirst());
    assertThat(r.flip()).isEqualTo(Flip.FAIL_TO_PASS);
    assertThat(r.scoreAfter()).contains(ExactScore.of(40));
    assertThat(WhatIf.of(DEFAULTS, change).explain(Interactions.seedFirst(), r))
        .containsExactly("pass score 70 -> 35", "score 40 -> 40, failed -> passed");
  }

  @Test
  void aNewWeightRescoresFromTheOtherWeightsOfTheRecord() {
    // YES 30, NO 30 + Policy NO 15 -> 0: 30 / 60 = 50
    FormChange change = FormChange.builder().metric("Policy", MetricChange.none().withWeight(0)).build();
    Rescored r = rescored(change, Interactions.seedFirst());
    assertThat(r.scoreAfter()).contains(ExactScore.of(50));
    assertThat(r.shift()).contains(ExactScore.of(10));
    assertThat(r.flip()).isEqualTo(Flip.NONE);
    assertThat(r.affected()).isTrue();
    assertThat(WhatIf.of(DEFAULTS, change).explain(Interactions.seedFirst(), r))
        .containsExactly("metric 'Policy' (NO): weight 15 -> 0", "score 40 -> 50, failed -> failed");
  }

  @Test
  void namesMatchIgnoringSurroundingBlanks() {
    FormChange change = FormChange.builder().metric(" Policy ", MetricChange.dropped()).build();
    assertThat(change.metrics()).containsOnlyKeys("Policy");
    assertThat(rescored(change, Interactions.seedFirst()).scoreAfter()).contains(ExactScore.of(50));
  }

  @Test
  void anotherNaTreatmentCountsTheNaMetrics() {
    FormChange change = FormChange.builder().naTreatment(NaTreatment.AWARD_FULL).build();
    Rescored r = rescored(change, Interactions.seedFirst());
    assertThat(r.scoreAfter().orElseThrow().decimal().toPlainString()).isEqualTo("59.090909");
    assertThat(WhatIf.of(DEFAULTS, change).explain(Interactions.seedFirst(), r).get(0))
        .isEqualTo("NA answers (2) now count as met (award-full) instead of are excluded (exclude)");
  }

  @Test
  void aFailedMetricMadeFatalZeroesTheScoreAndFails() {
    Interaction passing = Interactions.seedFirst().toBuilder().passScore(30).build();
    FormChange change = FormChange.builder().metric("Policy", MetricChange.none().withFatal(true)).build();
    Rescored r = rescored(change, passing);
    assertThat(r.passedBefore()).contains(true);
    assertThat(r.scoreAfter()).contains(ExactScore.of(0));
    assertThat(r.flip()).isEqualTo(Flip.PASS_TO_FAIL);
    assertThat(WhatIf.of(DEFAULTS, change).explain(passing, r)).first().asString()
        .isEqualTo("metric 'Policy' (NO): made fatal, and it failed: the score is 0 and the interaction fails");
  }

  @Test
  void makingAMetricFatalLiftsANegativeScoreToZeroAsKoresRuleSays() {
    // Kore: "if a fatal metric fails, the score is 0". A score below 0 therefore rises to 0; it still fails.
    Interaction negative = Interactions.scored("c-neg", -50, 10, false, List.of(
        metric("Greeting", 10, Answer.YES), metric("Policy", 10, Answer.NO).withNegativeWeight(20)));
    Rescored r = rescored(FormChange.builder().metric("Policy", MetricChange.none().withFatal(true)).build(), negative);
    assertThat(r.scoreBefore()).isEqualTo(ExactScore.of(-50));
    assertThat(r.scoreAfter()).contains(ExactScore.of(0));
    assertThat(r.passedAfter()).contains(false);
    assertThat(r.flip()).isEqualTo(Flip.NONE);
  }

  @Test
  void droppingEveryMetricLeavesNoScoreAfter() {
    FormChange.Builder b = FormChange.builder();
    Interactions.seedFirst().metrics().forEach(m -> b.metric(m.name(), MetricChange.dropped()));
    Rescored r = rescored(b.build(), Interactions.seedFirst());
    assertThat(r.scoreAfter()).isEmpty();
    assertThat(r.passedAfter()).isEmpty();
    assertThat(r.flip()).isEqualTo(Flip.NONE);
    assertThat(r.affected()).isTrue();
  }

  @Test
  void aChangeForOneFormLeavesTheOthersAlone() {
    FormChange change = FormChange.builder().form("Voice QA").passScore(10).build();
    Interaction voice = Interactions.seedFirst().toBuilder().evaluationFormName("Voice QA ").build();
    Interaction chat = Interactions.seedSecond().toBuilder().evaluationFormName("Chat QA").build();
    assertThat(rescored(change, voice).flip()).isEqualTo(Flip.FAIL_TO_PASS);
    Rescored other = rescored(change, chat);
    assertThat(other.inScope()).isFalse();
    assertThat(other.affected()).isFalse();
    assertThat(rescored(change, Interactions.seedFirst()).inScope()).isFalse();
  }

  @Test
  void recordsWithNothingToRescoreAreSkippedWithTheirReason() {
    WhatIf whatIf = WhatIf.of(DEFAULTS, FormChange.builder().passScore(50).build());
    Interaction base = Interactions.seedFirst();
    assertThat(whatIf.evaluate(base.toBuilder().koreScore(KoreScore.notEvaluated()).build()))
        .isEqualTo(new Skipped(base.conversationId(), SkipCause.NOT_AUDITABLE,
            "not evaluated: Kore's score is null or \"NA\""));
    assertThat(((Skipped) whatIf.evaluate(base.toBuilder().durationStatus(DurationStatus.parse("below_threshold"))
        .build())).cause()).isEqualTo(SkipCause.NOT_AUDITABLE);
    assertThat(((Skipped) whatIf.evaluate(base.toBuilder().metrics(List.of()).build())).reason())
        .isEqualTo("no metrics");
    assertThat(((Skipped) whatIf.evaluate(base.toBuilder().metrics(List.of(metric("A", 10, Answer.NA))).build()))
        .reason()).isEqualTo("no applicable metric");
    Skipped invalid = (Skipped) whatIf.evaluate(base.toBuilder()
        .metrics(List.of(metric("A", 10, new Qualification.Unrecognised("Partial")))).build());
    assertThat(invalid.cause()).isEqualTo(SkipCause.INVALID);
    assertThat(invalid.reason()).isEqualTo("metric 'A' has an unrecognised qualification 'Partial'");
  }

  @Test
  void theSummaryCountsPassRatesFlipsAndShiftsPerGroup() {
    WhatIf whatIf = WhatIf.of(DEFAULTS, FormChange.builder().passScore(40)
        .metric("Policy", MetricChange.none().withWeight(0)).build());
    WhatIfAggregator aggregator = whatIf.newAggregator();
    List<Interaction> interactions = List.of(Interactions.seedFirst(), Interactions.seedSecond(),
        Interactions.seedFirst().toBuilder().koreScore(KoreScore.notEvaluated()).build());
    interactions.forEach(i -> aggregator.accept(i, whatIf.evaluate(i)));
    WhatIfSummary s = aggregator.summary();
    assertThat(s.interactions()).isEqualTo(3);
    assertThat(s.notAuditable()).isEqualTo(1);
    assertThat(s.rescored()).isEqualTo(2);
    assertThat(s.affected()).isEqualTo(2);
    assertThat(s.failToPass()).isEqualTo(2);
    assertThat(s.overall().passRateBefore()).hasValue(0);
    assertThat(s.overall().passRateAfter()).hasValue(1);
    assertThat(s.byAgent()).singleElement().satisfies(g -> {
      assertThat(g.key()).isEqualTo("Demo (a-5cd64b6-6634-4797-830d-e22c0474xxxx)");
      assertThat(g.flips()).isEqualTo(2);
      assertThat(g.meanShift()).hasValue(10);
    });
    assertThat(s.shifts().count(10, 11)).isEqualTo(2);
    assertThat(s.shifts().bins()).filteredOn(b -> b.label().equals("10 to 20")).singleElement()
        .extracting(ScoreShifts.Bin::count).isEqualTo(2L);
    assertThat(s.firstFlips()).hasSize(2);
    assertThat(s.firstFlips().get(0).reasons()).contains("pass score 70 -> 40");
    assertThat(s.namesAllFound()).isTrue();
    assertThat(WhatIfSummary.mostMoved(s.byQueue(), 5)).hasSize(1);
  }

  @Test
  void namesThatOccurNowhereAreReportedWithTheClosestNames() {
    WhatIf whatIf = WhatIf.of(DEFAULTS, FormChange.builder()
        .metric("Polcy", MetricChange.none().withFatal(true))
        .metric("Policy", MetricChange.none().withWeight(3)).build());
    WhatIfAggregator aggregator = whatIf.newAggregator();
    Interactions.seedSample().forEach(i -> aggregator.accept(i, whatIf.evaluate(i)));
    WhatIfSummary s = aggregator.summary();
    assertThat(s.namesAllFound()).isFalse();
    assertThat(s.unknownMetrics()).containsOnlyKeys("Polcy");
    assertThat(s.unknownMetrics().get("Polcy")).containsExactly("Policy", "QQQQQq", "playbook");
    assertThat(ClosestNames.of("polcy", List.of("Policy", "Greeting", "Customer Price"), 2))
        .containsExactly("Policy", "Greeting");

    WhatIf formed = WhatIf.of(DEFAULTS, FormChange.builder().form("Voice QA").passScore(10).build());
    WhatIfAggregator forms = formed.newAggregator();
    Interaction voice = Interactions.seedFirst().toBuilder().evaluationFormName("Voice QA v2").build();
    forms.accept(voice, formed.evaluate(voice));
    assertThat(forms.summary().unknownForm()).contains(List.of("Voice QA v2"));
  }

  @Test
  void mergingPartsGivesTheWholeAndRefusesAnotherWhatIf() {
    WhatIf whatIf = WhatIf.of(DEFAULTS, FormChange.builder().passScore(35).build());
    WhatIfAggregator whole = whatIf.newAggregator();
    WhatIfAggregator first = whatIf.newAggregator();
    WhatIfAggregator second = whatIf.newAggregator();
    whole.accept(Interactions.seedFirst(), whatIf.evaluate(Interactions.seedFirst()));
    whole.accept(Interactions.seedSecond(), whatIf.evaluate(Interactions.seedSecond()));
    first.accept(Interactions.seedFirst(), whatIf.evaluate(Interactions.seedFirst()));
    second.accept(Interactions.seedSecond(), whatIf.evaluate(Interactions.seedSecond()));
    assertThat(first.merge(second).summary()).isEqualTo(whole.summary());
    assertThatThrownBy(() -> whole.merge(WhatIf.of(DEFAULTS, FormChange.none()).newAggregator()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same what-if");
  }

  @Test
  void aChangeValidatesItsValues() {
    assertThatThrownBy(() -> FormChange.builder().passScore(101).build())
        .hasMessage("pass score must be between 0 and 100, was 101");
    assertThatThrownBy(() -> MetricChange.none().withWeight(-1)).hasMessage("weight must be >= 0, was -1");
    assertThatThrownBy(() -> FormChange.builder().metric("Policy", MetricChange.dropped())
        .metric("Policy ", MetricChange.none().withFatal(true)))
        .hasMessage("metric 'Policy' is named twice");
    assertThatThrownBy(() -> FormChange.builder().metric("Policy", MetricChange.none()).build())
        .hasMessage("metric 'Policy': the change is empty");
    assertThat(FormChange.builder().form("Voice QA").passScore(75)
        .metric("Policy", MetricChange.none().withWeight(40).withFatal(true)).build().describe())
        .isEqualTo("form 'Voice QA': pass score 75; 'Policy': weight 40, fatal");
    assertThat(Optional.of(FormChange.none()).map(FormChange::isEmpty)).contains(true);
  }
}
