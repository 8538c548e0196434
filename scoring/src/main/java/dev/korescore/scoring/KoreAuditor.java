package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.policy.ScoringPolicy;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The scoring engine's front door: recompute, verify and audit Kore interactions under one policy.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * KoreAuditor auditor = KoreAuditor.defaults();              // exclude NA, pass at >=, fatal zeroes
 * Verdict verdict = auditor.verify(interaction);              // Match, ScoreMismatch, ...
 * System.out.println(verdict.kind() + " " + verdict.reasons());
 * System.out.println(verdict.explanation().render("  "));
 * AuditSummary summary = auditor.verifyAll(interactions.stream());
 * }</pre>
 */
public final class KoreAuditor {
  private static final KoreAuditor DEFAULTS = new KoreAuditor(ScoringPolicy.defaults());

  private final ScoringPolicy policy;

  private KoreAuditor(ScoringPolicy policy) {
    this.policy = requireNonNull(policy, "policy");
  }

  /** An auditor under Kore's documented defaults ({@link ScoringPolicy#defaults()}). */
  public static KoreAuditor defaults() {
    return DEFAULTS;
  }

  /** An auditor under {@code policy}. */
  public static KoreAuditor withPolicy(ScoringPolicy policy) {
    return new KoreAuditor(policy);
  }

  /** The policy this auditor scores under. */
  public ScoringPolicy policy() {
    return policy;
  }

  /**
   * The exact score from the record's own metrics, ignoring Kore's score: empty when none can be
   * computed (no metrics, no applicable metric, an unrecognised qualification or a negative weight;
   * {@link #verify} says which).
   */
  public Optional<ExactScore> score(Interaction interaction) {
    return ScoringEngine.score(requireNonNull(interaction, "interaction"), policy);
  }

  /** Checks Kore's score and passed flag against the recomputation; the verdict carries its explanation. */
  public Verdict verify(Interaction interaction) {
    return ScoringEngine.verify(requireNonNull(interaction, "interaction"), policy);
  }

  /** Verifies every interaction and summarises, keeping the first {@value AuditAggregator#DEFAULT_PROBLEMS_KEPT} problems. */
  public AuditSummary verifyAll(Stream<Interaction> interactions) {
    AuditAggregator aggregator = newAggregator(false);
    interactions.sequential().forEachOrdered(i -> aggregator.accept(i, verify(i)));
    return aggregator.summary();
  }

  /** Like {@link #verifyAll}, over an iterator (a reader's stream of interactions). */
  public AuditSummary audit(Iterator<Interaction> interactions) {
    AuditAggregator aggregator = newAggregator(false);
    while (interactions.hasNext()) {
      Interaction interaction = interactions.next();
      aggregator.accept(interaction, verify(interaction));
    }
    return aggregator.summary();
  }

  /** Which policy variant explains most of {@code interactions}, and what share each explains. */
  public PolicyInference inferPolicy(Stream<Interaction> interactions) {
    AuditAggregator aggregator = newAggregator(true);
    interactions.sequential().forEachOrdered(i -> aggregator.accept(i, verify(i)));
    return aggregator.summary().inference().orElseThrow();
  }

  /** An empty aggregate under this auditor's policy, to feed verdicts yourself (or from several threads, merged). */
  public AuditAggregator newAggregator(boolean inferPolicy) {
    return AuditAggregator.create(policy, AuditAggregator.DEFAULT_PROBLEMS_KEPT, inferPolicy);
  }
}
