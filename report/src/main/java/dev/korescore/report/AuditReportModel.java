package dev.korescore.report;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Everything the HTML audit report shows, already aggregated: a bounded view of an audit, whatever the
 * number of interactions. Build one by hand, or from the scoring summary with {@link HtmlAuditReport}.
 *
 * @param title the page title, e.g. {@code "korescore audit"}
 * @param generatedAt when the report was made, shown in the page footer when present
 * @param sources what was audited (file names, a date range), shown under the title
 * @param headline the headline numbers
 * @param scoreCells Kore's score against the recomputed score, as a 2-D histogram (one cell per pair)
 * @param scoreCellsNote how the scatter's cells were gathered (e.g. "every auditable interaction")
 * @param scoreBuckets Kore's and the recomputed score distribution, lowest bucket first
 * @param agents per-agent rows
 * @param queues per-queue rows
 * @param metrics per-metric rows
 * @param days daily volume and average scores, in date order
 * @param problems the problem interactions kept for the table (the first N)
 * @param problemsTotal how many problem interactions the audit found in all ({@code >= problems.size()})
 */
public record AuditReportModel(
    String title,
    Optional<Instant> generatedAt,
    List<String> sources,
    Headline headline,
    List<ScoreCell> scoreCells,
    String scoreCellsNote,
    List<ScoreBucket> scoreBuckets,
    List<GroupRow> agents,
    List<GroupRow> queues,
    List<MetricRow> metrics,
    List<DayRow> days,
    List<ProblemRow> problems,
    long problemsTotal,
    List<WeekRow> weeks) {

  public AuditReportModel {
    requireNonNull(title, "title");
    requireNonNull(generatedAt, "generatedAt");
    sources = List.copyOf(sources);
    requireNonNull(headline, "headline");
    scoreCells = List.copyOf(scoreCells);
    requireNonNull(scoreCellsNote, "scoreCellsNote");
    scoreBuckets = List.copyOf(scoreBuckets);
    agents = List.copyOf(agents);
    queues = List.copyOf(queues);
    metrics = List.copyOf(metrics);
    days = List.copyOf(days);
    problems = List.copyOf(problems);
    weeks = List.copyOf(weeks);
    if (problemsTotal < problems.size()) {
      throw new IllegalArgumentException(
          "problemsTotal must be >= the " + problems.size() + " problems kept, was " + problemsTotal);
    }
  }

  /** A model without weekly trends (an audit of files or of a fetch). */
  public AuditReportModel(String title, Optional<Instant> generatedAt, List<String> sources, Headline headline,
      List<ScoreCell> scoreCells, String scoreCellsNote, List<ScoreBucket> scoreBuckets, List<GroupRow> agents,
      List<GroupRow> queues, List<MetricRow> metrics, List<DayRow> days, List<ProblemRow> problems,
      long problemsTotal) {
    this(title, generatedAt, sources, headline, scoreCells, scoreCellsNote, scoreBuckets, agents, queues, metrics,
        days, problems, problemsTotal, List.of());
  }

  /** This model with weekly trends (an audit over a store): the page gains a Trends section. */
  public AuditReportModel withWeeks(List<WeekRow> newWeeks) {
    return new AuditReportModel(title, generatedAt, sources, headline, scoreCells, scoreCellsNote, scoreBuckets,
        agents, queues, metrics, days, problems, problemsTotal, newWeeks);
  }

  /**
   * The headline numbers.
   *
   * @param interactions interactions read
   * @param auditable interactions that could be audited ({@code <= interactions})
   * @param matches auditable interactions whose score and pass flag agree
   * @param problemsByKind count per verdict other than a match (e.g. SCORE_MISMATCH, NOT_AUDITABLE)
   * @param reportedPassRate Kore's pass rate over the auditable interactions, in [0, 1]
   * @param recomputedPassRate the recomputed pass rate over the same interactions, in [0, 1]
   * @param policyUsed the scoring policy of the audit, described
   * @param inferredPolicy the policy variant that explains most records, when inference ran
   * @param policyShares each policy variant and the share of records it explains, best first
   * @param repeatedIds conversation ids that appear more than once, in words, when any does
   */
  public record Headline(
      long interactions,
      long auditable,
      long matches,
      List<KindCount> problemsByKind,
      OptionalDouble reportedPassRate,
      OptionalDouble recomputedPassRate,
      String policyUsed,
      Optional<String> inferredPolicy,
      List<PolicyShare> policyShares,
      Optional<String> repeatedIds) {

    /** A headline with no repeated conversation id. */
    public Headline(
        long interactions, long auditable, long matches, List<KindCount> problemsByKind,
        OptionalDouble reportedPassRate, OptionalDouble recomputedPassRate, String policyUsed,
        Optional<String> inferredPolicy, List<PolicyShare> policyShares) {
      this(interactions, auditable, matches, problemsByKind, reportedPassRate, recomputedPassRate, policyUsed,
          inferredPolicy, policyShares, Optional.empty());
    }

    public Headline {
      nonNegative("interactions", interactions);
      nonNegative("auditable", auditable);
      nonNegative("matches", matches);
      if (auditable > interactions) {
        throw new IllegalArgumentException(
            "auditable must be <= interactions (" + interactions + "), was " + auditable);
      }
      if (matches > auditable) {
        throw new IllegalArgumentException("matches must be <= auditable (" + auditable + "), was " + matches);
      }
      problemsByKind = List.copyOf(problemsByKind);
      checkShare("reportedPassRate", reportedPassRate);
      checkShare("recomputedPassRate", recomputedPassRate);
      requireNonNull(policyUsed, "policyUsed");
      requireNonNull(inferredPolicy, "inferredPolicy");
      policyShares = List.copyOf(policyShares);
      requireNonNull(repeatedIds, "repeatedIds");
    }
  }

  /** How many interactions got one kind of verdict, e.g. {@code SCORE_MISMATCH}. */
  public record KindCount(String kind, long count) {
    public KindCount {
      requireNonNull(kind, "kind");
      nonNegative("count", count);
    }
  }

  /**
   * A policy variant and the share of the records it explains.
   *
   * @param policy the variant, described
   * @param description how it differs from the audit's policy, in words
   * @param explained records it makes a match
   * @param share explained over the records considered, in [0, 1]
   */
  public record PolicyShare(String policy, String description, long explained, double share) {
    public PolicyShare {
      requireNonNull(policy, "policy");
      requireNonNull(description, "description");
      nonNegative("explained", explained);
      checkShare("share", OptionalDouble.of(share));
    }
  }

  /**
   * One cell of the Kore-versus-recomputed histogram.
   *
   * @param koreScore Kore's integer score
   * @param recomputedScore the recomputed score rounded to the nearest whole point
   * @param count interactions in the cell ({@code > 0})
   * @param problems how many of them are a score or pass mismatch ({@code <= count})
   */
  public record ScoreCell(int koreScore, int recomputedScore, long count, long problems) {
    public ScoreCell {
      if (count <= 0) {
        throw new IllegalArgumentException("count must be > 0, was " + count);
      }
      if (problems < 0 || problems > count) {
        throw new IllegalArgumentException("problems must be in [0, " + count + "], was " + problems);
      }
    }
  }

  /**
   * One bucket of the score distributions.
   *
   * @param label the bucket's range, e.g. {@code "40..49"}
   * @param kore interactions whose Kore score falls in it
   * @param recomputed interactions whose recomputed score falls in it
   */
  public record ScoreBucket(String label, long kore, long recomputed) {
    public ScoreBucket {
      requireNonNull(label, "label");
      nonNegative("kore", kore);
      nonNegative("recomputed", recomputed);
    }
  }

  /**
   * One agent or queue.
   *
   * @param key the agent's or queue's id or name, exact text
   * @param interactions interactions of this group
   * @param auditable the auditable ones
   * @param mismatches score or pass mismatches among them
   * @param reportedPassRate Kore's pass rate, in [0, 1]
   * @param recomputedPassRate the recomputed pass rate, in [0, 1]
   */
  public record GroupRow(
      String key,
      long interactions,
      long auditable,
      long mismatches,
      OptionalDouble reportedPassRate,
      OptionalDouble recomputedPassRate) {
    public GroupRow {
      requireNonNull(key, "key");
      nonNegative("interactions", interactions);
      nonNegative("auditable", auditable);
      nonNegative("mismatches", mismatches);
      if (mismatches > auditable) {
        throw new IllegalArgumentException(
            "mismatches must be <= auditable (" + auditable + ") for '" + key + "', was " + mismatches);
      }
      checkShare("reportedPassRate", reportedPassRate);
      checkShare("recomputedPassRate", recomputedPassRate);
    }

    /** Mismatches over auditable interactions, empty when none is auditable. */
    public OptionalDouble mismatchRate() {
      return auditable == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) mismatches / auditable);
    }
  }

  /**
   * One metric (by name) across the audit.
   *
   * @param name the metric's name, exact text
   * @param yes answers YES
   * @param no answers NO
   * @param na answers NA
   * @param other manual ({@code -}) or unrecognised answers
   * @param mismatchInvolved how many mismatching interactions this metric took part in
   */
  public record MetricRow(String name, long yes, long no, long na, long other, long mismatchInvolved) {
    public MetricRow {
      requireNonNull(name, "name");
      nonNegative("yes", yes);
      nonNegative("no", no);
      nonNegative("na", na);
      nonNegative("other", other);
      nonNegative("mismatchInvolved", mismatchInvolved);
    }

    /** Every answer of the metric: YES, NO, NA and the others. */
    public long total() {
      return yes + no + na + other;
    }
  }

  /**
   * One ISO week (Monday, UTC) of an audit over a store: interactions that started in it, Kore's and the
   * recomputed pass rates, mismatches, and the versions the store observed in it (re-scores and manual
   * audits; other changes).
   */
  public record WeekRow(LocalDate weekStart, long interactions, OptionalDouble korePassRate,
      OptionalDouble recomputedPassRate, long mismatches, long rescored, long otherChanges) {
    public WeekRow {
      requireNonNull(weekStart, "weekStart");
      nonNegative("interactions", interactions);
      requireNonNull(korePassRate, "korePassRate");
      requireNonNull(recomputedPassRate, "recomputedPassRate");
      nonNegative("mismatches", mismatches);
      nonNegative("rescored", rescored);
      nonNegative("otherChanges", otherChanges);
    }
  }

  /** One day (UTC): interactions and average scores of the scored ones. */
  public record DayRow(
      LocalDate day, long interactions, OptionalDouble averageKoreScore, OptionalDouble averageRecomputedScore) {
    public DayRow {
      requireNonNull(day, "day");
      nonNegative("interactions", interactions);
      requireNonNull(averageKoreScore, "averageKoreScore");
      requireNonNull(averageRecomputedScore, "averageRecomputedScore");
    }
  }

  /**
   * One problem interaction and its explanation.
   *
   * @param conversationId Kore's conversation id
   * @param verdict the verdict's kind, e.g. {@code SCORE_MISMATCH}
   * @param agent the primary agent's key
   * @param queue the primary queue's key
   * @param day the day it started (UTC), when known
   * @param koreScore Kore's score, when evaluated
   * @param recomputedScore the exact recomputed score, when computable
   * @param passScore the form's pass score
   * @param korePassed Kore's pass flag
   * @param recomputedPassed the recomputed pass flag
   * @param reasons the verdict's reasons, one sentence each
   * @param explainedBy what other policy would explain Kore's values, if any
   * @param numerator the score's numerator (weights), when computable
   * @param denominator the score's denominator (weights), when computable
   * @param contributions each metric's contribution, in Kore's order
   */
  public record ProblemRow(
      String conversationId,
      String verdict,
      String agent,
      String queue,
      Optional<LocalDate> day,
      OptionalInt koreScore,
      Optional<BigDecimal> recomputedScore,
      OptionalInt passScore,
      Optional<Boolean> korePassed,
      Optional<Boolean> recomputedPassed,
      List<String> reasons,
      Optional<String> explainedBy,
      Optional<String> numerator,
      Optional<String> denominator,
      List<Contribution> contributions) {
    public ProblemRow {
      requireNonNull(conversationId, "conversationId");
      requireNonNull(verdict, "verdict");
      requireNonNull(agent, "agent");
      requireNonNull(queue, "queue");
      requireNonNull(day, "day");
      requireNonNull(koreScore, "koreScore");
      requireNonNull(recomputedScore, "recomputedScore");
      requireNonNull(passScore, "passScore");
      requireNonNull(korePassed, "korePassed");
      requireNonNull(recomputedPassed, "recomputedPassed");
      reasons = List.copyOf(reasons);
      requireNonNull(explainedBy, "explainedBy");
      requireNonNull(numerator, "numerator");
      requireNonNull(denominator, "denominator");
      contributions = List.copyOf(contributions);
    }
  }

  /**
   * One metric's part in a recomputed score.
   *
   * @param metric the metric's name
   * @param qualification its answer as Kore wrote it (YES, NO, NA, -, ...)
   * @param weight its weight
   * @param negativeWeight its negative weight
   * @param fatal whether it is a fatal metric
   * @param effect what it added to the score, e.g. {@code "+30 / 30"}, {@code "excluded"}
   */
  public record Contribution(
      String metric, String qualification, long weight, long negativeWeight, boolean fatal, String effect) {
    public Contribution {
      requireNonNull(metric, "metric");
      requireNonNull(qualification, "qualification");
      requireNonNull(effect, "effect");
    }
  }

  private static void nonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
  }

  private static void checkShare(String name, OptionalDouble value) {
    requireNonNull(value, name);
    if (value.isPresent() && !(value.getAsDouble() >= 0 && value.getAsDouble() <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], was " + value.getAsDouble());
    }
  }
}
