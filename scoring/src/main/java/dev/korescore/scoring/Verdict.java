package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.ConversationId;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * What the audit of one interaction found, with the {@link Explanation} behind it. A closed set of
 * records: {@link Match}, {@link ScoreMismatch}, {@link PassMismatch}, {@link NotAuditable}, {@link
 * Invalid}.
 */
public sealed interface Verdict extends Serializable
    permits Verdict.Match, Verdict.ScoreMismatch, Verdict.PassMismatch, Verdict.NotAuditable, Verdict.Invalid {

  /** The interaction the verdict is about. */
  ConversationId conversationId();

  /** How the verdict was reached: each metric's contribution, the sums, the policy, the alternatives. */
  Explanation explanation();

  /** Why, in words; empty for a match. */
  List<String> reasons();

  /** Which of the five verdicts this is. */
  VerdictKind kind();

  /** The metric the verdict is about, when one is to blame (an invalid or a failed fatal metric). */
  default Optional<String> metric() {
    return Optional.empty();
  }

  /** Whether an analyst should look at it: a mismatch or an invalid record. */
  default boolean isProblem() {
    return kind().isProblem();
  }

  /** Kore's score and pass flag agree with the recomputation under the policy. */
  record Match(ConversationId conversationId, Explanation explanation) implements Verdict {
    public Match {
      requireNonNull(conversationId, "conversationId");
      requireNonNull(explanation, "explanation");
    }

    @Override
    public List<String> reasons() {
      return List.of();
    }

    @Override
    public VerdictKind kind() {
      return VerdictKind.MATCH;
    }
  }

  /**
   * Kore's integer is neither the exact score rounded down nor rounded up (widened by the tolerance).
   * The reasons also name a pass problem when there is one.
   *
   * @param koreScore Kore's published score
   * @param computed the exact recomputed score
   */
  record ScoreMismatch(
      ConversationId conversationId, int koreScore, ExactScore computed, List<String> reasons, Explanation explanation)
      implements Verdict {
    public ScoreMismatch {
      requireNonNull(conversationId, "conversationId");
      requireNonNull(computed, "computed");
      reasons = List.copyOf(reasons);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("reasons must not be empty for " + conversationId);
      }
      requireNonNull(explanation, "explanation");
    }

    @Override
    public VerdictKind kind() {
      return VerdictKind.SCORE_MISMATCH;
    }
  }

  /**
   * The score agrees, but Kore's passed flag disagrees with the pass rule applied to Kore's score.
   *
   * @param korePassed Kore's {@code IsPassed}
   * @param expectedPassed what the pass rule says
   */
  record PassMismatch(
      ConversationId conversationId, boolean korePassed, boolean expectedPassed, List<String> reasons,
      Explanation explanation)
      implements Verdict {
    public PassMismatch {
      requireNonNull(conversationId, "conversationId");
      reasons = List.copyOf(reasons);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("reasons must not be empty for " + conversationId);
      }
      if (korePassed == expectedPassed) {
        throw new IllegalArgumentException(
            "korePassed and expectedPassed must differ for " + conversationId + ", both were " + korePassed);
      }
      requireNonNull(explanation, "explanation");
    }

    @Override
    public VerdictKind kind() {
      return VerdictKind.PASS_MISMATCH;
    }
  }

  /**
   * There is nothing to check: duration status other than evaluated, not evaluated, no metrics, a metric
   * without its weight or answer, or no applicable metric.
   */
  record NotAuditable(ConversationId conversationId, NotAuditableReason cause, String reason, Explanation explanation)
      implements Verdict {
    public NotAuditable {
      requireNonNull(conversationId, "conversationId");
      requireNonNull(cause, "cause");
      requireNonNull(reason, "reason");
      requireNonNull(explanation, "explanation");
    }

    @Override
    public List<String> reasons() {
      return List.of(reason);
    }

    @Override
    public VerdictKind kind() {
      return VerdictKind.NOT_AUDITABLE;
    }
  }

  /**
   * The record cannot be scored as it stands: an audited key given twice, an unrecognised qualification, a
   * negative weight or negative "negative weight", a passed flag without a pass score.
   *
   * @param metric the metric at fault, when one is
   */
  record Invalid(ConversationId conversationId, String reason, Optional<String> metric, Explanation explanation)
      implements Verdict {
    public Invalid {
      requireNonNull(conversationId, "conversationId");
      requireNonNull(reason, "reason");
      requireNonNull(metric, "metric");
      requireNonNull(explanation, "explanation");
    }

    private Object writeReplace() {
      return new SerialForms.InvalidForm(conversationId, reason, metric.orElse(null), explanation);
    }

    @Override
    public List<String> reasons() {
      return List.of(reason);
    }

    @Override
    public VerdictKind kind() {
      return VerdictKind.INVALID;
    }
  }

  /** Why an interaction could not be audited. */
  enum NotAuditableReason {
    NOT_EVALUATED,
    DURATION_STATUS,
    NO_METRICS,
    /** A metric lacks its weight or its answer (Kore prints such metrics in some samples). */
    INCOMPLETE_METRIC,
    NO_APPLICABLE_METRIC
  }
}
