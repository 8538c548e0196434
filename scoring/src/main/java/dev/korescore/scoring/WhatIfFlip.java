package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One interaction whose pass flag a change flips, with why.
 *
 * @param outcome the scores and pass flags before and after
 * @param agent the first agent's key ({@code "name (id)"})
 * @param queue the first queue's key
 * @param form the evaluation form's name, when the record has one
 * @param reasons why it flipped, in words ({@link WhatIf#explain})
 */
public record WhatIfFlip(
    WhatIfOutcome.Rescored outcome, String agent, String queue, Optional<String> form, List<String> reasons)
    implements java.io.Serializable {
  public WhatIfFlip {
    requireNonNull(outcome, "outcome");
    requireNonNull(agent, "agent");
    requireNonNull(queue, "queue");
    requireNonNull(form, "form");
    reasons = List.copyOf(reasons);
    if (outcome.flip() == Flip.NONE) {
      throw new IllegalArgumentException("not a flip: " + outcome.conversationId());
    }
  }

  private Object writeReplace() {
    return new SerialForms.WhatIfFlipForm(this);
  }

  /** Which way the pass flag flipped. */
  public Flip flip() {
    return outcome.flip();
  }
}
