package dev.korescore.report;

import dev.korescore.report.AuditReportModel.Contribution;
import dev.korescore.report.AuditReportModel.DayRow;
import dev.korescore.report.AuditReportModel.GroupRow;
import dev.korescore.report.AuditReportModel.Headline;
import dev.korescore.report.AuditReportModel.KindCount;
import dev.korescore.report.AuditReportModel.MetricRow;
import dev.korescore.report.AuditReportModel.PolicyShare;
import dev.korescore.report.AuditReportModel.ProblemRow;
import dev.korescore.report.AuditReportModel.ScoreCell;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Report models for the tests, with hostile strings wherever the data can carry text. */
final class ReportFixtures {
  /** Would set the page title if it ever ran. */
  static final String SCRIPT_AGENT = "<script>document.title='pwned-agent';window.pwned=1</script>";
  static final String IMG_QUEUE = "\"><img src=x onerror=\"document.title='pwned-queue'\">";
  static final String CLOSE_SCRIPT_METRIC = "</script><script>document.title='pwned-metric'</script>";
  static final String SEPARATORS_REASON = "line\u2028para\u2029end & <b>bold</b>";
  static final String HOSTILE_ID = "conv-<svg onload=\"document.title='pwned-id'\">";

  private ReportFixtures() {}

  static AuditReportModel hostile() {
    List<ProblemRow> problems = new ArrayList<>();
    problems.add(problem("c-001", "SCORE_MISMATCH", SCRIPT_AGENT, "Billing", 55, "40", 60, true, false,
        List.of("Kore's score 55 is neither 40 (floor) nor 40 (ceiling)"), CLOSE_SCRIPT_METRIC));
    problems.add(problem("c-002", "PASS_MISMATCH", "alice", IMG_QUEUE, 70, "70", 70, false, true,
        List.of(SEPARATORS_REASON), "Greeting"));
    problems.add(problem(HOSTILE_ID, "SCORE_MISMATCH", "bob", "Billing", -10, "12.5", 50, false, false,
        List.of("matches if NA were awarded full weight"), "Policy"));
    problems.add(problem("c-004", "INVALID", "carol", "Sales", 90, null, 80, true, null,
        List.of("metric 'X' has a negative weight -5"), "X"));
    problems.add(problem("c-005", "PASS_MISMATCH", "alice", "Sales", 80, "80", 80, false, true,
        List.of("passes only under >"), "Greeting"));
    return model(problems, 12);
  }

  static ProblemRow problem(String id, String verdict, String agent, String queue, int kore, String recomputed,
      int pass, Boolean korePassed, Boolean recomputedPassed, List<String> reasons, String metric) {
    return new ProblemRow(id, verdict, agent, queue, Optional.of(LocalDate.of(2026, 3, 2)), OptionalInt.of(kore),
        Optional.ofNullable(recomputed).map(BigDecimal::new), OptionalInt.of(pass), Optional.ofNullable(korePassed),
        Optional.ofNullable(recomputedPassed), reasons,
        verdict.equals("PASS_MISMATCH") ? Optional.of("passes only under >") : Optional.empty(),
        Optional.of("30"), Optional.of("75"),
        List.of(new Contribution(metric, "YES", 30, 0, false, "+30 / 30"),
            new Contribution("Empathy", "NO", 15, 5, true, "-5 / 15"),
            new Contribution("Hold", "NA", 25, 0, false, "excluded")));
  }

  static List<AuditReportModel.ScoreBucket> buckets() {
    List<AuditReportModel.ScoreBucket> buckets = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int low = -100 + 10 * i;
      buckets.add(new AuditReportModel.ScoreBucket(low + ".." + (i == 19 ? 100 : low + 9),
          i < 8 ? 0 : (i - 7) * 100L, i < 8 ? 0 : (i - 7) * 100L + (i % 3) * 10));
    }
    return buckets;
  }

  static AuditReportModel model(List<ProblemRow> problems, long problemsTotal) {
    Headline headline = new Headline(12_345, 12_000, 11_988,
        List.of(new KindCount("SCORE_MISMATCH", 7), new KindCount("PASS_MISMATCH", 5),
            new KindCount("NOT_AUDITABLE", 345), new KindCount("INVALID", 0)),
        OptionalDouble.of(0.8125), OptionalDouble.of(0.8),
        "na=exclude pass=at-least fatal=on clamp=on tolerance=0",
        Optional.of("na=exclude pass=greater-than fatal=on clamp=on tolerance=0"),
        List.of(new PolicyShare("na=exclude pass=greater-than fatal=on clamp=on tolerance=0", "passes only under >", 11_995, 0.9996),
            new PolicyShare("na=award-full pass=at-least fatal=on clamp=on tolerance=0", "<i>NA</i> awarded full weight", 2_000, 0.1667)));
    List<ScoreCell> cells = new ArrayList<>();
    for (int s = -20; s <= 100; s += 5) {
      cells.add(new ScoreCell(s, s, 10 + Math.abs(s), 0));
    }
    cells.add(new ScoreCell(55, 40, 3, 3));
    cells.add(new ScoreCell(-10, 13, 1, 1));
    List<GroupRow> agents = List.of(
        new GroupRow(SCRIPT_AGENT, 400, 390, 12, OptionalDouble.of(0.7), OptionalDouble.of(0.66)),
        new GroupRow("alice", 5000, 4900, 4, OptionalDouble.of(0.85), OptionalDouble.of(0.85)),
        new GroupRow("bob", 3000, 2900, 0, OptionalDouble.of(0.9), OptionalDouble.of(0.9)));
    List<GroupRow> queues = List.of(
        new GroupRow(IMG_QUEUE, 700, 690, 9, OptionalDouble.of(0.5), OptionalDouble.of(0.45)),
        new GroupRow("Billing", 8000, 7900, 3, OptionalDouble.of(0.8), OptionalDouble.of(0.8)),
        new GroupRow("Sales", 3645, 3410, 0, OptionalDouble.empty(), OptionalDouble.empty()));
    List<MetricRow> metrics = List.of(
        new MetricRow(CLOSE_SCRIPT_METRIC, 900, 80, 20, 0, 6),
        new MetricRow("Greeting", 11_000, 1_000, 300, 45, 5),
        new MetricRow("Empathy", 6_000, 6_000, 0, 0, 2));
    List<DayRow> days = new ArrayList<>();
    for (int d = 1; d <= 10; d++) {
      days.add(new DayRow(LocalDate.of(2026, 3, d), 1000 + d * 37,
          OptionalDouble.of(60 + d), OptionalDouble.of(59.5 + d)));
    }
    return new AuditReportModel("korescore audit", Optional.of(Instant.parse("2026-03-11T08:00:00Z")),
        List.of("march.jsonl", "april<script>.jsonl"), headline, cells,
        "Cells are whole points; every auditable interaction is counted.", buckets(), agents, queues, metrics, days,
        problems, problemsTotal);
  }
}
