package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Metric;
import dev.korescore.core.policy.FormChange;
import dev.korescore.scoring.WhatIfOutcome.Rescored;
import dev.korescore.scoring.WhatIfOutcome.SkipCause;
import dev.korescore.scoring.WhatIfOutcome.Skipped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sums what-if outcomes over a stream in memory that grows with the number of agents, queues, forms and
 * metric names, never with the number of interactions (each dimension keeps at most {@value
 * AuditAggregator#MAX_GROUPS} keys; further keys count under {@code "(other)"}). Mutable and not
 * thread-safe: give each thread or partition its own and {@link #merge} them. Free of any I/O, so a
 * batch job (Spark, a service) can run it per partition; Serializable, so that a distributed engine
 * (Apache Spark) can ship one partition's aggregate to the machine that merges them.
 */
public final class WhatIfAggregator implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** Flips kept with their explanations unless told otherwise. */
  public static final int DEFAULT_FLIPS_KEPT = 100;

  private static final int MAX_GROUPS = AuditAggregator.MAX_GROUPS;
  private static final String OTHER = "(other)";
  private static final int SUGGESTIONS = 3;

  private final WhatIf whatIf;
  private final int flipsKept;
  private long interactions;
  private long notAuditable;
  private long invalid;
  private long inScope;
  private long noScoreAfter;
  private final Counter overall = new Counter();
  private final Map<String, Counter> byAgent = new HashMap<>();
  private final Map<String, Counter> byQueue = new HashMap<>();
  private final Map<String, Counter> byForm = new HashMap<>();
  private long unchanged;
  private final long[] shifts = new long[ScoreShifts.SIZE];
  private final List<WhatIfFlip> flips = new ArrayList<>();
  /** Metric names met in records the change applies to (by {@link FormChange#key}), for suggestions. */
  private final Set<String> metricNames = new HashSet<>();
  /** The changed metrics met in records the change applies to. */
  private final Set<String> changedMetricsSeen = new HashSet<>();
  /** Form names met, for suggestions when the change's form is never met. */
  private final Set<String> formNames = new HashSet<>();

  private WhatIfAggregator(WhatIf whatIf, int flipsKept) {
    this.whatIf = requireNonNull(whatIf, "whatIf");
    if (flipsKept < 0) {
      throw new IllegalArgumentException("flipsKept must be >= 0, was " + flipsKept);
    }
    this.flipsKept = flipsKept;
  }

  /**
   * An empty aggregate.
   *
   * @param flipsKept how many flips to keep with their explanations, in input order
   */
  public static WhatIfAggregator create(WhatIf whatIf, int flipsKept) {
    return new WhatIfAggregator(whatIf, flipsKept);
  }

  /** The what-if every interaction is re-scored with. */
  public WhatIf whatIf() {
    return whatIf;
  }

  /** Adds one interaction and its outcome (from this aggregate's {@link WhatIf}). */
  public void accept(Interaction interaction, WhatIfOutcome outcome) {
    requireNonNull(interaction, "interaction");
    requireNonNull(outcome, "outcome");
    interactions++;
    Optional<String> form = interaction.evaluationFormName();
    if (form.isPresent() && (formNames.size() < MAX_GROUPS)) {
      formNames.add(FormChange.key(form.get()));
    }
    if (outcome instanceof Skipped skipped) {
      if (skipped.cause() == SkipCause.INVALID) {
        invalid++;
      } else {
        notAuditable++;
      }
      return;
    }
    Rescored r = (Rescored) outcome;
    if (r.inScope()) {
      inScope++;
      FormChange change = whatIf.change();
      if (!change.metrics().isEmpty()) {
        for (Metric metric : interaction.metrics()) {
          String key = FormChange.key(metric.name());
          if (change.metrics().containsKey(key)) {
            changedMetricsSeen.add(key);
          }
          if (metricNames.size() < MAX_GROUPS) {
            metricNames.add(key);
          }
        }
      }
    }
    if (r.scoreAfter().isEmpty()) {
      noScoreAfter++;
    }
    Flip flip = r.flip();
    double shift = 0;
    boolean shifted = false;
    if (r.scoreAfter().isPresent()) {
      shifted = true;
      if (r.scoreAfter().get().equals(r.scoreBefore())) {
        unchanged++;
      } else {
        ExactScore s = r.shift().orElseThrow();
        shifts[ScoreShifts.indexOf(floor(s))]++;
        shift = s.doubleValue();
      }
    }
    overall.add(r, flip, shift, shifted);
    group(byAgent, interaction.primaryAgentKey()).add(r, flip, shift, shifted);
    group(byQueue, interaction.primaryQueueKey()).add(r, flip, shift, shifted);
    group(byForm, form.orElse("(no form)")).add(r, flip, shift, shifted);
    if (flip != Flip.NONE && flips.size() < flipsKept) {
      flips.add(new WhatIfFlip(r, interaction.primaryAgentKey(), interaction.primaryQueueKey(), form,
          whatIf.explain(interaction, r)));
    }
  }

  private static long floor(ExactScore shift) {
    java.math.BigInteger floor = shift.floor();
    return floor.bitLength() > 31 ? (floor.signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE) : floor.longValue();
  }

  /**
   * Adds {@code other}'s counts to this aggregate and returns this. Flips are kept in order, this
   * aggregate's first: merge partial aggregates in input order.
   *
   * @throws IllegalArgumentException when {@code other} is of another what-if
   */
  public WhatIfAggregator merge(WhatIfAggregator other) {
    requireNonNull(other, "other");
    if (!whatIf.equals(other.whatIf)) {
      throw new IllegalArgumentException("can only merge aggregates of the same what-if, had " + whatIf + " and "
          + other.whatIf);
    }
    interactions += other.interactions;
    notAuditable += other.notAuditable;
    invalid += other.invalid;
    inScope += other.inScope;
    noScoreAfter += other.noScoreAfter;
    overall.merge(other.overall);
    mergeGroups(byAgent, other.byAgent);
    mergeGroups(byQueue, other.byQueue);
    mergeGroups(byForm, other.byForm);
    unchanged += other.unchanged;
    for (int i = 0; i < shifts.length; i++) {
      shifts[i] += other.shifts[i];
    }
    for (WhatIfFlip flip : other.flips) {
      if (flips.size() >= flipsKept) {
        break;
      }
      flips.add(flip);
    }
    changedMetricsSeen.addAll(other.changedMetricsSeen);
    for (String name : other.metricNames) {
      if (metricNames.size() >= MAX_GROUPS) {
        break;
      }
      metricNames.add(name);
    }
    for (String name : other.formNames) {
      if (formNames.size() >= MAX_GROUPS) {
        break;
      }
      formNames.add(name);
    }
    return this;
  }

  /** A snapshot of what was accumulated so far. */
  public WhatIfSummary summary() {
    FormChange change = whatIf.change();
    Optional<List<String>> unknownForm = change.form().isPresent() && inScope == 0
        && !formNames.contains(change.form().get())
        ? Optional.of(ClosestNames.of(change.form().get(), formNames, SUGGESTIONS))
        : Optional.empty();
    Map<String, List<String>> unknownMetrics = new LinkedHashMap<>();
    for (String name : change.metrics().keySet()) {
      if (!changedMetricsSeen.contains(name)) {
        unknownMetrics.put(name, ClosestNames.of(name, metricNames, SUGGESTIONS));
      }
    }
    List<Long> byPoint = new ArrayList<>(shifts.length);
    for (long c : shifts) {
      byPoint.add(c);
    }
    return new WhatIfSummary(whatIf.policy(), change, interactions, notAuditable, invalid, inScope, noScoreAfter,
        overall.toStats("(all)"), groups(byAgent), groups(byQueue), groups(byForm), new ScoreShifts(unchanged, byPoint),
        flips, unknownForm, unknownMetrics);
  }

  private static List<WhatIfGroupStats> groups(Map<String, Counter> map) {
    List<WhatIfGroupStats> list = new ArrayList<>(map.size());
    map.forEach((key, c) -> list.add(c.toStats(key)));
    list.sort(Comparator.comparingLong(WhatIfGroupStats::rescored).reversed().thenComparing(WhatIfGroupStats::key));
    return list;
  }

  private static Counter group(Map<String, Counter> map, String key) {
    Counter c = map.get(key);
    if (c == null) {
      c = map.computeIfAbsent(map.size() < MAX_GROUPS ? key : OTHER, k -> new Counter());
    }
    return c;
  }

  private static void mergeGroups(Map<String, Counter> into, Map<String, Counter> from) {
    from.forEach((key, c) -> {
      String target = into.containsKey(key) || into.size() < MAX_GROUPS ? key : OTHER;
      into.computeIfAbsent(target, k -> new Counter()).merge(c);
    });
  }

  /** The mutable counts behind a {@link WhatIfGroupStats}. */
  private static final class Counter implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    long rescored;
    long affected;
    long passedBefore;
    long passKnownBefore;
    long passedAfter;
    long passKnownAfter;
    long passToFail;
    long failToPass;
    double shiftSum;
    long shifted;

    void add(Rescored r, Flip flip, double shift, boolean hasShift) {
      rescored++;
      if (r.affected()) {
        affected++;
      }
      if (r.passedBefore().isPresent()) {
        passKnownBefore++;
        if (r.passedBefore().get()) {
          passedBefore++;
        }
      }
      if (r.passedAfter().isPresent()) {
        passKnownAfter++;
        if (r.passedAfter().get()) {
          passedAfter++;
        }
      }
      if (flip == Flip.PASS_TO_FAIL) {
        passToFail++;
      } else if (flip == Flip.FAIL_TO_PASS) {
        failToPass++;
      }
      if (hasShift) {
        shifted++;
        shiftSum += shift;
      }
    }

    void merge(Counter o) {
      rescored += o.rescored;
      affected += o.affected;
      passedBefore += o.passedBefore;
      passKnownBefore += o.passKnownBefore;
      passedAfter += o.passedAfter;
      passKnownAfter += o.passKnownAfter;
      passToFail += o.passToFail;
      failToPass += o.failToPass;
      shiftSum += o.shiftSum;
      shifted += o.shifted;
    }

    WhatIfGroupStats toStats(String key) {
      return new WhatIfGroupStats(key, rescored, affected, passedBefore, passKnownBefore, passedAfter, passKnownAfter,
          passToFail, failToPass, shiftSum, shifted);
    }
  }
}
