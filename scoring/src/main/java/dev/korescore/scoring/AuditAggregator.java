package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.ConversationId;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.core.policy.ScoringPolicy;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Accumulates verdicts over a stream in memory that grows with the number of groups (agents, queues,
 * channels, forms, metric names, days), never with the number of interactions. Each group dimension
 * keeps at most {@value #MAX_GROUPS} keys; further keys count under {@code "(other)"}. Mutable and not
 * thread-safe: give each thread its own and {@link #merge} them.
 */
public final class AuditAggregator {
  /** Problems kept with their explanations unless told otherwise. */
  public static final int DEFAULT_PROBLEMS_KEPT = 50;
  /** Keys kept per group dimension. */
  public static final int MAX_GROUPS = 10_000;

  private static final String OTHER = "(other)";

  private final ScoringPolicy policy;
  private final int problemsKept;
  private final List<ScoringPolicy> variants;
  private long interactions;
  private final long[] counts = new long[VerdictKind.values().length];
  private final Map<String, GroupCounter> byAgent = new HashMap<>();
  private final Map<String, GroupCounter> byQueue = new HashMap<>();
  private final Map<String, GroupCounter> byChannel = new HashMap<>();
  private final Map<String, GroupCounter> byForm = new HashMap<>();
  private final Map<String, long[]> metrics = new HashMap<>();
  private final long[] koreHistogram = new long[ScoreHistogram.BUCKETS];
  private final long[] computedHistogram = new long[ScoreHistogram.BUCKETS];
  private final GroupCounter overall = new GroupCounter();
  private final TreeMap<LocalDate, long[]> daily = new TreeMap<>();
  private final List<Verdict> problems = new ArrayList<>();
  private final long[] explained;
  private long considered;
  private final IdSet seenIds = new IdSet();
  private final IdSet repeatedIds = new IdSet();
  private long repeatedCount;
  private ConversationId firstRepeated;

  private AuditAggregator(ScoringPolicy policy, int problemsKept, boolean inferPolicy) {
    this.policy = requireNonNull(policy, "policy");
    if (problemsKept < 0) {
      throw new IllegalArgumentException("problemsKept must be >= 0, was " + problemsKept);
    }
    this.problemsKept = problemsKept;
    this.variants = inferPolicy ? policy.variants() : List.of();
    this.explained = new long[variants.size()];
  }

  /**
   * An empty aggregate.
   *
   * @param problemsKept how many problems to keep with their explanations
   * @param inferPolicy whether to try every policy variant on every record (12 recomputations each)
   */
  public static AuditAggregator create(ScoringPolicy policy, int problemsKept, boolean inferPolicy) {
    return new AuditAggregator(policy, problemsKept, inferPolicy);
  }

  public ScoringPolicy policy() {
    return policy;
  }

  /** Adds one interaction and its verdict (reached under this aggregate's policy). */
  public void accept(Interaction interaction, Verdict verdict) {
    requireNonNull(interaction, "interaction");
    requireNonNull(verdict, "verdict");
    interactions++;
    long id = IdSet.hash(interaction.conversationId().value());
    if (!seenIds.add(id) && repeatedIds.add(id)) {
      repeatedCount++;
      if (firstRepeated == null) {
        firstRepeated = interaction.conversationId();
      }
    }
    VerdictKind kind = verdict.kind();
    counts[kind.ordinal()]++;
    Explanation explanation = verdict.explanation();
    boolean scored = kind == VerdictKind.MATCH || kind.isMismatch();

    OptionalIntScore kore = OptionalIntScore.of(interaction.koreScore());
    Optional<Boolean> korePassed = scored ? interaction.passed() : Optional.empty();
    Optional<Boolean> computedPassed = scored ? explanation.computedPassed() : Optional.empty();

    group(byAgent, interaction.primaryAgentKey()).add(kind, kore, korePassed, computedPassed);
    group(byQueue, interaction.primaryQueueKey()).add(kind, kore, korePassed, computedPassed);
    group(byChannel, interaction.channel().orElse("(no channel)")).add(kind, kore, korePassed, computedPassed);
    group(byForm, interaction.evaluationFormName().orElse("(no form)")).add(kind, kore, korePassed, computedPassed);
    overall.add(kind, kore, korePassed, computedPassed);

    if (kore.present) {
      koreHistogram[ScoreHistogram.bucketOf(kore.value)]++;
    }
    if (scored) {
      explanation.score().ifPresent(s -> computedHistogram[ScoreHistogram.bucketOf(clampToLong(s))]++);
    }
    boolean mismatch = kind.isMismatch();
    List<Metric> answered = interaction.metrics();
    for (int i = 0; i < answered.size(); i++) {
      Metric metric = answered.get(i);
      if (!metric.hasQualification()) {
        continue;
      }
      String name = metric.hasName() ? metric.name() : metric.label(i + 1);
      long[] m = metrics.get(name);
      if (m == null) {
        m = metrics.computeIfAbsent(metrics.size() < MAX_GROUPS ? name : OTHER, k -> new long[6]);
      }
      Qualification q = metric.qualification();
      if (q == Answer.YES) {
        m[0]++;
      } else if (q == Answer.NO) {
        m[1]++;
      } else if (q == Answer.NA) {
        m[2]++;
      } else if (q == Answer.MANUAL) {
        m[3]++;
      } else {
        m[4]++;
      }
      if (mismatch && (q == Answer.YES || q == Answer.NO || q == Answer.NA)) {
        m[5]++;
      }
    }
    interaction.startTime().ifPresent(start -> {
      long[] day = daily.computeIfAbsent(LocalDate.ofInstant(start, ZoneOffset.UTC), d -> new long[4]);
      day[0]++;
      if (kore.present) {
        day[1] += kore.value;
        day[2]++;
      }
      if (mismatch) {
        day[3]++;
      }
    });
    if (verdict.isProblem() && problems.size() < problemsKept) {
      problems.add(verdict);
    }
    if (!variants.isEmpty()) {
      boolean[] explainedBy = ScoringEngine.explainedBy(interaction, variants);
      if (explainedBy != null) {
        considered++;
        for (int i = 0; i < explainedBy.length; i++) {
          if (explainedBy[i]) {
            explained[i]++;
          }
        }
      }
    }
  }

  /**
   * Adds {@code other}'s counts to this aggregate and returns this. Problems are kept in order, this
   * aggregate's first: merge partial aggregates in input order.
   */
  public AuditAggregator merge(AuditAggregator other) {
    requireNonNull(other, "other");
    if (!policy.equals(other.policy) || variants.size() != other.variants.size()) {
      throw new IllegalArgumentException(
          "can only merge aggregates of the same policy and inference setting, had " + policy.describe() + " and "
              + other.policy.describe());
    }
    interactions += other.interactions;
    add(counts, other.counts);
    mergeGroups(byAgent, other.byAgent);
    mergeGroups(byQueue, other.byQueue);
    mergeGroups(byChannel, other.byChannel);
    mergeGroups(byForm, other.byForm);
    overall.merge(other.overall);
    other.metrics.forEach((name, m) -> {
      String key = metrics.containsKey(name) || metrics.size() < MAX_GROUPS ? name : OTHER;
      add(metrics.computeIfAbsent(key, k -> new long[6]), m);
    });
    add(koreHistogram, other.koreHistogram);
    add(computedHistogram, other.computedHistogram);
    other.daily.forEach((day, d) -> add(daily.computeIfAbsent(day, k -> new long[4]), d));
    for (Verdict problem : other.problems) {
      if (problems.size() >= problemsKept) {
        break;
      }
      problems.add(problem);
    }
    considered += other.considered;
    add(explained, other.explained);
    for (long id : other.seenIds.hashes()) {
      if (!seenIds.add(id) && repeatedIds.add(id)) {
        repeatedCount++;
      }
    }
    for (long id : other.repeatedIds.hashes()) {
      if (repeatedIds.add(id)) {
        repeatedCount++;
      }
    }
    if (firstRepeated == null) {
      firstRepeated = other.firstRepeated;
    }
    return this;
  }

  /** A snapshot of what was accumulated so far. */
  public AuditSummary summary() {
    EnumMap<VerdictKind, Long> kinds = new EnumMap<>(VerdictKind.class);
    for (VerdictKind kind : VerdictKind.values()) {
      kinds.put(kind, counts[kind.ordinal()]);
    }
    List<MetricStats> metricStats = new ArrayList<>(metrics.size());
    metrics.forEach((name, m) -> metricStats.add(new MetricStats(name, m[0], m[1], m[2], m[3], m[4], m[5])));
    metricStats.sort(Comparator.comparingLong(MetricStats::answers).reversed().thenComparing(MetricStats::name));
    List<DailyStats> days = new ArrayList<>(daily.size());
    daily.forEach((day, d) -> days.add(new DailyStats(day, d[0], d[1], d[2], d[3])));
    Optional<PolicyInference> inference = Optional.empty();
    if (!variants.isEmpty()) {
      List<PolicyInference.Share> shares = new ArrayList<>(variants.size());
      for (int i = 0; i < variants.size(); i++) {
        shares.add(new PolicyInference.Share(variants.get(i), explained[i],
            considered == 0 ? 0 : (double) explained[i] / considered,
            i == 0 ? "the audit's policy" : ScoringEngine.describe(policy, variants.get(i))));
      }
      List<PolicyInference.Share> sorted = new ArrayList<>(shares);
      sorted.sort(Comparator.comparingLong(PolicyInference.Share::explained).reversed()
          .thenComparingInt(share -> distance(policy, share.policy())));
      inference = Optional.of(new PolicyInference(considered, sorted));
    }
    return new AuditSummary(policy, interactions, kinds, groups(byAgent), groups(byQueue), groups(byChannel),
        groups(byForm), metricStats, histogram(koreHistogram), histogram(computedHistogram), overall.korePassed,
        overall.korePassKnown, overall.computedPassed, overall.computedPassKnown, days, problems, inference,
        new RepeatedIds(repeatedCount, repeatedCount == 0 ? Optional.empty() : Optional.ofNullable(firstRepeated)));
  }

  /** How many of NA treatment, pass rule and fatal handling differ: ties go to the closest variant. */
  private static int distance(ScoringPolicy a, ScoringPolicy b) {
    return (a.naTreatment() == b.naTreatment() ? 0 : 1) + (a.passRule() == b.passRule() ? 0 : 1)
        + (a.fatalZeroes() == b.fatalZeroes() ? 0 : 1);
  }

  private static long clampToLong(ExactScore score) {
    java.math.BigInteger floor = score.floor();
    if (floor.bitLength() > 62) {
      return floor.signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
    }
    return floor.longValue();
  }

  private static ScoreHistogram histogram(long[] counts) {
    List<Long> list = new ArrayList<>(counts.length);
    for (long c : counts) {
      list.add(c);
    }
    return new ScoreHistogram(list);
  }

  private static List<GroupStats> groups(Map<String, GroupCounter> map) {
    List<GroupStats> list = new ArrayList<>(map.size());
    map.forEach((key, g) -> list.add(g.toStats(key)));
    list.sort(Comparator.comparingLong(GroupStats::interactions).reversed().thenComparing(GroupStats::key));
    return list;
  }

  private static GroupCounter group(Map<String, GroupCounter> map, String key) {
    GroupCounter g = map.get(key);
    if (g == null) {
      g = map.computeIfAbsent(map.size() < MAX_GROUPS ? key : OTHER, k -> new GroupCounter());
    }
    return g;
  }

  private static void mergeGroups(Map<String, GroupCounter> into, Map<String, GroupCounter> from) {
    from.forEach((key, g) -> {
      String target = into.containsKey(key) || into.size() < MAX_GROUPS ? key : OTHER;
      into.computeIfAbsent(target, k -> new GroupCounter()).merge(g);
    });
  }

  private static void add(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }

  /** Kore's score without boxing. */
  private static final class OptionalIntScore {
    private static final OptionalIntScore ABSENT = new OptionalIntScore(false, 0);
    final boolean present;
    final int value;

    private OptionalIntScore(boolean present, int value) {
      this.present = present;
      this.value = value;
    }

    static OptionalIntScore of(KoreScore score) {
      return score instanceof KoreScore.Scored s ? new OptionalIntScore(true, s.score()) : ABSENT;
    }
  }

  /** The mutable counts behind a {@link GroupStats}. */
  private static final class GroupCounter {
    final long[] kinds = new long[VerdictKind.values().length];
    long interactions;
    long koreScoreSum;
    long koreScored;
    long korePassed;
    long korePassKnown;
    long computedPassed;
    long computedPassKnown;

    void add(VerdictKind kind, OptionalIntScore kore, Optional<Boolean> korePass, Optional<Boolean> computedPass) {
      interactions++;
      kinds[kind.ordinal()]++;
      if (kore.present) {
        koreScoreSum += kore.value;
        koreScored++;
      }
      if (korePass.isPresent()) {
        korePassKnown++;
        if (korePass.get()) {
          korePassed++;
        }
      }
      if (computedPass.isPresent()) {
        computedPassKnown++;
        if (computedPass.get()) {
          computedPassed++;
        }
      }
    }

    void merge(GroupCounter other) {
      AuditAggregator.add(kinds, other.kinds);
      interactions += other.interactions;
      koreScoreSum += other.koreScoreSum;
      koreScored += other.koreScored;
      korePassed += other.korePassed;
      korePassKnown += other.korePassKnown;
      computedPassed += other.computedPassed;
      computedPassKnown += other.computedPassKnown;
    }

    GroupStats toStats(String key) {
      return new GroupStats(key, interactions, kinds[VerdictKind.MATCH.ordinal()],
          kinds[VerdictKind.SCORE_MISMATCH.ordinal()], kinds[VerdictKind.PASS_MISMATCH.ordinal()],
          kinds[VerdictKind.NOT_AUDITABLE.ordinal()], kinds[VerdictKind.INVALID.ordinal()], koreScoreSum, koreScored,
          korePassed, korePassKnown, computedPassed, computedPassKnown);
    }
  }
}
