package dev.korescore.cli.report;

import static java.util.Objects.requireNonNull;

import dev.korescore.cli.report.AuditReportModel.Contribution;
import dev.korescore.cli.report.AuditReportModel.DayRow;
import dev.korescore.cli.report.AuditReportModel.GroupRow;
import dev.korescore.cli.report.AuditReportModel.Headline;
import dev.korescore.cli.report.AuditReportModel.KindCount;
import dev.korescore.cli.report.AuditReportModel.MetricRow;
import dev.korescore.cli.report.AuditReportModel.PolicyShare;
import dev.korescore.cli.report.AuditReportModel.ProblemRow;
import dev.korescore.cli.report.AuditReportModel.ScoreBucket;
import dev.korescore.cli.report.AuditReportModel.ScoreCell;
import dev.korescore.core.model.Interaction;
import dev.korescore.scoring.AuditSummary;
import dev.korescore.scoring.DailyStats;
import dev.korescore.scoring.ExactScore;
import dev.korescore.scoring.Explanation;
import dev.korescore.scoring.GroupStats;
import dev.korescore.scoring.MetricContribution;
import dev.korescore.scoring.MetricStats;
import dev.korescore.scoring.PolicyInference;
import dev.korescore.scoring.ScoreHistogram;
import dev.korescore.scoring.Verdict;
import dev.korescore.scoring.VerdictKind;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Maps the scoring module's {@link AuditSummary} (and the report's own collector) to the page's model. */
final class ReportModels {
  private ReportModels() {}

  static AuditReportModel from(AuditSummary summary, Optional<AuditReportCollector> details, ReportHeader header) {
    requireNonNull(summary, "summary");
    requireNonNull(details, "details");
    requireNonNull(header, "header");
    List<KindCount> kinds = new ArrayList<>();
    for (VerdictKind kind : VerdictKind.values()) {
      if (kind != VerdictKind.MATCH) {
        kinds.add(new KindCount(kind.name(), summary.count(kind)));
      }
    }
    Optional<PolicyInference> inference = summary.inference();
    List<PolicyShare> shares = new ArrayList<>();
    inference.ifPresent(inf -> inf.shares().forEach(s ->
        shares.add(new PolicyShare(s.policy().describe(), s.description(), s.explained(), clampShare(s.share())))));
    Headline headline = new Headline(
        summary.interactions(),
        summary.auditable(),
        summary.count(VerdictKind.MATCH),
        kinds,
        summary.korePassRate(),
        summary.computedPassRate(),
        summary.policy().describe(),
        inference.flatMap(PolicyInference::best).map(s -> s.policy().describe()),
        shares,
        summary.repeatedIds().describe());

    List<ScoreCell> cells;
    String cellsNote;
    List<ProblemRow> problems;
    long problemsTotal = summary.problems();
    if (details.isPresent()) {
      cells = details.get().cells();
      cellsNote = "Every interaction with both scores is counted, the recomputed score rounded to whole points"
          + " (scores outside [-100, 100] are drawn at the edge).";
      problems = details.get().problems();
    } else {
      problems = new ArrayList<>();
      for (Verdict v : summary.firstProblems()) {
        problems.add(problemRow(v, Optional.empty()));
      }
      cells = problemCells(summary.firstProblems());
      cellsNote = "Only the first " + summary.firstProblems().size() + " score mismatches are plotted:"
          + " the per-interaction pairs were not collected for this report.";
    }
    problemsTotal = Math.max(problemsTotal, problems.size());

    List<ScoreBucket> buckets = new ArrayList<>();
    for (int i = 0; i < ScoreHistogram.BUCKETS; i++) {
      buckets.add(new ScoreBucket(ScoreHistogram.label(i), summary.koreScores().counts().get(i),
          summary.computedScores().counts().get(i)));
    }
    List<DayRow> days = new ArrayList<>();
    for (DailyStats d : summary.daily()) {
      OptionalDouble recomputed = details.flatMap(c -> c.averageRecomputed(d.day()))
          .map(OptionalDouble::of).orElse(OptionalDouble.empty());
      days.add(new DayRow(d.day(), d.interactions(), d.averageKoreScore(), recomputed));
    }
    List<MetricRow> metrics = new ArrayList<>();
    for (MetricStats m : summary.metrics()) {
      metrics.add(new MetricRow(m.name(), m.yes(), m.no(), m.na(), m.manual() + m.unrecognised(),
          m.involvedInMismatch()));
    }
    return new AuditReportModel(header.title(), header.generatedAt(), header.sources(), headline, cells, cellsNote,
        buckets, groups(summary.byAgent()), groups(summary.byQueue()), metrics, days, problems, problemsTotal);
  }

  private static double clampShare(double share) {
    return Math.max(0, Math.min(1, share));
  }

  private static List<GroupRow> groups(List<GroupStats> stats) {
    List<GroupRow> rows = new ArrayList<>(stats.size());
    for (GroupStats g : stats) {
      rows.add(new GroupRow(g.key(), g.interactions(), g.auditable(), g.mismatches(), g.korePassRate(),
          g.computedPassRate()));
    }
    return rows;
  }

  private static List<ScoreCell> problemCells(List<Verdict> problems) {
    Map<Long, long[]> cells = new java.util.HashMap<>();
    for (Verdict v : problems) {
      if (v instanceof Verdict.ScoreMismatch m) {
        int k = Math.max(-100, Math.min(100, m.koreScore()));
        int r = m.computed().clamp(-100, 100).toBigDecimal(0).intValue();
        cells.computeIfAbsent(((long) k << 32) | (r & 0xffffffffL), unused -> new long[1])[0]++;
      }
    }
    List<ScoreCell> out = new ArrayList<>();
    cells.forEach((key, c) -> out.add(new ScoreCell((int) (key >> 32), (int) (long) key, c[0], c[0])));
    return out;
  }

  /** One problem's row: from the verdict, and from the interaction when the caller still has it. */
  static ProblemRow problemRow(Verdict verdict, Optional<Interaction> interaction) {
    Explanation e = verdict.explanation();
    OptionalInt kore = verdict instanceof Verdict.ScoreMismatch m
        ? OptionalInt.of(m.koreScore())
        : interaction.map(i -> i.koreScore().value()).orElse(OptionalInt.empty());
    Optional<Boolean> korePassed = verdict instanceof Verdict.PassMismatch p
        ? Optional.of(p.korePassed())
        : interaction.flatMap(Interaction::passed);
    Optional<Boolean> computedPassed = verdict instanceof Verdict.PassMismatch p
        ? Optional.of(p.expectedPassed())
        : e.computedPassed();
    List<Contribution> contributions = new ArrayList<>();
    for (MetricContribution c : e.contributions()) {
      contributions.add(new Contribution(c.name(), c.qualification().wireText(), c.weight(), c.negativeWeight(),
          c.fatal(), signed(c.addedToNumerator()) + " / " + c.addedToDenominator() + " (" + c.note() + ")"));
    }
    boolean scored = !e.contributions().isEmpty() && e.denominator().signum() != 0;
    List<String> alternatives = e.alternatives();
    return new ProblemRow(
        verdict.conversationId().value(),
        verdict.kind().name(),
        interaction.map(Interaction::primaryAgentKey).orElse("\u2014"),
        interaction.map(Interaction::primaryQueueKey).orElse("\u2014"),
        interaction.flatMap(Interaction::startTime).map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC)),
        kore,
        e.score().map(ExactScore::decimal),
        interaction.map(Interaction::passScore).orElse(OptionalInt.empty()),
        korePassed,
        computedPassed,
        verdict.reasons(),
        alternatives.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", alternatives)),
        scored ? Optional.of(e.numerator().toString()) : Optional.empty(),
        scored ? Optional.of(e.denominator().toString()) : Optional.empty(),
        contributions);
  }

  private static String signed(long value) {
    return value > 0 ? "+" + value : Long.toString(value);
  }
}
