package dev.korescore.scoring;

import static dev.korescore.testkit.fixtures.Metrics.fatal;
import static dev.korescore.testkit.fixtures.Metrics.manual;
import static dev.korescore.testkit.fixtures.Metrics.no;
import static dev.korescore.testkit.fixtures.Metrics.yes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.core.model.ConversationId;
import dev.korescore.core.model.DuplicateKey;
import dev.korescore.core.model.DurationStatus;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.testkit.fixtures.Interactions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The record shapes Kore prints in its own documentation: each gets a verdict with its reason. */
class DocumentedShapesTest {
  private final KoreAuditor auditor = KoreAuditor.defaults();

  @Test
  void belowThresholdWithANullScoreAndUnansweredMetricsIsNotAuditableNamingTheStatus() {
    for (DurationStatus status : List.of(DurationStatus.Known.BELOW_THRESHOLD,
        DurationStatus.Known.DURATION_UNAVAILABLE)) {
      Interaction x = Interaction.builder("c-short").koreScore(KoreScore.notEvaluated()).fatalErrorCount(0)
          .durationStatus(status)
          .metrics(List.of(yes("Greeting", 28).withoutField(Metric.Field.QUALIFICATION),
              no("Sign-off", 27).withoutField(Metric.Field.QUALIFICATION)))
          .build();

      Verdict v = auditor.verify(x);

      assertThat(v).isInstanceOf(Verdict.NotAuditable.class);
      assertThat(((Verdict.NotAuditable) v).cause()).isEqualTo(Verdict.NotAuditableReason.DURATION_STATUS);
      assertThat(v.reasons()).containsExactly("duration status is '" + status.wireText() + "', not 'evaluated'");
      assertThat(auditor.score(x)).isEmpty();
    }
  }

  @Test
  void aMetricWithoutWeightMakesTheRecordNotAuditableNamingIt() {
    Interaction x = Interactions.scored("c-1", 75, 60, true,
        List.of(yes("Opening", 20), yes("Greeting", 10).withoutField(Metric.Field.WEIGHT), no("Close", 10)));

    Verdict v = auditor.verify(x);

    assertThat(v.kind()).isEqualTo(VerdictKind.NOT_AUDITABLE);
    assertThat(((Verdict.NotAuditable) v).cause()).isEqualTo(Verdict.NotAuditableReason.INCOMPLETE_METRIC);
    assertThat(v.reasons()).containsExactly("metric 2 ('Greeting') has no weight");
    assertThat(auditor.score(x)).isEmpty();
  }

  @Test
  void aMetricWithOnlyItsIdIsNamedByItsIdAndAnEvaluatedRecordWithoutAnAnswerIsNotAuditable() {
    Metric idOnly = yes("x", 10).withId("em-aac5").withoutField(Metric.Field.NAME).withoutField(Metric.Field.WEIGHT);
    assertThat(auditor.verify(Interactions.scored("c-1", 75, 60, true, List.of(idOnly))).reasons())
        .containsExactly("metric 1 ('em-aac5') has no weight");

    Metric nothing = yes("x", 10).withoutField(Metric.Field.NAME).withoutField(Metric.Field.QUALIFICATION);
    assertThat(auditor.verify(Interactions.scored("c-2", 75, 60, true, List.of(yes("A", 5), nothing))).reasons())
        .containsExactly("metric 2 has no qualification (answer)");
  }

  @Test
  void metricsWithoutNamesAreAuditedAndLabelledByIdElseByPosition() {
    Interaction x = Interactions.scored("c-1", 50, 60, false,
        List.of(yes("a", 10).withId("em-1").withoutField(Metric.Field.NAME), no("b", 10).withoutField(Metric.Field.NAME)));

    Verdict v = auditor.verify(x);

    assertThat(v.kind()).isEqualTo(VerdictKind.MATCH);
    assertThat(v.explanation().contributions()).extracting(MetricContribution::name)
        .containsExactly("em-1", "metric 2");
    assertThat(v.explanation().render("")).contains("em-1").contains("metric 2");
  }

  @Test
  void aRecordLevelFatalCountWithNoFatalMetricZeroesTheScoreAndFailsTheInteraction() {
    Interaction x = Interactions.scored("c-1", 0, 60, false, List.of(yes("Greeting", 28), no("Sign-off", 27)))
        .toBuilder().fatalErrorCount(2).build();

    Verdict v = auditor.verify(x);

    assertThat(v.kind()).isEqualTo(VerdictKind.MATCH);
    assertThat(auditor.score(x)).contains(ExactScore.of(0));
    assertThat(v.explanation().computedPassed()).contains(false);
    assertThat(v.explanation().fatalFromCount()).hasValue(2);
    assertThat(v.explanation().failedFatalMetric()).isEmpty();
    assertThat(v.explanation().render(""))
        .contains("-> score 0 (the record counts 2 fatal errors, though no failed metric is flagged isFatalError)");

    // Kore says it passed: the pass flag is wrong because of the count
    Interaction passed = x.toBuilder().passed(true).build();
    assertThat(auditor.verify(passed).reasons()).containsExactly("Kore's passed flag is true but the record counts 2"
        + " fatal errors, though no failed metric is flagged isFatalError, which fails the interaction");

    // without the fatal rule, the count does nothing: 28 of 55 is not 0
    KoreAuditor noFatal = KoreAuditor.withPolicy(ScoringPolicy.defaults().withFatalZeroes(false));
    Verdict mismatch = noFatal.verify(x);
    assertThat(mismatch.kind()).isEqualTo(VerdictKind.SCORE_MISMATCH);
    assertThat(mismatch.explanation().alternatives()).containsExactly("matches if a failed fatal metric made the score 0");
  }

  @Test
  void aFailedFatalMetricExplainsTheCountAndAMetFatalMetricDoesNot() {
    Interaction failed = Interactions.scored("c-1", 0, 60, false,
        List.of(yes("Greeting", 28), fatal("Disclosure", 27, Answer.NO))).toBuilder().fatalErrorCount(1).build();
    Verdict v = auditor.verify(failed);
    assertThat(v.kind()).isEqualTo(VerdictKind.MATCH);
    assertThat(v.explanation().failedFatalMetric()).contains("Disclosure");
    assertThat(v.explanation().fatalFromCount()).isEmpty();

    // a fatal metric that was met does not explain Kore's count of 1: the count still fails the interaction
    Interaction met = Interactions.scored("c-2", 0, 60, false,
        List.of(yes("Greeting", 28), fatal("Disclosure", 27, Answer.YES))).toBuilder().fatalErrorCount(1).build();
    assertThat(auditor.verify(met).kind()).isEqualTo(VerdictKind.MATCH);
    assertThat(auditor.verify(met).explanation().fatalFromCount()).hasValue(1);
    assertThat(auditor.score(met.toBuilder().fatalErrorCount(0).build())).contains(ExactScore.of(100));
  }

  @Test
  void anAuditedKeyGivenTwiceMakesTheRecordInvalidNamingIt() {
    Interaction x = Interactions.scored("c-1", 100, 60, true, List.of(yes("Greeting", 28)))
        .toBuilder().duplicateKeys(List.of(
            new DuplicateKey(Optional.of("Metrics[0] ('Greeting')"), "Metric Weight"),
            new DuplicateKey(Optional.empty(), "Pass Score")))
        .build();

    Verdict v = auditor.verify(x);

    assertThat(v).isInstanceOf(Verdict.Invalid.class);
    assertThat(v.reasons()).containsExactly("Metrics[0] ('Greeting'): \"Metric Weight\" is given twice (and 1 more key):"
        + " which value Kore meant cannot be told");
    assertThat(v.metric()).contains("Metrics[0] ('Greeting')");
  }

  @Test
  void repeatedConversationIdsAreCountedAndTheFirstNamedAlsoAcrossMergedAggregates() {
    Interaction a = Interactions.scored("c-a", 100, 60, true, List.of(yes("G", 1)));
    Interaction b = Interactions.scored("c-b", 100, 60, true, List.of(yes("G", 1), manual("M")));
    AuditAggregator one = auditor.newAggregator(false);
    for (Interaction x : List.of(a, b, b, a, b)) {
      one.accept(x, auditor.verify(x));
    }
    RepeatedIds repeated = one.summary().repeatedIds();
    assertThat(repeated.count()).isEqualTo(2);
    assertThat(repeated.first()).contains(ConversationId.of("c-b"));
    assertThat(repeated.describe()).contains("2 conversation ids appear more than once, the first c-b");

    AuditAggregator first = auditor.newAggregator(false);
    AuditAggregator second = auditor.newAggregator(false);
    first.accept(a, auditor.verify(a));
    second.accept(a, auditor.verify(a));
    second.accept(b, auditor.verify(b));
    assertThat(first.merge(second).summary().repeatedIds().count()).isEqualTo(1);
    assertThat(auditor.newAggregator(false).summary().repeatedIds()).isEqualTo(RepeatedIds.none());
  }
}
