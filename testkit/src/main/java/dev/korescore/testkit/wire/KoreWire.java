package dev.korescore.testkit.wire;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.korescore.core.model.Agent;
import dev.korescore.core.model.DuplicateKey;
import dev.korescore.core.model.Extras;
import dev.korescore.core.model.Intent;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Queue;
import dev.korescore.core.model.RawJson;
import dev.korescore.core.model.Topic;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Renders interactions as Kore's Raw Data JSON, independently of our JSON adapter: one compact record
 * in a chosen {@link KeyStyle}, and the response envelope {@code
 * {"results":[...],"totalResults":n,"totalPages":n,"hasMore":b}}. Keys follow the seed page's order;
 * absent optional fields are left out; instants are written {@code 2024-07-18T11:31:14.722Z};
 * durations {@code "118182 milliseconds"}; unknown fields ({@link Extras}) are written back verbatim
 * after the known ones.
 */
public final class KoreWire {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private KoreWire() {}

  /** One record as compact JSON (no line breaks), keys spelt as {@code style} spells them. */
  public static String record(Interaction interaction, KeyStyle style) {
    requireNonNull(interaction, "interaction");
    requireNonNull(style, "style");
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      writeRecord(g, interaction, style);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render interaction " + interaction.conversationId(), e);
    }
    return out.toString();
  }

  /**
   * The Raw Data response envelope around records already rendered as JSON.
   *
   * @param recordJsons complete JSON objects, written verbatim
   */
  public static String envelope(List<String> recordJsons, long totalResults, long totalPages, boolean hasMore) {
    return envelope(recordJsons, totalResults, totalPages, hasMore, false);
  }

  /**
   * The envelope, with {@code "totalPages"} printed twice when {@code totalPagesTwice} (as Kore's 2026 Auto
   * QA Reporting sample prints it, Koredotcom/docs {@code docs/xo/apis/quality-ai/auto-qa-reporting-api.md}).
   */
  public static String envelope(
      List<String> recordJsons, long totalResults, long totalPages, boolean hasMore, boolean totalPagesTwice) {
    requireNonNull(recordJsons, "recordJsons");
    int size = 64;
    for (String json : recordJsons) {
      size += json.length() + 1;
    }
    StringBuilder sb = new StringBuilder(size).append("{\"results\":[");
    for (int i = 0; i < recordJsons.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(requireNonNull(recordJsons.get(i), "recordJsons element"));
    }
    return sb.append("],\"totalResults\":").append(totalResults)
        .append(",\"totalPages\":").append(totalPages)
        .append(",\"hasMore\":").append(hasMore)
        .append(totalPagesTwice ? ",\"totalPages\":" + totalPages : "")
        .append('}')
        .toString();
  }

  /** Kore's error body: {@code {"errors":[{"msg":"...","code":401}]}}. */
  public static String error(String message, int code) {
    requireNonNull(message, "message");
    StringWriter out = new StringWriter(64 + message.length());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("errors");
      g.writeStartObject();
      g.writeStringField("msg", message);
      g.writeNumberField("code", code);
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render an error body", e);
    }
    return out.toString();
  }

  /** Kore's instant format: UTC with milliseconds, {@code 2024-07-18T11:31:14.722Z}. */
  public static String instant(Instant instant) {
    return INSTANT.format(instant);
  }

  private static void writeRecord(JsonGenerator g, Interaction in, KeyStyle style) throws IOException {
    g.writeStartObject();
    if (in.channel().isPresent()) {
      g.writeStringField("src", in.channel().get());
    }
    if (in.startTime().isPresent()) {
      g.writeStringField("Conversation Start Time", instant(in.startTime().get()));
    }
    if (in.endTime().isPresent()) {
      g.writeStringField("Conversation End Time", instant(in.endTime().get()));
    }
    if (in.duration().isPresent()) {
      g.writeStringField("Duration", in.duration().get().toMillis() + " milliseconds");
    }
    g.writeStringField(style.conversationIdKey(), in.conversationId().value());
    if (in.sentimentScore().isPresent()) {
      g.writeNumberField("Sentiment Score", in.sentimentScore().get());
    }
    if (!in.intents().isEmpty()) {
      g.writeArrayFieldStart("Intents");
      for (Intent intent : in.intents()) {
        writeIntent(g, intent);
      }
      g.writeEndArray();
    }
    if (!in.topics().isEmpty()) {
      g.writeArrayFieldStart("Topics");
      for (Topic topic : in.topics()) {
        g.writeStartObject();
        g.writeStringField("topic", topic.name());
        writeStrings(g, "keywords", topic.keywords());
        writeExtras(g, topic.extras());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    for (int copy = 0; copy < (printedTwice(in, null, style.scoreKey()) ? 2 : 1); copy++) {
      g.writeFieldName(style.scoreKey());
      if (in.koreScore() instanceof KoreScore.Scored scored) {
        g.writeNumber(scored.score());
      } else if (style.notEvaluatedAsText()) {
        g.writeString("NA");
      } else {
        g.writeNull();
      }
    }
    if (in.churnRiskObserved().isPresent()) {
      g.writeBooleanField("IsChurnRiskObserved", in.churnRiskObserved().get());
    }
    if (in.escalationObserved().isPresent()) {
      g.writeBooleanField("IsEscalationObserved", in.escalationObserved().get());
    }
    for (int copy = 0; in.passScore().isPresent() && copy < (printedTwice(in, null, "Pass Score") ? 2 : 1); copy++) {
      g.writeNumberField("Pass Score", in.passScore().getAsInt());
    }
    for (int copy = 0; in.passed().isPresent() && copy < (printedTwice(in, null, style.passedKey()) ? 2 : 1); copy++) {
      g.writeBooleanField(style.passedKey(), in.passed().get());
    }
    if (in.empathyScore().isPresent()) {
      g.writeNumberField("Empathy Score", in.empathyScore().get());
    }
    if (in.crutchWordScore().isPresent()) {
      g.writeNumberField("Crutch Word Score", in.crutchWordScore().get());
    }
    if (in.fatalErrorCount().isPresent()) {
      g.writeNumberField(style.fatalErrorsKey(), in.fatalErrorCount().getAsInt());
    }
    if (in.durationStatus().isPresent()) {
      g.writeStringField("duration_status", in.durationStatus().get().wireText());
    }
    if (!in.queues().isEmpty()) {
      g.writeArrayFieldStart("Queues");
      for (Queue queue : in.queues()) {
        g.writeStartObject();
        if (queue.id().isPresent()) {
          g.writeStringField("Queue ID", queue.id().get());
        }
        if (queue.name().isPresent()) {
          g.writeStringField("Queue Name", queue.name().get());
        }
        writeExtras(g, queue.extras());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (!in.agents().isEmpty()) {
      g.writeArrayFieldStart("Agents");
      for (Agent agent : in.agents()) {
        writeAgent(g, agent, style);
      }
      g.writeEndArray();
    }
    if (in.evaluationFormName().isPresent()) {
      g.writeStringField("Evaluation Form Name", in.evaluationFormName().get());
    }
    if (in.evaluationFormScoringType().isPresent()) {
      g.writeStringField("Evaluation Form Scoring Type", in.evaluationFormScoringType().get());
    }
    if (!in.metrics().isEmpty()) {
      g.writeArrayFieldStart("Metrics");
      for (int i = 0; i < in.metrics().size(); i++) {
        writeMetric(g, in, i, in.metrics().get(i));
      }
      g.writeEndArray();
    }
    writeExtras(g, in.extras());
    g.writeEndObject();
  }

  private static void writeIntent(JsonGenerator g, Intent intent) throws IOException {
    g.writeStartObject();
    // the seed writes "emotions": [] beside a sentiment, and leaves it out otherwise
    if (!intent.emotions().isEmpty() || intent.sentiment().isPresent()) {
      writeStrings(g, "emotions", intent.emotions());
    }
    g.writeStringField("intent", intent.name());
    writeStrings(g, "keywords", intent.keywords());
    if (intent.sentiment().isPresent()) {
      g.writeStringField("Sentiment", intent.sentiment().get());
    }
    if (intent.sentimentScore().isPresent()) {
      g.writeNumberField("Sentiment Score", intent.sentimentScore().get());
    }
    writeExtras(g, intent.extras());
    g.writeEndObject();
  }

  private static void writeAgent(JsonGenerator g, Agent agent, KeyStyle style) throws IOException {
    g.writeStartObject();
    if (agent.id().isPresent()) {
      g.writeStringField(style.agentIdKey(), agent.id().get());
    }
    if (agent.name().isPresent()) {
      g.writeStringField("Agent Name", agent.name().get());
    }
    if (agent.startTime().isPresent()) {
      g.writeStringField("Agent Start Time", instant(agent.startTime().get()));
    }
    if (agent.email().isPresent()) {
      g.writeStringField("Agent Email", agent.email().get());
    }
    writeExtras(g, agent.extras());
    g.writeEndObject();
  }

  /**
   * Whether the record lists {@code key} (of the record, or of the metric at {@code metricIndex}) among
   * its {@link Interaction#duplicateKeys()}: then it is printed twice, as Kore prints some keys.
   */
  private static boolean printedTwice(Interaction in, Integer metricIndex, String key) {
    for (DuplicateKey duplicate : in.duplicateKeys()) {
      boolean here = metricIndex == null
          ? duplicate.element().isEmpty()
          : duplicate.element().filter(e -> e.startsWith("Metrics[" + metricIndex + "]")).isPresent();
      if (here && normalised(duplicate.key()).equals(normalised(key))) {
        return true;
      }
    }
    return false;
  }

  private static String normalised(String key) {
    return key.replace(" ", "").replace("_", "").toLowerCase(java.util.Locale.ROOT);
  }

  private static void writeMetric(JsonGenerator g, Interaction in, int index, Metric metric) throws IOException {
    g.writeStartObject();
    if (metric.id().isPresent()) {
      g.writeStringField("Metric ID", metric.id().get());
    }
    if (metric.hasName()) {
      g.writeStringField("Metric Name", metric.name());
    }
    for (int copy = 0; metric.hasWeight() && copy < (printedTwice(in, index, "Metric Weight") ? 2 : 1); copy++) {
      g.writeNumberField("Metric Weight", metric.weight());
    }
    if (metric.negativeWeight() != 0) {
      g.writeNumberField("Metric Negative Weight", metric.negativeWeight());
    }
    for (int copy = 0; metric.hasQualification() && copy < (printedTwice(in, index, "Qualification") ? 2 : 1);
        copy++) {
      g.writeStringField("Qualification", metric.qualification().wireText());
    }
    if (metric.fatal()) {
      g.writeBooleanField("isFatalError", true);
    }
    writeExtras(g, metric.extras());
    g.writeEndObject();
  }

  private static void writeStrings(JsonGenerator g, String key, List<String> values) throws IOException {
    g.writeArrayFieldStart(key);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  private static void writeExtras(JsonGenerator g, Extras extras) throws IOException {
    for (Map.Entry<String, RawJson> field : extras.asMap().entrySet()) {
      g.writeFieldName(field.getKey());
      g.writeRawValue(field.getValue().json());
    }
  }
}
