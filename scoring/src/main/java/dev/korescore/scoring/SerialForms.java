package dev.korescore.scoring;

import dev.korescore.core.model.ConversationId;
import dev.korescore.core.policy.ScoringPolicy;
import java.io.Serializable;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The serial forms of the records whose components include an {@code Optional} (which Java
 * serialization refuses): the same values with absent ones as {@code null}, read back through the
 * records' constructors, so their checks run again. They let a distributed engine (Apache Spark) ship
 * an {@link AuditAggregator} from the machine that filled it to the one that merges it.
 */
final class SerialForms {
  private SerialForms() {}

  /** {@link Verdict.Invalid}'s serial form. */
  static final class InvalidForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ConversationId conversationId;
    private final String reason;
    private final String metric;
    private final Explanation explanation;

    InvalidForm(ConversationId conversationId, String reason, String metric, Explanation explanation) {
      this.conversationId = conversationId;
      this.reason = reason;
      this.metric = metric;
      this.explanation = explanation;
    }

    private Object readResolve() {
      return new Verdict.Invalid(conversationId, reason, Optional.ofNullable(metric), explanation);
    }
  }

  /** {@link ProblemInteraction}'s serial form. */
  static final class ProblemInteractionForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Verdict verdict;
    private final String agent;
    private final String queue;
    private final LocalDate day;
    private final Integer koreScore;
    private final Integer passScore;
    private final Boolean korePassed;

    ProblemInteractionForm(ProblemInteraction p) {
      this.verdict = p.verdict();
      this.agent = p.agent();
      this.queue = p.queue();
      this.day = p.day().orElse(null);
      this.koreScore = p.koreScore().isPresent() ? p.koreScore().getAsInt() : null;
      this.passScore = p.passScore().isPresent() ? p.passScore().getAsInt() : null;
      this.korePassed = p.korePassed().orElse(null);
    }

    private Object readResolve() {
      return new ProblemInteraction(verdict, agent, queue, Optional.ofNullable(day),
          koreScore == null ? OptionalInt.empty() : OptionalInt.of(koreScore),
          passScore == null ? OptionalInt.empty() : OptionalInt.of(passScore), Optional.ofNullable(korePassed));
    }
  }

  /** {@link Explanation}'s serial form. */
  static final class ExplanationForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ScoringPolicy policy;
    private final List<MetricContribution> contributions;
    private final BigInteger numerator;
    private final BigInteger denominator;
    private final ExactScore score;
    private final String failedFatalMetric;
    private final Boolean computedPassed;
    private final List<String> alternatives;
    private final List<ScoringPolicy> explainingPolicies;
    private final Integer fatalFromCount;

    ExplanationForm(Explanation e) {
      this.policy = e.policy();
      this.contributions = e.contributions();
      this.numerator = e.numerator();
      this.denominator = e.denominator();
      this.score = e.score().orElse(null);
      this.failedFatalMetric = e.failedFatalMetric().orElse(null);
      this.computedPassed = e.computedPassed().orElse(null);
      this.alternatives = e.alternatives();
      this.explainingPolicies = e.explainingPolicies();
      this.fatalFromCount = e.fatalFromCount().isPresent() ? e.fatalFromCount().getAsInt() : null;
    }

    private Object readResolve() {
      return new Explanation(policy, contributions, numerator, denominator, Optional.ofNullable(score),
          Optional.ofNullable(failedFatalMetric), Optional.ofNullable(computedPassed), alternatives,
          explainingPolicies, fatalFromCount == null ? OptionalInt.empty() : OptionalInt.of(fatalFromCount));
    }
  }
}
