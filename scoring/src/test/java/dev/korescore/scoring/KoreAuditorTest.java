package dev.korescore.scoring;

import static dev.korescore.testkit.fixtures.Metrics.fatal;
import static dev.korescore.testkit.fixtures.Metrics.manual;
import static dev.korescore.testkit.fixtures.Metrics.metric;
import static dev.korescore.testkit.fixtures.Metrics.na;
import static dev.korescore.testkit.fixtures.Metrics.no;
import static dev.korescore.testkit.fixtures.Metrics.yes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.korescore.core.model.ConversationId;
import dev.korescore.core.model.DurationStatus;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.core.policy.NaTreatment;
import dev.korescore.core.policy.PassRule;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.testkit.fixtures.Interactions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KoreAuditorTest {
  private final KoreAuditor auditor = KoreAuditor.defaults();

  @Test
  void theSeedSamplesBothMatchWithScore40() {
    for (Interaction seed : Interactions.seedSample()) {
      assertThat(auditor.score(seed)).contains(ExactScore.of(40));
      Verdict verdict = auditor.verify(seed);
      assertThat(verdict).isInstanceOf(Verdict.Match.class);
      assertThat(verdict.conversationId()).isEqualTo(seed.conversationId());
      assertThat(verdict.explanation().numerator()).isEqualTo(BigInteger.valueOf(30));
      assertThat(verdict.explanation().denominator()).isEqualTo(BigInteger.valueOf(75));
      assertThat(verdict.explanation().computedPassed()).contains(false);
    }
    Verdict first = auditor.verify(Interactions.seedFirst());
    assertThat(first.explanation().contributions())
        .extracting(MetricContribution::note)
        .containsExactly("NA excluded", "not met", "not met", "NA excluded", "met");
    assertThat(first.explanation().render("  "))
        .contains("Customer Verification")
        .contains("points 30 / applicable weight 75 -> score 40")
        .contains("policy: na=exclude pass=at-least fatal=on clamp=on tolerance=0");
  }

  @Test
  void aFailedFatalMetricMakesTheScoreZeroAndFailsTheInteraction() {
    // Kore's documented rule: if a fatal metric fails, the score is 0 and the interaction fails.
    Interaction fatalFailed = Interactions.scored("c-fatal", 0, 60, false,
        List.of(yes("Greeting", 40), fatal("Disclosure read", 30, Answer.NO), yes("Closing", 30)));
    assertThat(auditor.score(fatalFailed)).contains(ExactScore.of(0));
    Verdict verdict = auditor.verify(fatalFailed);
    assertThat(verdict).isInstanceOf(Verdict.Match.class);
    assertThat(verdict.explanation().failedFatalMetric()).contains("Disclosure read");

    // Kore reporting the un-zeroed 70 is a mismatch that only "fatal off" explains.
    Interaction notZeroed = Interactions.scored("c-fatal-70", 70, 60, true,
        List.of(yes("Greeting", 40), fatal("Disclosure read", 30, Answer.NO), yes("Closing", 30)));
    Verdict mismatch = auditor.verify(notZeroed);
    assertThat(mismatch).isInstanceOf(Verdict.ScoreMismatch.class);
    assertThat(mismatch.reasons()).hasSize(2);
    assertThat(mismatch.reasons().get(0)).contains("fatal metric 'Disclosure read' failed");
    assertThat(mismatch.reasons().get(1)).contains("passed flag is true").contains("fails the interaction");
    assertThat(mismatch.explanation().alternatives())
        .containsExactly("matches if a failed fatal metric did not make the score 0");

    // Passing despite a failed fatal metric at score 0 and pass score 0 is a pass mismatch.
    Interaction passedAnyway = Interactions.scored("c-fatal-pass", 0, 0, true,
        List.of(fatal("Disclosure read", 30, Answer.NO), yes("Closing", 30)));
    Verdict pass = auditor.verify(passedAnyway);
    assertThat(pass).isInstanceOf(Verdict.PassMismatch.class);
    assertThat(pass.reasons().get(0)).contains("fatal metric 'Disclosure read' failed");
  }

  @Test
  void scoresAreCappedAtMinus100() {
    Interaction deep = Interactions.scored("c-deep", -100, 50, false,
        List.of(no("Agent Rude", 10).withNegativeWeight(50), yes("Greeting", 10)));
    // 100 x (10 - 50) / 20 = -200, clamped to -100
    assertThat(auditor.score(deep)).contains(ExactScore.of(-100));
    assertThat(auditor.verify(deep)).isInstanceOf(Verdict.Match.class);
    assertThat(KoreAuditor.withPolicy(ScoringPolicy.defaults().withClamp(false)).score(deep))
        .contains(ExactScore.of(-200));
  }

  @Test
  void koreIntegerMayBeTheExactScoreRoundedDownOrUp() {
    List<Metric> thirds = List.of(yes("A", 2), no("B", 1)); // 200/3 = 66.67
    assertThat(auditor.verify(Interactions.scored("c-66", 66, 50, true, thirds))).isInstanceOf(Verdict.Match.class);
    assertThat(auditor.verify(Interactions.scored("c-67", 67, 50, true, thirds))).isInstanceOf(Verdict.Match.class);
    Verdict off = auditor.verify(Interactions.scored("c-65", 65, 50, true, thirds));
    assertThat(off).isInstanceOf(Verdict.ScoreMismatch.class);
    assertThat(off.reasons().get(0))
        .isEqualTo("Kore's score 65 is neither the recomputed score 66.666667 rounded down (66) nor rounded up (67)");
    assertThat(KoreAuditor.withPolicy(ScoringPolicy.defaults().withTolerance(BigDecimal.ONE))
        .verify(Interactions.scored("c-65", 65, 50, true, thirds))).isInstanceOf(Verdict.Match.class);
  }

  @Test
  void aScoreOnlyAwardFullNaExplainsIsAMismatchThatSaysSo() {
    // 25 NA, 30 NO, 15 NO, 10 NA, 30 YES: award-full gives 100 x 65/110 = 59.09
    Interaction seedLike = Interactions.seedFirst().toBuilder().koreScore(59).build();
    Verdict verdict = auditor.verify(seedLike);
    assertThat(verdict).isInstanceOf(Verdict.ScoreMismatch.class);
    assertThat(verdict.explanation().alternatives()).containsExactly("matches if NA were awarded full weight");
    assertThat(verdict.explanation().explainingPolicies())
        .extracting(ScoringPolicy::naTreatment)
        .containsExactly(NaTreatment.AWARD_FULL);
    assertThat(verdict.explanation().render("")).contains("matches if NA were awarded full weight");

    Verdict underAwardFull =
        KoreAuditor.withPolicy(ScoringPolicy.defaults().withNaTreatment(NaTreatment.AWARD_FULL)).verify(seedLike);
    assertThat(underAwardFull).isInstanceOf(Verdict.Match.class);
  }

  @Test
  void aPassFlagOnlyGreaterThanExplainsIsAPassMismatchThatSaysSo() {
    // score 70 exactly at the pass score: >= passes, > fails; Kore says failed
    Interaction atThePassScore = Interactions.scored("c-70", 70, 70, false, List.of(yes("A", 70), no("B", 30)));
    Verdict verdict = auditor.verify(atThePassScore);
    assertThat(verdict).isInstanceOf(Verdict.PassMismatch.class);
    Verdict.PassMismatch pass = (Verdict.PassMismatch) verdict;
    assertThat(pass.korePassed()).isFalse();
    assertThat(pass.expectedPassed()).isTrue();
    assertThat(pass.reasons()).containsExactly("Kore's passed flag is false but the score 70 >= pass score 70 is true");
    assertThat(verdict.explanation().alternatives()).containsExactly("passes only under > (score > pass score)");
    assertThat(KoreAuditor.withPolicy(ScoringPolicy.defaults().withPassRule(PassRule.GREATER_THAN))
        .verify(atThePassScore)).isInstanceOf(Verdict.Match.class);
  }

  @Test
  void aMismatchNoPolicyExplainsSaysSo() {
    Verdict verdict = auditor.verify(Interactions.scored("c-odd", 90, 70, true, List.of(yes("A", 50), no("B", 50))));
    assertThat(verdict).isInstanceOf(Verdict.ScoreMismatch.class);
    assertThat(verdict.explanation().alternatives()).containsExactly(Explanation.NO_ALTERNATIVE);
  }

  @Test
  void recordsWithNothingToCheckAreNotAuditable() {
    assertNotAuditable(Interactions.seedFirst().toBuilder().koreScore(KoreScore.notEvaluated()).build(),
        Verdict.NotAuditableReason.NOT_EVALUATED, "not evaluated");
    assertNotAuditable(Interactions.seedFirst().toBuilder().durationStatus(DurationStatus.parse("below_threshold")).build(),
        Verdict.NotAuditableReason.DURATION_STATUS, "'below_threshold'");
    assertNotAuditable(Interactions.scored("c-none", 0, 50, false, List.of()),
        Verdict.NotAuditableReason.NO_METRICS, "no metrics");
    assertNotAuditable(Interactions.scored("c-na", 0, 50, false, List.of(na("A", 10), manual("B"))),
        Verdict.NotAuditableReason.NO_APPLICABLE_METRIC, "every metric is NA or manual");
    assertNotAuditable(Interactions.scored("c-zero", 0, 50, false, List.of(yes("A", 0), no("B", 0))),
        Verdict.NotAuditableReason.NO_APPLICABLE_METRIC, "sum to 0");
    assertThat(auditor.verify(Interactions.seedFirst().toBuilder().durationStatus(DurationStatus.parse("evaluated")).build()))
        .isInstanceOf(Verdict.Match.class);
  }

  private void assertNotAuditable(Interaction interaction, Verdict.NotAuditableReason cause, String text) {
    Verdict verdict = auditor.verify(interaction);
    assertThat(verdict).isInstanceOf(Verdict.NotAuditable.class);
    assertThat(((Verdict.NotAuditable) verdict).cause()).isEqualTo(cause);
    assertThat(verdict.reasons().get(0)).contains(text);
    assertThat(verdict.isProblem()).isFalse();
  }

  @Test
  void recordsThatCannotBeScoredAreInvalidAndNameTheMetric() {
    Verdict odd = auditor.verify(Interactions.scored("c-odd-q", 40, 50, false,
        List.of(yes("A", 10), metric("Hold Procedure", 10, new Qualification.Unrecognised("Partial")))));
    assertThat(odd).isInstanceOf(Verdict.Invalid.class);
    assertThat(odd.metric()).contains("Hold Procedure");
    assertThat(odd.reasons().get(0)).isEqualTo("metric 'Hold Procedure' has an unrecognised qualification 'Partial'");
    assertThat(auditor.score(Interactions.scored("c-odd-q", 40, 50, false,
        List.of(metric("Hold Procedure", 10, new Qualification.Unrecognised("Partial")))))).isEmpty();

    Verdict negative = auditor.verify(Interactions.scored("c-neg", 40, 50, false, List.of(yes("A", -10))));
    assertThat(negative.reasons().get(0)).isEqualTo("metric 'A' has a negative weight -10");
    Verdict negativeNegative =
        auditor.verify(Interactions.scored("c-negneg", 40, 50, false, List.of(no("B", 10).withNegativeWeight(-5))));
    assertThat(negativeNegative.reasons().get(0)).contains("negative \"negative weight\" -5");

    Interaction noPassScore = Interaction.builder("c-nopass").koreScore(100).passed(true)
        .metrics(List.of(yes("A", 10))).build();
    Verdict missing = auditor.verify(noPassScore);
    assertThat(missing).isInstanceOf(Verdict.Invalid.class);
    assertThat(missing.reasons().get(0)).contains("no pass score");
    assertThat(missing.isProblem()).isTrue();

    Interaction noPassAtAll = Interaction.builder("c-nopass-flag").koreScore(100).metrics(List.of(yes("A", 10))).build();
    assertThat(auditor.verify(noPassAtAll)).isInstanceOf(Verdict.Match.class);
  }

  @Test
  void naUnderCountAsFailStaysInTheDenominatorOnly() {
    KoreAuditor countAsFail = KoreAuditor.withPolicy(ScoringPolicy.defaults().withNaTreatment(NaTreatment.COUNT_AS_FAIL));
    // seed: 30 / (75 + 35) = 27.27
    assertThat(countAsFail.score(Interactions.seedFirst()))
        .contains(ExactScore.of(BigInteger.valueOf(3000), BigInteger.valueOf(110)));
  }

  @Test
  void theSummaryCountsGroupsAndKeepsTheFirstProblems() {
    Interaction mismatch = Interactions.seedFirst().toBuilder().koreScore(59).build();
    Interaction notEvaluated = Interactions.seedSecond().toBuilder().koreScore(KoreScore.notEvaluated()).build();
    AuditSummary summary = auditor.verifyAll(Stream.concat(Interactions.seedSample().stream(),
        Stream.of(mismatch, notEvaluated)));
    assertThat(summary.interactions()).isEqualTo(4);
    assertThat(summary.count(VerdictKind.MATCH)).isEqualTo(2);
    assertThat(summary.count(VerdictKind.SCORE_MISMATCH)).isEqualTo(1);
    assertThat(summary.count(VerdictKind.NOT_AUDITABLE)).isEqualTo(1);
    assertThat(summary.count(VerdictKind.INVALID)).isZero();
    assertThat(summary.allMatched()).isFalse();
    assertThat(summary.firstProblems()).hasSize(1);
    assertThat(summary.byAgent()).singleElement().satisfies(g -> {
      assertThat(g.key()).isEqualTo("Demo (a-5cd64b6-6634-4797-830d-e22c0474xxxx)");
      assertThat(g.interactions()).isEqualTo(4);
      assertThat(g.mismatches()).isEqualTo(1);
    });
    assertThat(summary.byQueue()).extracting(GroupStats::key).containsExactly("Technical Support  (qu-20e6d30-e133-4651-8b4a-7e82ea1dxxxx)");
    assertThat(summary.byChannel()).extracting(GroupStats::key).containsExactly("korevg");
    assertThat(summary.byForm()).extracting(GroupStats::key).containsExactly("(no form)");
    MetricStats policyMetric = summary.metrics().stream().filter(m -> m.name().equals("Policy")).findFirst().orElseThrow();
    assertThat(policyMetric.no()).isEqualTo(4);
    assertThat(policyMetric.involvedInMismatch()).isEqualTo(1);
    assertThat(summary.worstMetrics(3)).extracting(MetricStats::name).contains("Policy");
    assertThat(summary.koreScores().counts().get(ScoreHistogram.bucketOf(40))).isEqualTo(2);
    assertThat(summary.koreScores().counts().get(ScoreHistogram.bucketOf(59))).isEqualTo(1);
    assertThat(summary.computedScores().total()).isEqualTo(3);
    assertThat(summary.korePassRate()).hasValue(0.0);
    assertThat(summary.daily()).extracting(d -> d.day().toString()).containsExactly("2024-07-18", "2024-07-19");
    assertThat(summary.daily().get(0).interactions()).isEqualTo(2);
    assertThat(summary.daily().get(0).mismatches()).isEqualTo(1);
    assertThat(AuditSummary.worst(summary.byAgent(), 5)).hasSize(1);
  }

  @Test
  void theSummaryHoldsWhatTheReportsShowScorePairsDailyAveragesAndProblemRows() {
    Interaction mismatch = Interactions.seedFirst().toBuilder().koreScore(59).build();
    Interaction notEvaluated = Interactions.seedSecond().toBuilder().koreScore(KoreScore.notEvaluated()).build();
    AuditSummary summary = auditor.verifyAll(Stream.concat(Interactions.seedSample().stream(),
        Stream.of(mismatch, notEvaluated)));
    // Kore's score against the recomputed 40: two agree, one says 59; the not-evaluated one is in no cell.
    assertThat(summary.scorePairs()).containsExactly(new ScorePair(40, 40, 2, 0), new ScorePair(59, 40, 1, 1));
    DailyStats first = summary.daily().get(0);
    assertThat(first.averageKoreScore()).hasValue(49.5);
    assertThat(first.averageRecomputedScore()).hasValue(40.0);
    assertThat(summary.firstProblems()).singleElement().satisfies(p -> {
      assertThat(p.verdict().kind()).isEqualTo(VerdictKind.SCORE_MISMATCH);
      assertThat(p.agent()).isEqualTo("Demo (a-5cd64b6-6634-4797-830d-e22c0474xxxx)");
      assertThat(p.day()).map(Object::toString).contains("2024-07-18");
      assertThat(p.koreScore()).hasValue(59);
      assertThat(p.passScore()).isEqualTo(mismatch.passScore());
      assertThat(p.korePassed()).isEqualTo(mismatch.passed());
    });
  }

  @Test
  void scorePairsStayWithin201By201CellsAndDailyAveragesKeepFractions() {
    // 200/3 = 66.67 rounds to 67 in the pair and counts as 66.666667 in the day's average
    Instant day = Instant.parse("2024-07-18T10:00:00Z");
    Interaction twoThirds = Interactions.scored("c-2/3", 66, 50, true, List.of(yes("A", 2), no("B", 1)))
        .toBuilder().startTime(day).build();
    Interaction huge = Interactions.scored("c-huge", 300, 50, true, List.of(yes("A", 1)))
        .toBuilder().startTime(day).build();
    AuditAggregator aggregator = KoreAuditor.withPolicy(ScoringPolicy.defaults()).newAggregator(false);
    for (Interaction x : List.of(twoThirds, huge)) {
      aggregator.accept(x, auditor.verify(x));
    }
    AuditSummary summary = aggregator.summary();
    assertThat(summary.scorePairs()).containsExactly(new ScorePair(66, 67, 1, 0), new ScorePair(100, 100, 1, 1));
    assertThat(summary.daily()).singleElement().satisfies(d -> {
      assertThat(d.recomputedScoreSum()).isEqualByComparingTo("166.666667");
      assertThat(d.averageRecomputedScore().getAsDouble()).isCloseTo(83.3333335, within(1e-9));
    });
  }

  @Test
  void theAggregatorKeepsProblemsUpToItsOneLimit() {
    AuditAggregator aggregator = AuditAggregator.create(ScoringPolicy.defaults(), 2, false);
    for (int i = 0; i < 5; i++) {
      Interaction wrong = Interactions.seedFirst().toBuilder().conversationId(ConversationId.of("c-" + i)).koreScore(59).build();
      aggregator.accept(wrong, auditor.verify(wrong));
    }
    AuditSummary summary = aggregator.summary();
    assertThat(summary.problems()).isEqualTo(5);
    assertThat(summary.firstProblems()).extracting(p -> p.verdict().conversationId().value()).containsExactly("c-0", "c-1");
  }

  @Test
  void mergedAggregatesEqualOneAggregate() {
    List<Interaction> all = List.of(Interactions.seedFirst(), Interactions.seedFirst().toBuilder().koreScore(59).build(),
        Interactions.seedSecond(), Interactions.seedSecond().toBuilder().passed(true).build());
    AuditAggregator whole = auditor.newAggregator(true);
    all.forEach(i -> whole.accept(i, auditor.verify(i)));
    AuditAggregator left = auditor.newAggregator(true);
    AuditAggregator right = auditor.newAggregator(true);
    all.subList(0, 2).forEach(i -> left.accept(i, auditor.verify(i)));
    all.subList(2, 4).forEach(i -> right.accept(i, auditor.verify(i)));
    assertThat(left.merge(right).summary()).isEqualTo(whole.summary());
  }

  @Test
  void policyInferenceFindsTheVariantThatExplainsMost() {
    // Kore awarded NA full weight on both: 59 and (30+55)/(75+55) = 65.38 -> 65
    Stream<Interaction> awarded = Stream.of(
        Interactions.seedFirst().toBuilder().koreScore(59).build(),
        Interactions.seedSecond().toBuilder().koreScore(65).build());
    PolicyInference inference = auditor.inferPolicy(awarded);
    assertThat(inference.considered()).isEqualTo(2);
    PolicyInference.Share best = inference.best().orElseThrow();
    assertThat(best.policy().naTreatment()).isEqualTo(NaTreatment.AWARD_FULL);
    assertThat(best.share()).isEqualTo(1.0);
    assertThat(best.description()).isEqualTo("matches if NA were awarded full weight");
    assertThat(inference.shares()).hasSize(12);
    assertThat(inference.shares().stream().filter(s -> s.policy().equals(ScoringPolicy.defaults())).findFirst()
        .orElseThrow().explained()).isZero();
  }

  @Test
  void exactScoresPrintAsDecimals() {
    ExactScore twoThirds = ExactScore.of(BigInteger.valueOf(200), BigInteger.valueOf(3));
    assertThat(twoThirds.decimal().toPlainString()).isEqualTo("66.666667");
    assertThat(twoThirds.floor()).isEqualTo(BigInteger.valueOf(66));
    assertThat(twoThirds.ceiling()).isEqualTo(BigInteger.valueOf(67));
    ExactScore negative = ExactScore.of(BigInteger.valueOf(-200), BigInteger.valueOf(3));
    assertThat(negative.floor()).isEqualTo(BigInteger.valueOf(-67));
    assertThat(negative.ceiling()).isEqualTo(BigInteger.valueOf(-66));
    assertThat(ExactScore.of(BigInteger.valueOf(25), BigInteger.valueOf(2)).decimal().toPlainString()).isEqualTo("12.5");
    assertThat(ExactScore.of(40).decimal().toPlainString()).isEqualTo("40");
    assertThat(twoThirds.toBigDecimal(2)).isEqualByComparingTo("66.67");
  }
}
