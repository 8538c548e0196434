package dev.korescore.adapters.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.korescore.core.model.Agent;
import dev.korescore.core.model.Extras;
import dev.korescore.core.model.Intent;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Queue;
import dev.korescore.core.model.RawJson;
import dev.korescore.core.model.Topic;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Writes an {@link Interaction} as one Kore record in the chosen {@link KeyStyle}, absent fields left
 * out and unknown fields written back verbatim, so that reading the output gives an equal interaction.
 */
final class RecordWriter {
  private final KeyStyle style;

  RecordWriter(KeyStyle style) {
    this.style = style;
  }

  void write(JsonGenerator g, Interaction x) throws IOException {
    g.writeStartObject();
    string(g, WireField.SRC, x.channel());
    instant(g, WireField.START_TIME, x.startTime());
    instant(g, WireField.END_TIME, x.endTime());
    if (x.duration().isPresent()) {
      g.writeStringField(key(WireField.DURATION), millisText(x.duration().get()) + " milliseconds");
    }
    g.writeStringField(key(WireField.CONVERSATION_ID), x.conversationId().value());
    decimal(g, WireField.SENTIMENT_SCORE, x.sentimentScore());
    if (!x.intents().isEmpty()) {
      g.writeArrayFieldStart(key(WireField.INTENTS));
      for (Intent intent : x.intents()) {
        intent(g, intent);
      }
      g.writeEndArray();
    }
    if (!x.topics().isEmpty()) {
      g.writeArrayFieldStart(key(WireField.TOPICS));
      for (Topic topic : x.topics()) {
        g.writeStartObject();
        g.writeStringField(key(WireField.TOPIC_NAME), topic.name());
        strings(g, WireField.TOPIC_KEYWORDS, topic.keywords(), true);
        extras(g, topic.extras());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeFieldName(key(WireField.KORE_SCORE));
    if (x.koreScore() instanceof KoreScore.Scored) {
      g.writeNumber(((KoreScore.Scored) x.koreScore()).score());
    } else {
      g.writeNull();
    }
    bool(g, WireField.CHURN_RISK, x.churnRiskObserved());
    bool(g, WireField.ESCALATION, x.escalationObserved());
    integer(g, WireField.PASS_SCORE, x.passScore());
    bool(g, WireField.PASSED, x.passed());
    decimal(g, WireField.EMPATHY_SCORE, x.empathyScore());
    decimal(g, WireField.CRUTCH_WORD_SCORE, x.crutchWordScore());
    integer(g, WireField.FATAL_ERRORS, x.fatalErrorCount());
    if (x.durationStatus().isPresent()) {
      g.writeStringField(key(WireField.DURATION_STATUS), x.durationStatus().get().wireText());
    }
    if (!x.queues().isEmpty()) {
      g.writeArrayFieldStart(key(WireField.QUEUES));
      for (Queue queue : x.queues()) {
        g.writeStartObject();
        string(g, WireField.QUEUE_ID, queue.id());
        string(g, WireField.QUEUE_NAME, queue.name());
        extras(g, queue.extras());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (!x.agents().isEmpty()) {
      g.writeArrayFieldStart(key(WireField.AGENTS));
      for (Agent agent : x.agents()) {
        g.writeStartObject();
        string(g, WireField.AGENT_ID, agent.id());
        string(g, WireField.AGENT_NAME, agent.name());
        instant(g, WireField.AGENT_START_TIME, agent.startTime());
        string(g, WireField.AGENT_EMAIL, agent.email());
        extras(g, agent.extras());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    string(g, WireField.FORM_NAME, x.evaluationFormName());
    string(g, WireField.FORM_SCORING_TYPE, x.evaluationFormScoringType());
    if (!x.metrics().isEmpty() || style == KeyStyle.CAMEL_CASE) {
      g.writeArrayFieldStart(key(WireField.METRICS));
      for (Metric metric : x.metrics()) {
        metric(g, metric);
      }
      g.writeEndArray();
    }
    extras(g, x.extras());
    g.writeEndObject();
  }

  private void intent(JsonGenerator g, Intent intent) throws IOException {
    g.writeStartObject();
    if (!intent.emotions().isEmpty()) {
      strings(g, WireField.INTENT_EMOTIONS, intent.emotions(), true);
    }
    g.writeStringField(key(WireField.INTENT_NAME), intent.name());
    strings(g, WireField.INTENT_KEYWORDS, intent.keywords(), true);
    string(g, WireField.INTENT_SENTIMENT, intent.sentiment());
    decimal(g, WireField.INTENT_SENTIMENT_SCORE, intent.sentimentScore());
    extras(g, intent.extras());
    g.writeEndObject();
  }

  private void metric(JsonGenerator g, Metric m) throws IOException {
    boolean full = style == KeyStyle.CAMEL_CASE;
    g.writeStartObject();
    string(g, WireField.METRIC_ID, m.id());
    if (m.hasName()) {
      g.writeStringField(key(WireField.METRIC_NAME), m.name());
    }
    if (m.hasWeight()) {
      g.writeNumberField(key(WireField.METRIC_WEIGHT), m.weight());
    }
    if (full || m.negativeWeight() != 0) {
      g.writeNumberField(key(WireField.METRIC_NEGATIVE_WEIGHT), m.negativeWeight());
    }
    if (m.hasQualification()) {
      g.writeStringField(key(WireField.QUALIFICATION), m.qualification().wireText());
    }
    if (full || m.fatal()) {
      g.writeBooleanField(key(WireField.METRIC_FATAL), m.fatal());
    }
    extras(g, m.extras());
    g.writeEndObject();
  }

  private String key(WireField field) {
    return field.key(style);
  }

  private void string(JsonGenerator g, WireField field, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      g.writeStringField(key(field), value.get());
    }
  }

  private void instant(JsonGenerator g, WireField field, Optional<Instant> value) throws IOException {
    if (value.isPresent()) {
      g.writeStringField(key(field), value.get().toString());
    }
  }

  private void decimal(JsonGenerator g, WireField field, Optional<BigDecimal> value) throws IOException {
    if (value.isPresent()) {
      g.writeFieldName(key(field));
      g.writeNumber(value.get());
    }
  }

  private void integer(JsonGenerator g, WireField field, OptionalInt value) throws IOException {
    if (value.isPresent()) {
      g.writeNumberField(key(field), value.getAsInt());
    }
  }

  private void bool(JsonGenerator g, WireField field, Optional<Boolean> value) throws IOException {
    if (value.isPresent()) {
      g.writeBooleanField(key(field), value.get());
    }
  }

  private void strings(JsonGenerator g, WireField field, List<String> values, boolean always)
      throws IOException {
    if (values.isEmpty() && !always) {
      return;
    }
    g.writeArrayFieldStart(key(field));
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  private static void extras(JsonGenerator g, Extras extras) throws IOException {
    for (Map.Entry<String, RawJson> e : extras.asMap().entrySet()) {
      g.writeFieldName(e.getKey());
      g.writeRawValue(e.getValue().json());
    }
  }

  /** Milliseconds as exact decimal text: {@code 118182}, or {@code 0.5} for half a millisecond. */
  static String millisText(Duration d) {
    BigDecimal ms =
        BigDecimal.valueOf(d.getSeconds()).movePointRight(3).add(BigDecimal.valueOf(d.getNano()).movePointLeft(6));
    BigDecimal stripped = ms.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
