package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.ConversationId;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.core.policy.ScoringPolicy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
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
 * channels, forms, metric names, days), never with the number of interactions: the one aggregation
 * behind every summary and report of an audit. Each group dimension keeps at most {@value #MAX_GROUPS}
 * keys; further keys count under {@code "(other)"}. Kore's score against the recomputed score is a
 * histogram of at most 201 x 201 cells; the first problems are kept with their explanation and the
 * facts of their interaction, up to one limit. Mutable and not thread-safe: give each thread its own
 * and {@link #merge} them. Serializable, so that a distributed engine (Apache Spark) can fill one per
 * partition and merge them on another machine.
 */
public final class AuditAggregator implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Problems kept with their explanations unless told otherwise. */
  public static final int DEFAULT_PROBLEMS_KEPT = 500;
  /** Keys kept per group dimension. */
  public static final int MAX_GROUPS = 10_000;

  private static final String OTHER = "(other)";
  /** Whole points from -100 to 100. */
  private static final int SCORE_POINTS = 201;

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
  private final TreeMap<LocalDate, DayCounter> daily = new TreeMap<>();
  /** Per (Kore, recomputed) pair of whole points: count at 2i, mismatches at 2i + 1; made on first use. */
  private long[] scorePairs;
  private final List<ProblemInteraction> problems = new ArrayList<>();
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

  /** The policy every interaction is scored under. */
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
    boolean mismatch = kind.isMismatch();
    ExactScore computed = scored ? explanation.score().orElse(null) : null;
    if (computed != null) {
      computedHistogram[ScoreHistogram.bucketOf(clampToLong(computed))]++;
      if (kore.present) {
        int cell = pairIndex(Math.max(-100, Math.min(100, kore.value)), computed.roundedWithin(-100, 100));
        if (scorePairs == null) {
          scorePairs = new long[2 * SCORE_POINTS * SCORE_POINTS];
        }
        scorePairs[2 * cell]++;
        if (mismatch) {
          scorePairs[2 * cell + 1]++;
        }
      }
    }
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
    Optional<Instant> start = interaction.startTime();
    LocalDate day = start.isPresent() ? LocalDate.ofInstant(start.get(), ZoneOffset.UTC) : null;
    if (day != null) {
      daily.computeIfAbsent(day, d -> new DayCounter()).add(kore, mismatch, computed, korePassed, computedPassed);
    }
    if (verdict.isProblem() && problems.size() < problemsKept) {
      problems.add(new ProblemInteraction(verdict, interaction.primaryAgentKey(), interaction.primaryQueueKey(),
          Optional.ofNullable(day), interaction.koreScore().value(), interaction.passScore(), interaction.passed()));
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
    other.daily.forEach((day, d) -> daily.computeIfAbsent(day, k -> new DayCounter()).merge(d));
    if (other.scorePairs != null) {
      if (scorePairs == null) {
        scorePairs = new long[other.scorePairs.length];
      }
      add(scorePairs, other.scorePairs);
    }
    for (ProblemInteraction problem : other.problems) {
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
    daily.forEach((day, d) -> days.add(d.toStats(day)));
    List<ScorePair> pairs = new ArrayList<>();
    if (scorePairs != null) {
      for (int cell = 0; cell < SCORE_POINTS * SCORE_POINTS; cell++) {
        if (scorePairs[2 * cell] > 0) {
          pairs.add(new ScorePair(cell / SCORE_POINTS - 100, cell % SCORE_POINTS - 100, scorePairs[2 * cell],
              scorePairs[2 * cell + 1]));
        }
      }
    }
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
        groups(byForm), metricStats, histogram(koreHistogram), histogram(computedHistogram), pairs, overall.korePassed,
        overall.korePassKnown, overall.computedPassed, overall.computedPassKnown, days, problems, inference,
        new RepeatedIds(repeatedCount, repeatedCount == 0 ? Optional.empty() : Optional.ofNullable(firstRepeated)));
  }

  /** How many of NA treatment, pass rule and fatal handling differ: ties go to the closest variant. */
  private static int distance(ScoringPolicy a, ScoringPolicy b) {
    return (a.naTreatment() == b.naTreatment() ? 0 : 1) + (a.passRule() == b.passRule() ? 0 : 1)
        + (a.fatalZeroes() == b.fatalZeroes() ? 0 : 1);
  }

  private static int pairIndex(int kore, int recomputed) {
    return (kore + 100) * SCORE_POINTS + (recomputed + 100);
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

  /** The mutable counts behind a {@link DailyStats}. */
  private static final class DayCounter implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    long interactions;
    long koreScoreSum;
    long koreScored;
    long mismatches;
    /** Recomputed scores in millionths, in a long while it fits; the rest in {@link #bigMicros}. */
    long micros;
    BigInteger bigMicros = BigInteger.ZERO;
    long recomputedScored;
    long korePassed;
    long korePassKnown;
    long computedPassed;
    long computedPassKnown;

    void add(OptionalIntScore kore, boolean mismatch, ExactScore computed, Optional<Boolean> korePass,
        Optional<Boolean> computedPass) {
      interactions++;
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
      if (kore.present) {
        koreScoreSum += kore.value;
        koreScored++;
      }
      if (mismatch) {
        mismatches++;
      }
      if (computed != null) {
        recomputedScored++;
        if (computed.microsFitLong()) {
          addMicros(computed.micros());
        } else {
          bigMicros = bigMicros.add(computed.bigMicros());
        }
      }
    }

    private void addMicros(long value) {
      long sum = micros + value;
      if (((micros ^ sum) & (value ^ sum)) < 0) { // overflow: move the long part to the big one
        bigMicros = bigMicros.add(BigInteger.valueOf(micros)).add(BigInteger.valueOf(value));
        micros = 0;
      } else {
        micros = sum;
      }
    }

    void merge(DayCounter other) {
      interactions += other.interactions;
      koreScoreSum += other.koreScoreSum;
      koreScored += other.koreScored;
      mismatches += other.mismatches;
      addMicros(other.micros);
      bigMicros = bigMicros.add(other.bigMicros);
      recomputedScored += other.recomputedScored;
      korePassed += other.korePassed;
      korePassKnown += other.korePassKnown;
      computedPassed += other.computedPassed;
      computedPassKnown += other.computedPassKnown;
    }

    DailyStats toStats(LocalDate day) {
      BigDecimal sum = new BigDecimal(bigMicros.add(BigInteger.valueOf(micros)), ExactScore.DECIMAL_PLACES);
      return new DailyStats(day, interactions, koreScoreSum, koreScored, mismatches, sum, recomputedScored,
          korePassed, korePassKnown, computedPassed, computedPassKnown);
    }
  }

  /** The mutable counts behind a {@link GroupStats}. */
  private static final class GroupCounter implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
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
