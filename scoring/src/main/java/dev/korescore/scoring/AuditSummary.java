package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.policy.ScoringPolicy;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What an audit of a stream of interactions found: verdict counts, groups, metrics, score
 * distributions, Kore's score against the recomputed one, pass rates, daily volume and average scores,
 * the first problems with their explanations and, when asked for, the inferred policy. Everything the
 * text summary and the HTML report show comes from here. Immutable; produced by {@link
 * AuditAggregator#summary()}.
 *
 * @param policy the policy the audit used
 * @param interactions every interaction audited
 * @param counts verdicts by kind (every kind present, 0 when none)
 * @param byAgent by {@code Interaction.primaryAgentKey()}, most interactions first
 * @param byQueue by {@code Interaction.primaryQueueKey()}, most interactions first
 * @param byChannel by channel ({@code "(no channel)"} when absent), most interactions first
 * @param byForm by evaluation form name ({@code "(no form)"} when absent), most interactions first
 * @param metrics by metric name, most answers first
 * @param koreScores Kore's scores
 * @param computedScores recomputed scores, rounded down
 * @param scorePairs Kore's score against the recomputed score, one cell per pair of whole points (at
 *     most 201 x 201), over the auditable interactions with both; by Kore's score, then the recomputed one
 * @param korePassed interactions Kore says passed, among the auditable ones with a passed flag
 * @param korePassKnown auditable interactions with Kore's passed flag
 * @param computedPassed auditable interactions the recomputation says pass
 * @param computedPassKnown auditable interactions whose pass the recomputation could tell
 * @param daily by start date (UTC), oldest first; interactions without a start time are left out
 * @param firstProblems the first problems (mismatches and invalid records) in input order, with the
 *     facts of their interaction; as many as the aggregator was told to keep ({@link #problems()} says
 *     how many there were in all)
 * @param inference the inferred policy, when the audit was asked to infer it
 * @param repeatedIds conversation ids that appear more than once (each occurrence is audited)
 */
public record AuditSummary(
    ScoringPolicy policy,
    long interactions,
    Map<VerdictKind, Long> counts,
    List<GroupStats> byAgent,
    List<GroupStats> byQueue,
    List<GroupStats> byChannel,
    List<GroupStats> byForm,
    List<MetricStats> metrics,
    ScoreHistogram koreScores,
    ScoreHistogram computedScores,
    List<ScorePair> scorePairs,
    long korePassed,
    long korePassKnown,
    long computedPassed,
    long computedPassKnown,
    List<DailyStats> daily,
    List<ProblemInteraction> firstProblems,
    Optional<PolicyInference> inference,
    RepeatedIds repeatedIds) {

  public AuditSummary {
    requireNonNull(policy, "policy");
    EnumMap<VerdictKind, Long> all = new EnumMap<>(VerdictKind.class);
    for (VerdictKind kind : VerdictKind.values()) {
      all.put(kind, counts.getOrDefault(kind, 0L));
    }
    counts = Map.copyOf(all);
    byAgent = List.copyOf(byAgent);
    byQueue = List.copyOf(byQueue);
    byChannel = List.copyOf(byChannel);
    byForm = List.copyOf(byForm);
    metrics = List.copyOf(metrics);
    requireNonNull(koreScores, "koreScores");
    requireNonNull(computedScores, "computedScores");
    scorePairs = List.copyOf(scorePairs);
    daily = List.copyOf(daily);
    firstProblems = List.copyOf(firstProblems);
    requireNonNull(inference, "inference");
    requireNonNull(repeatedIds, "repeatedIds");
  }

  /** How many interactions got a verdict of this kind. */
  public long count(VerdictKind kind) {
    return counts.get(kind);
  }

  /** Matches and mismatches: the interactions whose score could be checked. */
  public long auditable() {
    return count(VerdictKind.MATCH) + mismatches();
  }

  /** Score and pass mismatches together. */
  public long mismatches() {
    return count(VerdictKind.SCORE_MISMATCH) + count(VerdictKind.PASS_MISMATCH);
  }

  /** Mismatches and invalid records. */
  public long problems() {
    return mismatches() + count(VerdictKind.INVALID);
  }

  /** Whether every auditable interaction matched (and none was invalid). */
  public boolean allMatched() {
    return problems() == 0;
  }

  /** The share of interactions Kore says passed, of those with Kore's pass flag; empty when none had it. */
  public OptionalDouble korePassRate() {
    return korePassKnown == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) korePassed / korePassKnown);
  }

  /** The share of interactions the recomputation says pass, of those whose pass it could tell; empty when none. */
  public OptionalDouble computedPassRate() {
    return computedPassKnown == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) computedPassed / computedPassKnown);
  }

  /** {@link #daily()} by ISO week (Monday, UTC), oldest first: the weekly trend of volume, pass rates, mismatches. */
  public List<WeeklyStats> weekly() {
    return WeeklyStats.of(daily);
  }

  /** The {@code limit} groups with most mismatches (then highest mismatch rate), leaving out groups with none. */
  public static List<GroupStats> worst(List<GroupStats> groups, int limit) {
    return groups.stream()
        .filter(g -> g.mismatches() > 0)
        .sorted(Comparator.comparingLong(GroupStats::mismatches).reversed()
            .thenComparing(Comparator.comparingDouble(GroupStats::mismatchRate).reversed())
            .thenComparing(GroupStats::key))
        .limit(limit)
        .toList();
  }

  /** The {@code limit} metrics most often involved in a mismatch, leaving out those never involved. */
  public List<MetricStats> worstMetrics(int limit) {
    return metrics.stream()
        .filter(m -> m.involvedInMismatch() > 0)
        .sorted(Comparator.comparingLong(MetricStats::involvedInMismatch).reversed()
            .thenComparing(MetricStats::name))
        .limit(limit)
        .toList();
  }
}
