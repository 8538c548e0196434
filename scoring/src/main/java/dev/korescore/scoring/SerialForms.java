package dev.korescore.scoring;

import dev.korescore.core.model.ConversationId;
import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.MetricChange;
import dev.korescore.core.policy.NaTreatment;
import dev.korescore.core.policy.ScoringPolicy;
import java.io.Serializable;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The serial forms of the records whose components include an {@code Optional} (which Java
 * serialization refuses): the same values with absent ones as {@code null}, read back through the
 * records' constructors, so their checks run again. They let a distributed engine (Apache Spark) ship
 * an {@link AuditAggregator} or a {@link WhatIfAggregator} from the machine that filled it to the one
 * that merges it.
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

  /** {@link WhatIf}'s serial form: its policy and its change ({@link FormChange} lives in core, unserializable). */
  static final class WhatIfForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ScoringPolicy policy;
    private final String form;
    private final Integer passScore;
    private final NaTreatment naTreatment;
    private final LinkedHashMap<String, MetricChangeForm> metrics = new LinkedHashMap<>();

    WhatIfForm(WhatIf whatIf) {
      FormChange change = whatIf.change();
      this.policy = whatIf.policy();
      this.form = change.form().orElse(null);
      this.passScore = change.passScore().isPresent() ? change.passScore().getAsInt() : null;
      this.naTreatment = change.naTreatment().orElse(null);
      change.metrics().forEach((name, metric) -> metrics.put(name, new MetricChangeForm(metric)));
    }

    private Object readResolve() {
      Map<String, MetricChange> changes = new LinkedHashMap<>();
      metrics.forEach((name, metric) -> changes.put(name, metric.change()));
      return WhatIf.of(policy, new FormChange(Optional.ofNullable(form),
          passScore == null ? OptionalInt.empty() : OptionalInt.of(passScore), Optional.ofNullable(naTreatment),
          changes));
    }
  }

  /** {@link MetricChange}'s serial form. */
  static final class MetricChangeForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Long weight;
    private final Long negativeWeight;
    private final Boolean fatal;
    private final boolean drop;

    MetricChangeForm(MetricChange m) {
      this.weight = m.weight().isPresent() ? m.weight().getAsLong() : null;
      this.negativeWeight = m.negativeWeight().isPresent() ? m.negativeWeight().getAsLong() : null;
      this.fatal = m.fatal().orElse(null);
      this.drop = m.drop();
    }

    MetricChange change() {
      return new MetricChange(weight == null ? OptionalLong.empty() : OptionalLong.of(weight),
          negativeWeight == null ? OptionalLong.empty() : OptionalLong.of(negativeWeight), Optional.ofNullable(fatal),
          drop);
    }
  }

  /** {@link WhatIfOutcome.Rescored}'s serial form. */
  static final class RescoredForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ConversationId conversationId;
    private final ExactScore scoreBefore;
    private final Boolean passedBefore;
    private final ExactScore scoreAfter;
    private final Boolean passedAfter;
    private final boolean inScope;

    RescoredForm(WhatIfOutcome.Rescored r) {
      this.conversationId = r.conversationId();
      this.scoreBefore = r.scoreBefore();
      this.passedBefore = r.passedBefore().orElse(null);
      this.scoreAfter = r.scoreAfter().orElse(null);
      this.passedAfter = r.passedAfter().orElse(null);
      this.inScope = r.inScope();
    }

    private Object readResolve() {
      return new WhatIfOutcome.Rescored(conversationId, scoreBefore, Optional.ofNullable(passedBefore),
          Optional.ofNullable(scoreAfter), Optional.ofNullable(passedAfter), inScope);
    }
  }

  /** {@link WhatIfFlip}'s serial form. */
  static final class WhatIfFlipForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private final WhatIfOutcome.Rescored outcome;
    private final String agent;
    private final String queue;
    private final String form;
    private final ArrayList<String> reasons;

    WhatIfFlipForm(WhatIfFlip flip) {
      this.outcome = flip.outcome();
      this.agent = flip.agent();
      this.queue = flip.queue();
      this.form = flip.form().orElse(null);
      this.reasons = new ArrayList<>(flip.reasons());
    }

    private Object readResolve() {
      return new WhatIfFlip(outcome, agent, queue, Optional.ofNullable(form), reasons);
    }
  }
}
