package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.ConversationId;
import java.util.Optional;

/**
 * What a {@link WhatIf} found for one interaction: {@link Rescored} with the score and pass flag before
 * and after the change, or {@link Skipped} when the record has nothing to re-score.
 */
public sealed interface WhatIfOutcome extends java.io.Serializable permits WhatIfOutcome.Rescored, WhatIfOutcome.Skipped {

  /** The interaction this outcome is about. */
  ConversationId conversationId();

  /**
   * The record re-scored before and after the change.
   *
   * @param scoreBefore the score recomputed under the current policy from the record's own metrics
   * @param passedBefore its pass flag (a failed fatal metric fails; else the score against the record's
   *     pass score), empty when the record has no pass score
   * @param scoreAfter the score under the change, empty when the change leaves no applicable weight
   * @param passedAfter the pass flag under the change (its pass score, else the record's)
   * @param inScope whether the change applies to the record (its form, when the change names one)
   */
  record Rescored(
      ConversationId conversationId,
      ExactScore scoreBefore,
      Optional<Boolean> passedBefore,
      Optional<ExactScore> scoreAfter,
      Optional<Boolean> passedAfter,
      boolean inScope)
      implements WhatIfOutcome {
    public Rescored {
      requireNonNull(conversationId, "conversationId");
      requireNonNull(scoreBefore, "scoreBefore");
      requireNonNull(passedBefore, "passedBefore");
      requireNonNull(scoreAfter, "scoreAfter");
      requireNonNull(passedAfter, "passedAfter");
      if (!inScope && (!scoreAfter.equals(Optional.of(scoreBefore)) || !passedAfter.equals(passedBefore))) {
        throw new IllegalArgumentException("a record out of the change's scope cannot move: " + conversationId);
      }
    }

    private Object writeReplace() {
      return new SerialForms.RescoredForm(this);
    }

    /** How the pass flag moved. */
    public Flip flip() {
      return Flip.of(passedBefore, passedAfter);
    }

    /** Whether the change moved the score or the pass flag. */
    public boolean affected() {
      return !scoreAfter.equals(Optional.of(scoreBefore)) || !passedAfter.equals(passedBefore);
    }

    /** {@code scoreAfter - scoreBefore}, when there is a score after. */
    public Optional<ExactScore> shift() {
      return scoreAfter.map(after -> after.minus(scoreBefore));
    }
  }

  /**
   * A record with nothing to re-score, counted and left out.
   *
   * @param cause why, as a kind
   * @param reason why, in words ({@code "not evaluated: Kore's score is null or \"NA\""})
   */
  record Skipped(ConversationId conversationId, SkipCause cause, String reason) implements WhatIfOutcome {
    public Skipped {
      requireNonNull(conversationId, "conversationId");
      requireNonNull(cause, "cause");
      requireNonNull(reason, "reason");
    }
  }

  /** Why a record was left out of a what-if. */
  enum SkipCause {
    /** Not evaluated, duration status other than evaluated, no metrics, or no applicable metric before the change. */
    NOT_AUDITABLE,
    /** An unrecognised qualification or a negative weight: the audit's invalid records. */
    INVALID
  }
}
