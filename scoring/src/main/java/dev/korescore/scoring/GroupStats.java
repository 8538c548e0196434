package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * Verdict counts and pass rates for one group of interactions (an agent, a queue, a channel, an
 * evaluation form).
 *
 * @param key the group's key (agent id or name, queue id or name, channel, form name)
 * @param interactions interactions in the group
 * @param matches {@link VerdictKind#MATCH} verdicts
 * @param scoreMismatches {@link VerdictKind#SCORE_MISMATCH} verdicts
 * @param passMismatches {@link VerdictKind#PASS_MISMATCH} verdicts
 * @param notAuditable {@link VerdictKind#NOT_AUDITABLE} verdicts
 * @param invalid {@link VerdictKind#INVALID} verdicts
 * @param koreScoreSum sum of Kore's scores, over {@code koreScored} interactions
 * @param koreScored interactions with a Kore score
 * @param korePassed interactions Kore says passed, of {@code korePassKnown}
 * @param korePassKnown interactions with Kore's passed flag
 * @param computedPassed interactions the recomputation says pass, of {@code computedPassKnown}
 * @param computedPassKnown interactions whose pass the recomputation could tell
 */
public record GroupStats(
    String key,
    long interactions,
    long matches,
    long scoreMismatches,
    long passMismatches,
    long notAuditable,
    long invalid,
    long koreScoreSum,
    long koreScored,
    long korePassed,
    long korePassKnown,
    long computedPassed,
    long computedPassKnown) {

  public GroupStats {
    requireNonNull(key, "key");
    if (interactions < 0) {
      throw new IllegalArgumentException("interactions must be >= 0, was " + interactions);
    }
  }

  /** Matches and mismatches: the interactions whose score could be checked. */
  public long auditable() {
    return matches + scoreMismatches + passMismatches;
  }

  /** Score and pass mismatches together. */
  public long mismatches() {
    return scoreMismatches + passMismatches;
  }

  /** Mismatches over auditable interactions, 0 when none was auditable. */
  public double mismatchRate() {
    long auditable = auditable();
    return auditable == 0 ? 0 : (double) mismatches() / auditable;
  }

  /** Kore's average score in the group, over the interactions it scored; empty when none. */
  public OptionalDouble averageKoreScore() {
    return koreScored == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) koreScoreSum / koreScored);
  }

  /** The share of the group Kore says passed, of those with Kore's pass flag; empty when none had it. */
  public OptionalDouble korePassRate() {
    return korePassKnown == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) korePassed / korePassKnown);
  }

  /** The share of the group the recomputation says pass, of those whose pass it could tell; empty when none. */
  public OptionalDouble computedPassRate() {
    return computedPassKnown == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) computedPassed / computedPassKnown);
  }
}
