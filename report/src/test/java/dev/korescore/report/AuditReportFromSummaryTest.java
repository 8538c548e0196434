package dev.korescore.report;

import static dev.korescore.testkit.fixtures.Metrics.metric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.report.AuditReportModel.ProblemRow;
import dev.korescore.report.AuditReportModel.ScoreCell;
import dev.korescore.core.model.Agent;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.core.model.Queue;
import dev.korescore.scoring.AuditAggregator;
import dev.korescore.scoring.AuditSummary;
import dev.korescore.scoring.KoreAuditor;
import dev.korescore.scoring.VerdictKind;
import dev.korescore.testkit.fixtures.Interactions;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report drawn from a real audit: everything on the page comes from the scoring module's summary. */
class AuditReportFromSummaryTest {
  private final KoreAuditor auditor = KoreAuditor.defaults();

  private AuditAggregator aggregate(List<Interaction> interactions, int problemsKept) {
    AuditAggregator aggregator = AuditAggregator.create(auditor.policy(), problemsKept, true);
    for (Interaction interaction : interactions) {
      aggregator.accept(interaction, auditor.verify(interaction));
    }
    return aggregator;
  }

  private AuditSummary audit(List<Interaction> interactions, int problemsKept) {
    return aggregate(interactions, problemsKept).summary();
  }

  @Test
  void aGeneratedAuditMapsToThePageModelWithBoundedDetail() {
    List<Interaction> interactions = InteractionGenerator.builder().seed(7).count(3000).discrepancyShare(0.05).build()
        .stream().map(GeneratedInteraction::interaction).toList();
    AuditSummary summary = audit(interactions, 40);
    AuditReportModel model = HtmlAuditReport.model(summary,
        ReportHeader.of(List.of("generated.jsonl"), Instant.parse("2026-01-02T03:04:05Z")));

    assertThat(model.headline().interactions()).isEqualTo(3000);
    assertThat(model.headline().auditable()).isEqualTo(summary.auditable());
    assertThat(model.headline().problemsByKind()).extracting(AuditReportModel.KindCount::kind)
        .containsExactly("SCORE_MISMATCH", "PASS_MISMATCH", "NOT_AUDITABLE", "INVALID");
    assertThat(summary.mismatches()).isPositive();
    // Every auditable interaction is in exactly one scatter cell; the mismatching ones are flagged.
    assertThat(model.scoreCells().stream().mapToLong(ScoreCell::count).sum()).isEqualTo(summary.auditable());
    assertThat(model.scoreCells().stream().mapToLong(ScoreCell::problems).sum()).isEqualTo(summary.mismatches());
    assertThat(model.scoreCells().size()).isLessThanOrEqualTo(201 * 201);
    // The table keeps the first 40 problems, and says how many there are.
    assertThat(model.problems()).hasSize((int) Math.min(40, summary.problems()));
    assertThat(model.problemsTotal()).isEqualTo(summary.problems());
    ProblemRow first = model.problems().get(0);
    assertThat(first.agent()).isNotEqualTo("\u2014");
    assertThat(first.passScore()).isPresent();
    assertThat(model.days()).isNotEmpty().allSatisfy(d -> assertThat(d.averageRecomputedScore()).isPresent());
    assertThat(model.headline().inferredPolicy()).isPresent();
    assertThat(model.scoreBuckets()).hasSize(20);

    String html = HtmlAuditReport.render(model);
    assertThat(html).contains("<span class=\"source\">generated.jsonl</span>", "on 2026-01-02T03:04:05Z");
    assertThat(html).contains("The first 40 of " + Format.count(summary.problems()) + " problem interactions.");
  }

  @Test
  void aProblemRowExplainsEachMetricAndKeepsTheInteractionContext() {
    Interaction wrong = Interactions.scored("c-9", 55, 50, true,
            List.of(metric("Greeting", 30, Answer.YES), metric("Policy", 15, Answer.NO), metric("Hold", 25, Answer.NA),
                metric("Closing", 30, Answer.NO)))
        .toBuilder()
        .agents(List.of(Agent.of("a-1", "<script>alert(1)</script>")))
        .queues(List.of(Queue.of("q-1", "Billing")))
        .build();
    AuditSummary summary = audit(List.of(Interactions.seedFirst(), wrong), 10);
    assertThat(summary.count(VerdictKind.SCORE_MISMATCH)).isEqualTo(1);
    ProblemRow row = HtmlAuditReport.model(summary, ReportHeader.untitled()).problems().get(0);
    assertThat(row.conversationId()).isEqualTo("c-9");
    assertThat(row.verdict()).isEqualTo("SCORE_MISMATCH");
    assertThat(row.agent()).isEqualTo("<script>alert(1)</script> (a-1)");
    assertThat(row.queue()).isEqualTo("Billing (q-1)");
    assertThat(row.koreScore()).hasValue(55);
    assertThat(row.recomputedScore()).hasValueSatisfying(s -> assertThat(s).isEqualByComparingTo("40"));
    assertThat(row.passScore()).hasValue(50);
    assertThat(row.korePassed()).contains(true);
    assertThat(row.recomputedPassed()).contains(false);
    assertThat(row.numerator()).contains("30");
    assertThat(row.denominator()).contains("75");
    assertThat(row.contributions()).extracting(AuditReportModel.Contribution::metric)
        .containsExactly("Greeting", "Policy", "Hold", "Closing");
    assertThat(row.contributions().get(0).effect()).startsWith("+30 / 30");
    assertThat(row.contributions().get(2).effect()).startsWith("0 / 0");
    assertThat(row.reasons()).isNotEmpty();
  }

  @Test
  void thePageOfMergedPartialAuditsIsThePageOfOneAudit(@TempDir Path dir) throws Exception {
    List<Interaction> interactions = InteractionGenerator.builder().seed(3).count(500).discrepancyShare(0.1).build()
        .stream().map(GeneratedInteraction::interaction).toList();
    AuditSummary whole = audit(interactions, 30);
    AuditSummary merged = aggregate(interactions.subList(0, 200), 30)
        .merge(aggregate(interactions.subList(200, 500), 30)).summary();
    assertThat(merged).isEqualTo(whole);

    Path file = dir.resolve("report.html");
    HtmlAuditReport.write(merged, ReportHeader.untitled(), file);
    assertThat(Files.readString(file)).isEqualTo(HtmlAuditReport.render(HtmlAuditReport.model(whole, ReportHeader.untitled())))
        .contains("id=\"chart-scatter\"", "The first 30 of " + Format.count(whole.problems()) + " problem interactions.");
  }
}
