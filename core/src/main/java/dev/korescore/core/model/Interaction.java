package dev.korescore.core.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Kore Quality AI interaction as the Raw Data API reports it: the conversation, its analytics, Kore's
 * evaluation and the metrics of the evaluation form it was scored against. Every field but the id is
 * optional, because Kore's API versions disagree on what they send. Build one with {@link
 * #builder(ConversationId)}.
 *
 * @param conversationId {@code "Conversation ID"} / {@code conversationId}
 * @param channel {@code src}, the channel the conversation started in
 * @param startTime {@code "Conversation Start Time"}
 * @param endTime {@code "Conversation End Time"}
 * @param duration {@code "Duration"} ({@code "118182 milliseconds"} on the wire)
 * @param sentimentScore {@code "Sentiment Score"} (1 to 10, may be decimal)
 * @param intents {@code Intents[]}
 * @param topics {@code Topics[]}
 * @param koreScore {@code "Kore Evaluation Score"} and its later spellings
 * @param passScore {@code "Pass Score"} of the form
 * @param passed {@code "IsPassed"}: Kore's pass/fail verdict
 * @param churnRiskObserved {@code IsChurnRiskObserved}
 * @param escalationObserved {@code IsEscalationObserved}
 * @param empathyScore {@code "Empathy Score"}
 * @param crutchWordScore {@code "Crutch Word Score"}
 * @param fatalErrorCount {@code "Fatal Errors"} / {@code fatalErrorCount}
 * @param durationStatus {@code duration_status}
 * @param queues {@code Queues[]}
 * @param agents {@code Agents[]}
 * @param evaluationFormName {@code "Evaluation Form Name"}
 * @param evaluationFormScoringType {@code "Evaluation Form Scoring Type"} (percentage or points)
 * @param metrics {@code Metrics[]}, in Kore's order
 * @param extras top-level fields the model does not know
 * @param duplicateKeys audited keys the record printed twice (an audit calls such a record invalid)
 */
public record Interaction(
    ConversationId conversationId,
    Optional<String> channel,
    Optional<Instant> startTime,
    Optional<Instant> endTime,
    Optional<Duration> duration,
    Optional<BigDecimal> sentimentScore,
    List<Intent> intents,
    List<Topic> topics,
    KoreScore koreScore,
    OptionalInt passScore,
    Optional<Boolean> passed,
    Optional<Boolean> churnRiskObserved,
    Optional<Boolean> escalationObserved,
    Optional<BigDecimal> empathyScore,
    Optional<BigDecimal> crutchWordScore,
    OptionalInt fatalErrorCount,
    Optional<DurationStatus> durationStatus,
    List<Queue> queues,
    List<Agent> agents,
    Optional<String> evaluationFormName,
    Optional<String> evaluationFormScoringType,
    List<Metric> metrics,
    Extras extras,
    List<DuplicateKey> duplicateKeys) {

  public Interaction {
    requireNonNull(conversationId, "conversationId");
    requireNonNull(channel, "channel");
    requireNonNull(startTime, "startTime");
    requireNonNull(endTime, "endTime");
    requireNonNull(duration, "duration");
    sentimentScore = Decimals.canonical(requireNonNull(sentimentScore, "sentimentScore"));
    intents = List.copyOf(intents);
    topics = List.copyOf(topics);
    requireNonNull(koreScore, "koreScore");
    requireNonNull(passScore, "passScore");
    requireNonNull(passed, "passed");
    requireNonNull(churnRiskObserved, "churnRiskObserved");
    requireNonNull(escalationObserved, "escalationObserved");
    empathyScore = Decimals.canonical(requireNonNull(empathyScore, "empathyScore"));
    crutchWordScore = Decimals.canonical(requireNonNull(crutchWordScore, "crutchWordScore"));
    requireNonNull(fatalErrorCount, "fatalErrorCount");
    requireNonNull(durationStatus, "durationStatus");
    queues = List.copyOf(queues);
    agents = List.copyOf(agents);
    requireNonNull(evaluationFormName, "evaluationFormName");
    requireNonNull(evaluationFormScoringType, "evaluationFormScoringType");
    metrics = List.copyOf(metrics);
    requireNonNull(extras, "extras");
    duplicateKeys = List.copyOf(duplicateKeys);
    duration.ifPresent(
        d -> {
          if (d.isNegative()) {
            throw new IllegalArgumentException(
                "duration must not be negative, was " + d + " for conversation " + conversationId);
          }
        });
  }

  /** A builder for the interaction with this id; every other field starts absent or empty. */
  public static Builder builder(ConversationId conversationId) {
    return new Builder().conversationId(conversationId);
  }

  /** A builder for the interaction with this id (not blank); every other field starts absent or empty. */
  public static Builder builder(String conversationId) {
    return builder(ConversationId.of(conversationId));
  }

  /**
   * A builder whose conversation id is set later with {@link Builder#conversationId}: for readers that
   * meet the id after other fields of the record.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding every field of this interaction, to change a few. */
  public Builder toBuilder() {
    Builder b = builder(conversationId);
    b.channel = channel;
    b.startTime = startTime;
    b.endTime = endTime;
    b.duration = duration;
    b.sentimentScore = sentimentScore;
    b.intents = intents;
    b.topics = topics;
    b.koreScore = koreScore;
    b.passScore = passScore;
    b.passed = passed;
    b.churnRiskObserved = churnRiskObserved;
    b.escalationObserved = escalationObserved;
    b.empathyScore = empathyScore;
    b.crutchWordScore = crutchWordScore;
    b.fatalErrorCount = fatalErrorCount;
    b.durationStatus = durationStatus;
    b.queues = queues;
    b.agents = agents;
    b.evaluationFormName = evaluationFormName;
    b.evaluationFormScoringType = evaluationFormScoringType;
    b.metrics = metrics;
    b.extras = extras;
    b.duplicateKeys = duplicateKeys;
    return b;
  }

  /** The first agent's key, or {@code "(no agent)"}: what per-agent reports group by. */
  public String primaryAgentKey() {
    return agents.isEmpty() ? "(no agent)" : agents.get(0).displayKey();
  }

  /** The first queue's key, or {@code "(no queue)"}: what per-queue reports group by. */
  public String primaryQueueKey() {
    return queues.isEmpty() ? "(no queue)" : queues.get(0).displayKey();
  }

  /**
   * Builds an {@link Interaction}; every optional field starts absent and every list empty. List setters
   * keep an immutable copy (free when the list is already immutable); {@code add...} methods append.
   */
  public static final class Builder {
    private ConversationId conversationId;
    private Optional<String> channel = Optional.empty();
    private Optional<Instant> startTime = Optional.empty();
    private Optional<Instant> endTime = Optional.empty();
    private Optional<Duration> duration = Optional.empty();
    private Optional<BigDecimal> sentimentScore = Optional.empty();
    private List<Intent> intents = List.of();
    private List<Topic> topics = List.of();
    private KoreScore koreScore = KoreScore.notEvaluated();
    private OptionalInt passScore = OptionalInt.empty();
    private Optional<Boolean> passed = Optional.empty();
    private Optional<Boolean> churnRiskObserved = Optional.empty();
    private Optional<Boolean> escalationObserved = Optional.empty();
    private Optional<BigDecimal> empathyScore = Optional.empty();
    private Optional<BigDecimal> crutchWordScore = Optional.empty();
    private OptionalInt fatalErrorCount = OptionalInt.empty();
    private Optional<DurationStatus> durationStatus = Optional.empty();
    private List<Queue> queues = List.of();
    private List<Agent> agents = List.of();
    private Optional<String> evaluationFormName = Optional.empty();
    private Optional<String> evaluationFormScoringType = Optional.empty();
    private List<Metric> metrics = List.of();
    private Extras extras = Extras.none();
    private List<DuplicateKey> duplicateKeys = List.of();

    private Builder() {}

    /** Sets the conversation id, for a reader that learns it after the other fields. */
    public Builder conversationId(ConversationId value) {
      this.conversationId = requireNonNull(value, "conversationId");
      return this;
    }

    /** {@code list} with {@code value} added; a list the builder made itself grows in place. */
    private static <T> List<T> appended(List<T> list, T value) {
      List<T> target = list instanceof ArrayList<T> own ? own : new ArrayList<>(list);
      target.add(value);
      return target;
    }

    /** Sets the channel ({@code src}). */
    public Builder channel(String value) {
      this.channel = Optional.of(value);
      return this;
    }

    /** Sets the channel, or clears it when empty. */
    public Builder channel(Optional<String> value) {
      this.channel = requireNonNull(value, "channel");
      return this;
    }

    /** Sets the conversation's start time. */
    public Builder startTime(Instant value) {
      this.startTime = Optional.of(value);
      return this;
    }

    /** Sets the conversation's start time, or clears it when empty. */
    public Builder startTime(Optional<Instant> value) {
      this.startTime = requireNonNull(value, "startTime");
      return this;
    }

    /** Sets the conversation's end time. */
    public Builder endTime(Instant value) {
      this.endTime = Optional.of(value);
      return this;
    }

    /** Sets the conversation's end time, or clears it when empty. */
    public Builder endTime(Optional<Instant> value) {
      this.endTime = requireNonNull(value, "endTime");
      return this;
    }

    /** Sets the conversation's duration. */
    public Builder duration(Duration value) {
      this.duration = Optional.of(value);
      return this;
    }

    /** Sets the conversation's duration, or clears it when empty. */
    public Builder duration(Optional<Duration> value) {
      this.duration = requireNonNull(value, "duration");
      return this;
    }

    /** Sets the sentiment score. */
    public Builder sentimentScore(BigDecimal value) {
      this.sentimentScore = Optional.of(value);
      return this;
    }

    /** Sets the sentiment score, or clears it when empty. */
    public Builder sentimentScore(Optional<BigDecimal> value) {
      this.sentimentScore = requireNonNull(value, "sentimentScore");
      return this;
    }

    /** Replaces the intents. */
    public Builder intents(List<Intent> value) {
      this.intents = List.copyOf(value);
      return this;
    }

    /** Adds one intent after those set so far. */
    public Builder addIntent(Intent value) {
      this.intents = appended(this.intents, requireNonNull(value, "intent"));
      return this;
    }

    /** Replaces the topics. */
    public Builder topics(List<Topic> value) {
      this.topics = List.copyOf(value);
      return this;
    }

    /** Adds one topic after those set so far. */
    public Builder addTopic(Topic value) {
      this.topics = appended(this.topics, requireNonNull(value, "topic"));
      return this;
    }

    /** Sets Kore's evaluation score, or {@link KoreScore#notEvaluated()}. */
    public Builder koreScore(KoreScore value) {
      this.koreScore = requireNonNull(value, "koreScore");
      return this;
    }

    /** Sets Kore's evaluation score to this integer. */
    public Builder koreScore(int value) {
      this.koreScore = KoreScore.of(value);
      return this;
    }

    /** Sets the form's pass score. */
    public Builder passScore(int value) {
      this.passScore = OptionalInt.of(value);
      return this;
    }

    /** Sets the form's pass score, or clears it when empty. */
    public Builder passScore(OptionalInt value) {
      this.passScore = requireNonNull(value, "passScore");
      return this;
    }

    /** Sets Kore's pass/fail verdict ({@code IsPassed}). */
    public Builder passed(boolean value) {
      this.passed = Optional.of(value);
      return this;
    }

    /** Sets Kore's pass/fail verdict, or clears it when empty. */
    public Builder passed(Optional<Boolean> value) {
      this.passed = requireNonNull(value, "passed");
      return this;
    }

    /** Sets whether Kore observed a churn risk. */
    public Builder churnRiskObserved(boolean value) {
      this.churnRiskObserved = Optional.of(value);
      return this;
    }

    /** Sets whether Kore observed a churn risk, or clears it when empty. */
    public Builder churnRiskObserved(Optional<Boolean> value) {
      this.churnRiskObserved = requireNonNull(value, "churnRiskObserved");
      return this;
    }

    /** Sets whether Kore observed an escalation. */
    public Builder escalationObserved(boolean value) {
      this.escalationObserved = Optional.of(value);
      return this;
    }

    /** Sets whether Kore observed an escalation, or clears it when empty. */
    public Builder escalationObserved(Optional<Boolean> value) {
      this.escalationObserved = requireNonNull(value, "escalationObserved");
      return this;
    }

    /** Sets the empathy score. */
    public Builder empathyScore(BigDecimal value) {
      this.empathyScore = Optional.of(value);
      return this;
    }

    /** Sets the empathy score, or clears it when empty. */
    public Builder empathyScore(Optional<BigDecimal> value) {
      this.empathyScore = requireNonNull(value, "empathyScore");
      return this;
    }

    /** Sets the crutch word score. */
    public Builder crutchWordScore(BigDecimal value) {
      this.crutchWordScore = Optional.of(value);
      return this;
    }

    /** Sets the crutch word score, or clears it when empty. */
    public Builder crutchWordScore(Optional<BigDecimal> value) {
      this.crutchWordScore = requireNonNull(value, "crutchWordScore");
      return this;
    }

    /** Sets the number of fatal errors Kore counted. */
    public Builder fatalErrorCount(int value) {
      this.fatalErrorCount = OptionalInt.of(value);
      return this;
    }

    /** Sets the number of fatal errors Kore counted, or clears it when empty. */
    public Builder fatalErrorCount(OptionalInt value) {
      this.fatalErrorCount = requireNonNull(value, "fatalErrorCount");
      return this;
    }

    /** Sets the duration status. */
    public Builder durationStatus(DurationStatus value) {
      this.durationStatus = Optional.of(value);
      return this;
    }

    /** Sets the duration status, or clears it when empty. */
    public Builder durationStatus(Optional<DurationStatus> value) {
      this.durationStatus = requireNonNull(value, "durationStatus");
      return this;
    }

    /** Replaces the queues. */
    public Builder queues(List<Queue> value) {
      this.queues = List.copyOf(value);
      return this;
    }

    /** Adds one queue after those set so far. */
    public Builder addQueue(Queue value) {
      this.queues = appended(this.queues, requireNonNull(value, "queue"));
      return this;
    }

    /** Replaces the agents. */
    public Builder agents(List<Agent> value) {
      this.agents = List.copyOf(value);
      return this;
    }

    /** Adds one agent after those set so far. */
    public Builder addAgent(Agent value) {
      this.agents = appended(this.agents, requireNonNull(value, "agent"));
      return this;
    }

    /** Sets the evaluation form's name. */
    public Builder evaluationFormName(String value) {
      this.evaluationFormName = Optional.of(value);
      return this;
    }

    /** Sets the evaluation form's name, or clears it when empty. */
    public Builder evaluationFormName(Optional<String> value) {
      this.evaluationFormName = requireNonNull(value, "evaluationFormName");
      return this;
    }

    /** Sets the evaluation form's scoring type (percentage or points). */
    public Builder evaluationFormScoringType(String value) {
      this.evaluationFormScoringType = Optional.of(value);
      return this;
    }

    /** Sets the evaluation form's scoring type, or clears it when empty. */
    public Builder evaluationFormScoringType(Optional<String> value) {
      this.evaluationFormScoringType = requireNonNull(value, "evaluationFormScoringType");
      return this;
    }

    /** Replaces the metrics, in Kore's order. */
    public Builder metrics(List<Metric> value) {
      this.metrics = List.copyOf(value);
      return this;
    }

    /** Adds one metric after those set so far. */
    public Builder addMetric(Metric value) {
      this.metrics = appended(this.metrics, requireNonNull(value, "metric"));
      return this;
    }

    /** Sets the fields the model does not know. */
    public Builder extras(Extras value) {
      this.extras = requireNonNull(value, "extras");
      return this;
    }

    /** The keys the record gave more than once (the reader keeps the first value of each). */
    public Builder duplicateKeys(List<DuplicateKey> value) {
      this.duplicateKeys = List.copyOf(value);
      return this;
    }

    /**
     * Validates and builds; see {@link Interaction}'s constructor for the checks.
     *
     * @throws IllegalStateException when no conversation id was set
     */
    public Interaction build() {
      if (conversationId == null) {
        throw new IllegalStateException("an interaction needs a conversation id; none was set");
      }
      return new Interaction(
          conversationId,
          channel,
          startTime,
          endTime,
          duration,
          sentimentScore,
          intents,
          topics,
          koreScore,
          passScore,
          passed,
          churnRiskObserved,
          escalationObserved,
          empathyScore,
          crutchWordScore,
          fatalErrorCount,
          durationStatus,
          queues,
          agents,
          evaluationFormName,
          evaluationFormScoringType,
          metrics,
          extras,
          duplicateKeys);
    }
  }
}
