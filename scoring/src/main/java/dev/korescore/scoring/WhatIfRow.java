package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.Agent;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Queue;
import dev.korescore.scoring.WhatIfOutcome.Rescored;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One re-scored interaction as a row: the columns of {@code korescore whatif --format jsonl} (and {@code
 * csv}) and of the Spark job's what-if {@code rows/}, in one place so that every output says the same
 * (as {@link VerdictRow} is for the audit).
 *
 * @param conversationId the conversation id
 * @param scoreBefore the score under the current policy, exact up to {@value ExactScore#DECIMAL_PLACES} decimals
 * @param passedBefore the pass flag before, when the record has a pass score
 * @param scoreAfter the score under the change, empty when the change leaves no applicable weight
 * @param passedAfter the pass flag after, when known
 * @param flip how the pass flag moved ({@link Flip}'s name: {@code NONE}, {@code PASS_TO_FAIL}, {@code FAIL_TO_PASS})
 * @param agents every agent as {@code "name (id)"}
 * @param queues every queue as {@code "name (id)"}
 * @param form the evaluation form's name, when the record has one
 */
public record WhatIfRow(
    String conversationId,
    BigDecimal scoreBefore,
    Optional<Boolean> passedBefore,
    Optional<BigDecimal> scoreAfter,
    Optional<Boolean> passedAfter,
    String flip,
    List<String> agents,
    List<String> queues,
    Optional<String> form) {

  /** The columns of every row, in order. */
  public static final List<String> COLUMNS = List.of(
      "conversationId", "scoreBefore", "passedBefore", "scoreAfter", "passedAfter", "flip", "agents", "queues", "form");

  public WhatIfRow {
    requireNonNull(conversationId, "conversationId");
    requireNonNull(scoreBefore, "scoreBefore");
    requireNonNull(passedBefore, "passedBefore");
    requireNonNull(scoreAfter, "scoreAfter");
    requireNonNull(passedAfter, "passedAfter");
    requireNonNull(flip, "flip");
    agents = List.copyOf(agents);
    queues = List.copyOf(queues);
    requireNonNull(form, "form");
  }

  /** The row of {@code interaction} re-scored to {@code outcome}. */
  public static WhatIfRow of(Interaction interaction, Rescored outcome) {
    requireNonNull(interaction, "interaction");
    requireNonNull(outcome, "outcome");
    List<String> agents = new ArrayList<>(interaction.agents().size());
    for (Agent agent : interaction.agents()) {
      agents.add(agent.displayKey());
    }
    List<String> queues = new ArrayList<>(interaction.queues().size());
    for (Queue queue : interaction.queues()) {
      queues.add(queue.displayKey());
    }
    return new WhatIfRow(
        interaction.conversationId().value(),
        outcome.scoreBefore().decimal(),
        outcome.passedBefore(),
        outcome.scoreAfter().map(ExactScore::decimal),
        outcome.passedAfter(),
        outcome.flip().name(),
        agents,
        queues,
        interaction.evaluationFormName());
  }

  /** This row as one compact JSON object, without a line break: what {@link #appendJsonLine} writes. */
  public String toJsonLine() {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"conversationId\":");
    VerdictRow.jsonString(b, conversationId);
    b.append(",\"scoreBefore\":").append(scoreBefore.toPlainString());
    b.append(",\"passedBefore\":");
    bool(b, passedBefore);
    b.append(",\"scoreAfter\":").append(scoreAfter.map(BigDecimal::toPlainString).orElse("null"));
    b.append(",\"passedAfter\":");
    bool(b, passedAfter);
    b.append(",\"flip\":\"").append(flip).append('"');
    b.append(",\"agents\":");
    array(b, agents);
    b.append(",\"queues\":");
    array(b, queues);
    b.append(",\"form\":");
    if (form.isPresent()) {
      VerdictRow.jsonString(b, form.get());
    } else {
      b.append("null");
    }
    return b.append('}').toString();
  }

  /**
   * Appends the row of {@code interaction} re-scored to {@code outcome} to {@code b} as one compact JSON
   * object with exactly the {@link #COLUMNS} as keys, without a line break: scores as JSON numbers (exact
   * up to 6 decimals), {@code null} when unknown; agents and queues as arrays of {@code "name (id)"}.
   * Equal to {@code of(interaction, outcome).toJsonLine()} with no row built.
   */
  public static void appendJsonLine(StringBuilder b, Interaction interaction, Rescored r) {
    b.append("{\"conversationId\":");
    VerdictRow.jsonString(b, interaction.conversationId().value());
    b.append(",\"scoreBefore\":").append(r.scoreBefore().decimal().toPlainString());
    b.append(",\"passedBefore\":");
    bool(b, r.passedBefore());
    b.append(",\"scoreAfter\":");
    b.append(r.scoreAfter().isPresent() ? r.scoreAfter().get().decimal().toPlainString() : "null");
    b.append(",\"passedAfter\":");
    bool(b, r.passedAfter());
    b.append(",\"flip\":\"").append(r.flip().name()).append('"');
    b.append(",\"agents\":[");
    for (int i = 0; i < interaction.agents().size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      VerdictRow.jsonString(b, interaction.agents().get(i).displayKey());
    }
    b.append("],\"queues\":[");
    for (int i = 0; i < interaction.queues().size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      VerdictRow.jsonString(b, interaction.queues().get(i).displayKey());
    }
    b.append("],\"form\":");
    if (interaction.evaluationFormName().isPresent()) {
      VerdictRow.jsonString(b, interaction.evaluationFormName().get());
    } else {
      b.append("null");
    }
    b.append('}');
  }

  private static void array(StringBuilder b, List<String> values) {
    b.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      VerdictRow.jsonString(b, values.get(i));
    }
    b.append(']');
  }

  private static void bool(StringBuilder b, Optional<Boolean> value) {
    b.append(value.isEmpty() ? "null" : value.get() ? "true" : "false");
  }
}
