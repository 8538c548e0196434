package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A problem (a mismatch or an invalid record) with what a reader of the audit needs of its
 * interaction: who handled it, when, and Kore's values. Kept by {@link AuditAggregator} for the first
 * problems, so that summaries and reports never need the interaction itself.
 *
 * @param verdict the verdict and its explanation
 * @param agent the interaction's {@code primaryAgentKey()}
 * @param queue the interaction's {@code primaryQueueKey()}
 * @param day the day it started (UTC), when known
 * @param koreScore Kore's score, when evaluated
 * @param passScore the form's pass score, when given
 * @param korePassed Kore's pass flag, when given
 */
public record ProblemInteraction(
    Verdict verdict,
    String agent,
    String queue,
    Optional<LocalDate> day,
    OptionalInt koreScore,
    OptionalInt passScore,
    Optional<Boolean> korePassed)
    implements java.io.Serializable {

  public ProblemInteraction {
    requireNonNull(verdict, "verdict");
    if (!verdict.isProblem()) {
      throw new IllegalArgumentException(
          "verdict must be a problem, was " + verdict.kind() + " for " + verdict.conversationId());
    }
    requireNonNull(agent, "agent");
    requireNonNull(queue, "queue");
    requireNonNull(day, "day");
    requireNonNull(koreScore, "koreScore");
    requireNonNull(passScore, "passScore");
    requireNonNull(korePassed, "korePassed");
  }

  private Object writeReplace() {
    return new SerialForms.ProblemInteractionForm(this);
  }
}
