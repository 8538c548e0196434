package dev.korescore.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.store.WeeklyChanges;
import dev.korescore.scoring.AuditAggregator;
import dev.korescore.scoring.AuditSummary;
import dev.korescore.scoring.KoreAuditor;
import dev.korescore.testkit.fixtures.Interactions;
import dev.korescore.testkit.fixtures.Metrics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An audit over a store gains weekly trends: the audit's weeks joined with the store's re-scores. */
class TrendsReportTest {
  private static AuditSummary summary() {
    KoreAuditor auditor = KoreAuditor.defaults();
    AuditAggregator aggregator = auditor.newAggregator(false);
    for (Interaction x : List.of(
        Interactions.scored("a", 60, 60, true, List.of(Metrics.yes("Greeting", 60), Metrics.no("Closing", 40)))
            .toBuilder().startTime(Instant.parse("2024-07-15T10:00:00Z")).build(),
        Interactions.scored("b", 70, 60, true, List.of(Metrics.yes("Greeting", 60), Metrics.no("Closing", 40)))
            .toBuilder().startTime(Instant.parse("2024-07-23T10:00:00Z")).build())) {
      aggregator.accept(x, auditor.verify(x));
    }
    return aggregator.summary();
  }

  @Test
  void weeksJoinTheAuditAndTheStoreChanges() {
    List<AuditReportModel.WeekRow> weeks = HtmlAuditReport.weeks(summary(), List.of(
        new WeeklyChanges(LocalDate.parse("2024-07-22"), 3, 1),
        new WeeklyChanges(LocalDate.parse("2024-07-29"), 2, 0)));
    assertThat(weeks).extracting(AuditReportModel.WeekRow::weekStart).containsExactly(
        LocalDate.parse("2024-07-15"), LocalDate.parse("2024-07-22"), LocalDate.parse("2024-07-29"));
    assertThat(weeks.get(0).rescored()).isZero();
    assertThat(weeks.get(1).mismatches()).isEqualTo(1);
    assertThat(weeks.get(1).rescored()).isEqualTo(3);
    assertThat(weeks.get(2).interactions()).isZero();
    assertThat(weeks.get(2).rescored()).isEqualTo(2);
  }

  @Test
  void thePageHasATrendsSectionOnlyFromAStore() {
    AuditSummary summary = summary();
    AuditReportModel plain = HtmlAuditReport.model(summary, ReportHeader.untitled());
    assertThat(HtmlAuditReport.render(plain)).doesNotContain("id=\"trends\"");
    String html = HtmlAuditReport.render(plain.withWeeks(HtmlAuditReport.weeks(summary,
        List.of(new WeeklyChanges(LocalDate.parse("2024-07-22"), 3, 1)))));
    assertThat(html).contains("<section id=\"trends\">", "<a href=\"#trends\">Trends</a>",
        "<tr><td>2024-07-22</td><td class=\"num\">1</td><td class=\"num\">100.0%</td><td class=\"num\">100.0%</td>"
            + "<td class=\"num\">1</td><td class=\"num\">3</td><td class=\"num\">1</td></tr>");
  }
}
