package dev.korescore.report;

import static java.util.Objects.requireNonNull;

import dev.korescore.report.AuditReportModel.Contribution;
import dev.korescore.report.AuditReportModel.DayRow;
import dev.korescore.report.AuditReportModel.GroupRow;
import dev.korescore.report.AuditReportModel.Headline;
import dev.korescore.report.AuditReportModel.KindCount;
import dev.korescore.report.AuditReportModel.MetricRow;
import dev.korescore.report.AuditReportModel.PolicyShare;
import dev.korescore.report.AuditReportModel.ProblemRow;
import dev.korescore.report.AuditReportModel.ScoreBucket;
import dev.korescore.report.AuditReportModel.ScoreCell;
import dev.korescore.scoring.AuditSummary;
import dev.korescore.scoring.DailyStats;
import dev.korescore.scoring.ExactScore;
import dev.korescore.scoring.Explanation;
import dev.korescore.scoring.GroupStats;
import dev.korescore.scoring.MetricContribution;
import dev.korescore.scoring.MetricStats;
import dev.korescore.scoring.PolicyInference;
import dev.korescore.scoring.ProblemInteraction;
import dev.korescore.scoring.ScoreHistogram;
import dev.korescore.scoring.ScorePair;
import dev.korescore.scoring.Verdict;
import dev.korescore.scoring.VerdictKind;
import dev.korescore.scoring.WeeklyStats;
import dev.korescore.core.store.WeeklyChanges;
import java.time.LocalDate;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Maps the scoring module's {@link AuditSummary} to the page's model: a change of shape and words, no
 * counting of its own (every number comes from the summary).
 */
final class ReportModels {
  static final String SCORE_CELLS_NOTE =
      "Every interaction with both scores is counted, the recomputed score rounded to whole points"
          + " (scores outside [-100, 100] are drawn at the edge).";

  private ReportModels() {}

  static AuditReportModel from(AuditSummary summary, ReportHeader header) {
    requireNonNull(summary, "summary");
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

    List<ScoreCell> cells = new ArrayList<>(summary.scorePairs().size());
    for (ScorePair p : summary.scorePairs()) {
      cells.add(new ScoreCell(p.koreScore(), p.recomputedScore(), p.count(), p.mismatches()));
    }
    List<ProblemRow> problems = new ArrayList<>(summary.firstProblems().size());
    for (ProblemInteraction p : summary.firstProblems()) {
      problems.add(problemRow(p));
    }

    List<ScoreBucket> buckets = new ArrayList<>();
    for (int i = 0; i < ScoreHistogram.BUCKETS; i++) {
      buckets.add(new ScoreBucket(ScoreHistogram.label(i), summary.koreScores().counts().get(i),
          summary.computedScores().counts().get(i)));
    }
    List<DayRow> days = new ArrayList<>();
    for (DailyStats d : summary.daily()) {
      days.add(new DayRow(d.day(), d.interactions(), d.averageKoreScore(), d.averageRecomputedScore()));
    }
    List<MetricRow> metrics = new ArrayList<>();
    for (MetricStats m : summary.metrics()) {
      metrics.add(new MetricRow(m.name(), m.yes(), m.no(), m.na(), m.manual() + m.unrecognised(),
          m.involvedInMismatch()));
    }
    return new AuditReportModel(header.title(), header.generatedAt(), header.sources(), headline, cells,
        SCORE_CELLS_NOTE, buckets, groups(summary.byAgent()), groups(summary.byQueue()), metrics, days, problems,
        summary.problems());
  }

  static List<AuditReportModel.WeekRow> weeks(AuditSummary summary, List<WeeklyChanges> changes) {
    requireNonNull(summary, "summary");
    TreeMap<LocalDate, AuditReportModel.WeekRow> rows = new TreeMap<>();
    for (WeeklyStats w : summary.weekly()) {
      rows.put(w.weekStart(), new AuditReportModel.WeekRow(w.weekStart(), w.interactions(), w.korePassRate(),
          w.computedPassRate(), w.mismatches(), 0, 0));
    }
    for (WeeklyChanges c : changes) {
      AuditReportModel.WeekRow row = rows.get(c.weekStart());
      rows.put(c.weekStart(), row == null
          ? new AuditReportModel.WeekRow(c.weekStart(), 0, OptionalDouble.empty(), OptionalDouble.empty(), 0,
              c.rescored(), c.otherChanges())
          : new AuditReportModel.WeekRow(row.weekStart(), row.interactions(), row.korePassRate(),
              row.recomputedPassRate(), row.mismatches(), c.rescored(), c.otherChanges()));
    }
    return List.copyOf(rows.values());
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

  /** One problem's row: the verdict's explanation and the facts of its interaction. */
  static ProblemRow problemRow(ProblemInteraction problem) {
    Verdict verdict = problem.verdict();
    Explanation e = verdict.explanation();
    OptionalInt kore = verdict instanceof Verdict.ScoreMismatch m ? OptionalInt.of(m.koreScore()) : problem.koreScore();
    Optional<Boolean> korePassed = verdict instanceof Verdict.PassMismatch p
        ? Optional.of(p.korePassed())
        : problem.korePassed();
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
        problem.agent(),
        problem.queue(),
        problem.day(),
        kore,
        e.score().map(ExactScore::decimal),
        problem.passScore(),
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
