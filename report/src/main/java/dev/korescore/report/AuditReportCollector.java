package dev.korescore.report;

import static java.util.Objects.requireNonNull;

import dev.korescore.report.AuditReportModel.ProblemRow;
import dev.korescore.report.AuditReportModel.ScoreCell;
import dev.korescore.core.model.Interaction;
import dev.korescore.scoring.ExactScore;
import dev.korescore.scoring.Verdict;
import dev.korescore.scoring.VerdictKind;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * What the HTML report needs beyond the scoring module's {@code AuditSummary}, gathered while the audit
 * streams: Kore's score against the recomputed score as a 2-D histogram (one counter per pair of whole
 * points, scores clamped to [-100, 100], so at most 201 x 201 cells whatever the number of
 * interactions), the daily average recomputed score, and the first problems with their agent, queue,
 * day, pass score and flags. Memory is bounded; no interaction is kept.
 *
 * <p>Feed it every interaction with its verdict, beside {@code AuditAggregator.accept}. Mutable and not
 * thread-safe: give each thread its own and {@link #merge} them in input order.
 */
public final class AuditReportCollector {
  /** Problems kept for the report's table unless told otherwise. */
  public static final int DEFAULT_PROBLEMS_KEPT = 500;

  private final int problemsKept;
  private final Map<Integer, long[]> cells = new HashMap<>();
  private final TreeMap<LocalDate, double[]> recomputedByDay = new TreeMap<>();
  private final List<ProblemRow> problems = new ArrayList<>();
  private long problemsSeen;

  private AuditReportCollector(int problemsKept) {
    if (problemsKept < 0) {
      throw new IllegalArgumentException("problemsKept must be >= 0, was " + problemsKept);
    }
    this.problemsKept = problemsKept;
  }

  /** A collector keeping the first {@value #DEFAULT_PROBLEMS_KEPT} problems. */
  public static AuditReportCollector create() {
    return new AuditReportCollector(DEFAULT_PROBLEMS_KEPT);
  }

  /** A collector keeping the first {@code problemsKept} problems. */
  public static AuditReportCollector create(int problemsKept) {
    return new AuditReportCollector(problemsKept);
  }

  /** Adds one interaction and the verdict the audit reached on it. */
  public void accept(Interaction interaction, Verdict verdict) {
    requireNonNull(interaction, "interaction");
    requireNonNull(verdict, "verdict");
    VerdictKind kind = verdict.kind();
    Optional<ExactScore> computed = verdict.explanation().score();
    OptionalInt kore = interaction.koreScore().value();
    if ((kind == VerdictKind.MATCH || kind.isMismatch()) && computed.isPresent() && kore.isPresent()) {
      int k = clamp(kore.getAsInt());
      int r = computed.get().clamp(-100, 100).toBigDecimal(0).intValue();
      long[] cell = cells.computeIfAbsent(key(k, r), unused -> new long[2]);
      cell[0]++;
      if (kind.isMismatch()) {
        cell[1]++;
      }
      interaction.startTime().ifPresent(start -> {
        double[] day = recomputedByDay.computeIfAbsent(LocalDate.ofInstant(start, ZoneOffset.UTC), d -> new double[2]);
        day[0] += computed.get().toBigDecimal(ExactScore.DECIMAL_PLACES).doubleValue();
        day[1]++;
      });
    }
    if (verdict.isProblem()) {
      problemsSeen++;
      if (problems.size() < problemsKept) {
        problems.add(ReportModels.problemRow(verdict, Optional.of(interaction)));
      }
    }
  }

  /** Adds {@code other}'s data to this collector and returns this; problems keep this one's first. */
  public AuditReportCollector merge(AuditReportCollector other) {
    requireNonNull(other, "other");
    other.cells.forEach((key, c) -> {
      long[] cell = cells.computeIfAbsent(key, unused -> new long[2]);
      cell[0] += c[0];
      cell[1] += c[1];
    });
    other.recomputedByDay.forEach((day, d) -> {
      double[] mine = recomputedByDay.computeIfAbsent(day, unused -> new double[2]);
      mine[0] += d[0];
      mine[1] += d[1];
    });
    for (ProblemRow row : other.problems) {
      if (problems.size() >= problemsKept) {
        break;
      }
      problems.add(row);
    }
    problemsSeen += other.problemsSeen;
    return this;
  }

  List<ScoreCell> cells() {
    List<ScoreCell> out = new ArrayList<>(cells.size());
    cells.forEach((key, c) -> out.add(new ScoreCell(key / 1000 - 500, key % 1000 - 500, c[0], c[1])));
    return out;
  }

  /** The average recomputed score of the day, when any interaction of that day was scored. */
  Optional<Double> averageRecomputed(LocalDate day) {
    double[] d = recomputedByDay.get(day);
    return d == null || d[1] == 0 ? Optional.empty() : Optional.of(d[0] / d[1]);
  }

  List<ProblemRow> problems() {
    return List.copyOf(problems);
  }

  long problemsSeen() {
    return problemsSeen;
  }

  private static int clamp(int score) {
    return Math.max(-100, Math.min(100, score));
  }

  private static int key(int kore, int recomputed) {
    return (kore + 500) * 1000 + (recomputed + 500);
  }
}
