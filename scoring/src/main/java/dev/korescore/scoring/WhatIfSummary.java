package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.ScoringPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a change would have done to a stream of interactions: how many it affects, pass rates before
 * and after (overall and per agent, queue and form), flips each way, the score shifts, the first flips
 * explained, and the names of the change that occur nowhere in the data. Immutable; produced by {@link
 * WhatIfAggregator#summary()}.
 *
 * @param policy the current policy ("before")
 * @param change the change ("after")
 * @param interactions every interaction seen
 * @param notAuditable interactions left out: not evaluated, duration status, no metrics, no applicable metric
 * @param invalid interactions left out: an unrecognised qualification or a negative weight
 * @param inScope re-scored interactions the change applies to (its form, when it names one)
 * @param noScoreAfter re-scored interactions the change leaves with no applicable weight
 * @param overall every re-scored interaction as one group
 * @param byAgent by the first agent, most interactions first
 * @param byQueue by the first queue, most interactions first
 * @param byForm by evaluation form name ({@code "(no form)"} when absent), most interactions first
 * @param shifts score shifts (after - before)
 * @param firstFlips the first flips with their reasons, in input order
 * @param unknownForm when the change names a form that no interaction has: the closest form names
 * @param unknownMetrics each metric the change names that no interaction in its scope has, with the
 *     closest metric names there
 */
public record WhatIfSummary(
    ScoringPolicy policy,
    FormChange change,
    long interactions,
    long notAuditable,
    long invalid,
    long inScope,
    long noScoreAfter,
    WhatIfGroupStats overall,
    List<WhatIfGroupStats> byAgent,
    List<WhatIfGroupStats> byQueue,
    List<WhatIfGroupStats> byForm,
    ScoreShifts shifts,
    List<WhatIfFlip> firstFlips,
    Optional<List<String>> unknownForm,
    Map<String, List<String>> unknownMetrics) {

  public WhatIfSummary {
    requireNonNull(policy, "policy");
    requireNonNull(change, "change");
    requireNonNull(overall, "overall");
    byAgent = List.copyOf(byAgent);
    byQueue = List.copyOf(byQueue);
    byForm = List.copyOf(byForm);
    requireNonNull(shifts, "shifts");
    firstFlips = List.copyOf(firstFlips);
    unknownForm = unknownForm.map(List::copyOf);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    unknownMetrics.forEach((name, closest) -> copy.put(name, List.copyOf(closest)));
    unknownMetrics = Collections.unmodifiableMap(copy);
  }

  /** Interactions re-scored before and after. */
  public long rescored() {
    return overall.rescored();
  }

  /** Interactions whose score or pass flag the change moves. */
  public long affected() {
    return overall.affected();
  }

  /** Interactions the change turns from a pass into a fail. */
  public long passToFail() {
    return overall.passToFail();
  }

  /** Interactions the change turns from a fail into a pass. */
  public long failToPass() {
    return overall.failToPass();
  }

  /** Interactions whose pass flag the change flips, either way. */
  public long flips() {
    return overall.flips();
  }

  /** Whether every name in the change occurs in the data (in the change's form, when it names one). */
  public boolean namesAllFound() {
    return unknownForm.isEmpty() && unknownMetrics.isEmpty();
  }

  /**
   * When a name in the change occurs nowhere in the data, what is wrong in words, with the closest names
   * ({@code "metric 'Polcy' occurs in no re-scored interaction; closest: 'Policy'"}): what {@code korescore
   * whatif} and the Spark job's {@code whatif} report as a usage error. Empty when {@link #namesAllFound()}.
   */
  public Optional<String> unknownNames() {
    if (namesAllFound()) {
      return Optional.empty();
    }
    List<String> problems = new ArrayList<>();
    unknownForm.ifPresent(closest -> problems.add("form '" + change.form().orElseThrow()
        + "' occurs in no interaction" + closest(closest)));
    if (unknownForm.isEmpty()) {
      String scope = change.form().map(f -> " of form '" + f + "'").orElse("");
      unknownMetrics.forEach((name, closest) ->
          problems.add("metric '" + name + "' occurs in no re-scored interaction" + scope + closest(closest)));
    }
    return Optional.of(String.join("; ", problems));
  }

  private static String closest(List<String> names) {
    return names.isEmpty()
        ? " (the data has none to suggest)"
        : "; closest: " + names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
  }

  /**
   * The {@code limit} groups the change moves most: the largest change of pass rate either way, then
   * the most flips, then the largest mean shift; groups the change does not touch are left out.
   */
  public static List<WhatIfGroupStats> mostMoved(List<WhatIfGroupStats> groups, int limit) {
    return groups.stream()
        .filter(g -> g.affected() > 0)
        .sorted(Comparator.comparingDouble((WhatIfGroupStats g) -> Math.abs(g.passRateChange())).reversed()
            .thenComparing(Comparator.comparingLong(WhatIfGroupStats::flips).reversed())
            .thenComparing(Comparator.comparingDouble((WhatIfGroupStats g) -> Math.abs(g.meanShift().orElse(0)))
                .reversed())
            .thenComparing(WhatIfGroupStats::key))
        .limit(limit)
        .toList();
  }
}
