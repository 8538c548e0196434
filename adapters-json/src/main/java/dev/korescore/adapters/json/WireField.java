package dev.korescore.adapters.json;

import dev.korescore.core.port.out.ReadScope;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every field the model knows, per object level, with the key each {@link KeyStyle} writes and the
 * normalised spellings the reader accepts (see {@link #normalise(String)}).
 */
enum WireField {
  // record
  SRC(Level.RECORD, "src", "src", "src"),
  START_TIME(Level.RECORD, "Conversation Start Time", "conversationStartTime", "conversationstarttime", "starttime"),
  END_TIME(Level.RECORD, "Conversation End Time", "conversationEndTime", "conversationendtime", "endtime"),
  DURATION(Level.RECORD, "Duration", "duration", "duration"),
  CONVERSATION_ID(Level.RECORD, "Conversation ID", "conversationId", "conversationid"),
  SENTIMENT_SCORE(Level.RECORD, "Sentiment Score", "sentimentScore", "sentimentscore"),
  INTENTS(Level.RECORD, "Intents", "intents", "intents"),
  TOPICS(Level.RECORD, "Topics", "topics", "topics"),
  KORE_SCORE(Level.RECORD, "Kore Evaluation Score", "koreEvaluationScore", "koreevaluationscore", "koreevalutionscore"),
  CHURN_RISK(Level.RECORD, "IsChurnRiskObserved", "isChurnRiskObserved", "ischurnriskobserved", "churnriskobserved"),
  ESCALATION(Level.RECORD, "IsEscalationObserved", "isEscalationObserved", "isescalationobserved", "escalationobserved"),
  PASS_SCORE(Level.RECORD, "Pass Score", "passScore", "passscore"),
  PASSED(Level.RECORD, "IsPassed", "isPassed", "ispassed", "passed"),
  EMPATHY_SCORE(Level.RECORD, "Empathy Score", "empathyScore", "empathyscore"),
  CRUTCH_WORD_SCORE(Level.RECORD, "Crutch Word Score", "crutchWordScore", "crutchwordscore"),
  FATAL_ERRORS(Level.RECORD, "Fatal Errors", "fatalErrorCount", "fatalerrors", "fatalerrorcount"),
  DURATION_STATUS(Level.RECORD, "duration_status", "duration_status", "durationstatus"),
  QUEUES(Level.RECORD, "Queues", "queues", "queues"),
  AGENTS(Level.RECORD, "Agents", "agents", "agents"),
  FORM_NAME(Level.RECORD, "Evaluation Form Name", "evaluationFormName", "evaluationformname"),
  FORM_SCORING_TYPE(
      Level.RECORD, "Evaluation Form Scoring Type", "evaluationFormScoringType", "evaluationformscoringtype"),
  METRICS(Level.RECORD, "Metrics", "metrics", "metrics"),
  // intent
  INTENT_NAME(Level.INTENT, "intent", "intent", "intent", "intentname", "name"),
  INTENT_KEYWORDS(Level.INTENT, "keywords", "keywords", "keywords"),
  INTENT_EMOTIONS(Level.INTENT, "emotions", "emotions", "emotions"),
  INTENT_SENTIMENT(Level.INTENT, "Sentiment", "sentiment", "sentiment"),
  INTENT_SENTIMENT_SCORE(Level.INTENT, "Sentiment Score", "sentimentScore", "sentimentscore"),
  // topic
  TOPIC_NAME(Level.TOPIC, "topic", "topic", "topic", "topicname", "name"),
  TOPIC_KEYWORDS(Level.TOPIC, "keywords", "keywords", "keywords"),
  // queue
  QUEUE_ID(Level.QUEUE, "Queue ID", "queueId", "queueid", "id"),
  QUEUE_NAME(Level.QUEUE, "Queue Name", "queueName", "queuename", "name"),
  // agent
  AGENT_ID(Level.AGENT, "agentId", "agentId", "agentid", "id"),
  AGENT_NAME(Level.AGENT, "Agent Name", "agentName", "agentname", "name"),
  AGENT_START_TIME(Level.AGENT, "Agent Start Time", "agentStartTime", "agentstarttime", "starttime"),
  AGENT_EMAIL(Level.AGENT, "Agent Email", "agentEmail", "agentemail", "email"),
  // metric
  METRIC_ID(Level.METRIC, "Metric ID", "metricId", "metricid", "id"),
  METRIC_NAME(Level.METRIC, "Metric Name", "metricName", "metricname", "name"),
  METRIC_WEIGHT(Level.METRIC, "Metric Weight", "metricWeight", "metricweight", "weight"),
  METRIC_NEGATIVE_WEIGHT(
      Level.METRIC, "Metric Negative Weight", "metricNegativeWeight", "metricnegativeweight", "negativeweight"),
  QUALIFICATION(Level.METRIC, "Qualification", "qualification", "qualification"),
  METRIC_FATAL(Level.METRIC, "isFatalError", "isFatalError", "isfatalerror", "isfatal", "fatalerror", "fatal");

  /** The kind of JSON object a field belongs to. */
  enum Level {
    RECORD,
    INTENT,
    TOPIC,
    QUEUE,
    AGENT,
    METRIC
  }

  private static final Map<Level, Map<String, WireField>> BY_LEVEL = index();

  private final Level level;
  private final String seedKey;
  private final String camelKey;
  private final String[] aliases;

  WireField(Level level, String seedKey, String camelKey, String... aliases) {
    this.level = level;
    this.seedKey = seedKey;
    this.camelKey = camelKey;
    this.aliases = aliases;
  }

  Level level() {
    return level;
  }

  /** Whether a reader with {@code scope} maps this field (see {@link ReadScope#AUDIT} for the list). */
  boolean inScope(ReadScope scope) {
    if (scope == ReadScope.EVERYTHING) {
      return true;
    }
    switch (this) {
      case SRC:
      case START_TIME:
      case CONVERSATION_ID:
      case KORE_SCORE:
      case PASS_SCORE:
      case PASSED:
      case DURATION_STATUS:
      case FATAL_ERRORS:
      case QUEUES:
      case AGENTS:
      case FORM_NAME:
      case METRICS:
      case QUEUE_ID:
      case QUEUE_NAME:
      case AGENT_ID:
      case AGENT_NAME:
      case METRIC_ID:
      case METRIC_NAME:
      case METRIC_WEIGHT:
      case METRIC_NEGATIVE_WEIGHT:
      case QUALIFICATION:
      case METRIC_FATAL:
        return true;
      default:
        return false;
    }
  }

  /**
   * Whether the audit uses this field's value: given twice in one record (or one metric), Kore's meaning
   * is unknown and the record is invalid; any other key given twice keeps its last value.
   */
  boolean audited() {
    switch (this) {
      case KORE_SCORE:
      case PASS_SCORE:
      case PASSED:
      case METRIC_WEIGHT:
      case METRIC_NEGATIVE_WEIGHT:
      case QUALIFICATION:
        return true;
      default:
        return false;
    }
  }

  String key(KeyStyle style) {
    return style == KeyStyle.SEED_2024 ? seedKey : camelKey;
  }

  /** The field a key names at {@code level}, or {@code null} for a key the model does not know. */
  static WireField lookup(Level level, String key) {
    return BY_LEVEL.get(level).get(normalise(key));
  }

  /** Lower case, without spaces, underscores and hyphens: {@code "Conversation ID"} -> {@code conversationid}. */
  static String normalise(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c != ' ' && c != '_' && c != '-' && c != '\t') {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static Map<Level, Map<String, WireField>> index() {
    Map<Level, Map<String, WireField>> byLevel = new HashMap<>();
    for (Level level : Level.values()) {
      byLevel.put(level, new HashMap<>());
    }
    for (WireField field : values()) {
      for (String alias : field.aliases) {
        WireField previous = byLevel.get(field.level).put(alias, field);
        if (previous != null) {
          throw new IllegalStateException("alias '" + alias + "' names both " + previous + " and " + field);
        }
      }
    }
    Map<Level, Map<String, WireField>> frozen = new HashMap<>();
    byLevel.forEach((level, map) -> frozen.put(level, Map.copyOf(map)));
    return Map.copyOf(frozen);
  }
}
