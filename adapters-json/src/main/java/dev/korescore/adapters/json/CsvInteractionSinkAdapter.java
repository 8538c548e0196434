package dev.korescore.adapters.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.korescore.core.model.Agent;
import dev.korescore.core.model.Intent;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.model.Queue;
import dev.korescore.core.model.Topic;
import dev.korescore.core.port.out.InteractionSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes interactions as two CSV tables (RFC 4180, UTF-8, with a header row): one row per interaction
 * to {@code interactions}, and one row per metric to {@code metrics}, joined by {@code conversationId}.
 * Text is always quoted, so names keep their leading and trailing spaces; absent values are empty
 * cells; lists (agents, queues, intents, topics) are joined with {@code |}. Not thread-safe.
 *
 * <p>Interaction columns: {@value #INTERACTION_COLUMNS}.
 *
 * <p>Metric columns: {@value #METRIC_COLUMNS}; {@code index} is the metric's 0-based place in the
 * record ({@code Metrics[index]} in error messages).
 *
 * <p>Text cells that a spreadsheet would take for a formula (starting with {@code =}, {@code +},
 * {@code -}, {@code @}, tab or carriage return, other than a plain number) get a leading {@code '} ({@link
 * CsvFormulaGuard}); {@link #createRaw} writes them as they are.
 *
 * <p>The sink owns both streams: {@link #close()} flushes and closes them.
 */
public final class CsvInteractionSinkAdapter implements InteractionSink {
  /** The interaction table's columns, in order. */
  public static final String INTERACTION_COLUMNS =
      "conversationId,channel,startTime,endTime,durationMs,sentimentScore,koreScore,passScore,passed,"
          + "churnRiskObserved,escalationObserved,empathyScore,crutchWordScore,fatalErrorCount,durationStatus,"
          + "agentIds,agentNames,queueIds,queueNames,evaluationFormName,evaluationFormScoringType,"
          + "metricCount,yesCount,noCount,naCount,manualCount,unrecognisedCount,intents,topics";

  /** The metric table's columns, in order. */
  public static final String METRIC_COLUMNS =
      "conversationId,index,metricId,name,weight,negativeWeight,qualification,fatal";

  private static final String LIST_SEPARATOR = "|";

  private final JsonGenerator interactions;
  private final JsonGenerator metrics;
  private final boolean formulaGuard;

  private CsvInteractionSinkAdapter(JsonGenerator interactions, JsonGenerator metrics, boolean formulaGuard) {
    this.interactions = interactions;
    this.metrics = metrics;
    this.formulaGuard = formulaGuard;
  }

  /**
   * A sink writing the interaction table to {@code interactions} and the metric table to {@code
   * metrics}, with formula-like text cells neutralised for spreadsheets.
   */
  public static CsvInteractionSinkAdapter create(OutputStream interactions, OutputStream metrics) {
    return create(interactions, metrics, true);
  }

  /** As {@link #create}, but every text cell exactly as in the data (for programs, not spreadsheets). */
  public static CsvInteractionSinkAdapter createRaw(OutputStream interactions, OutputStream metrics) {
    return create(interactions, metrics, false);
  }

  private static CsvInteractionSinkAdapter create(OutputStream interactions, OutputStream metrics, boolean guard) {
    requireNonNull(interactions, "interactions");
    requireNonNull(metrics, "metrics");
    CsvMapper mapper = KoreJson.csvMapper();
    try {
      return new CsvInteractionSinkAdapter(
          generator(mapper, interactions, INTERACTION_COLUMNS), generator(mapper, metrics, METRIC_COLUMNS), guard);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the CSV outputs", e);
    }
  }

  private static JsonGenerator generator(CsvMapper mapper, OutputStream out, String columns) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    for (String column : columns.split(",")) {
      schema.addColumn(column);
    }
    JsonGenerator generator = mapper.getFactory().createGenerator(out);
    generator.setSchema(schema.build());
    return generator;
  }

  @Override
  public void write(Interaction x) {
    requireNonNull(x, "interaction");
    try {
      writeInteraction(x);
      for (int i = 0; i < x.metrics().size(); i++) {
        writeMetric(x, i, x.metrics().get(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write interaction " + x.conversationId() + " as CSV", e);
    }
  }

  private void writeInteraction(Interaction x) throws IOException {
    JsonGenerator g = interactions;
    g.writeStartObject();
    textCell(g, "conversationId", x.conversationId().value());
    text(g, "channel", x.channel());
    text(g, "startTime", x.startTime().map(Object::toString));
    text(g, "endTime", x.endTime().map(Object::toString));
    if (x.duration().isPresent()) {
      g.writeFieldName("durationMs");
      g.writeNumber(new BigDecimal(RecordWriter.millisText(x.duration().get())));
    }
    number(g, "sentimentScore", x.sentimentScore());
    if (x.koreScore() instanceof KoreScore.Scored) {
      g.writeNumberField("koreScore", ((KoreScore.Scored) x.koreScore()).score());
    }
    integer(g, "passScore", x.passScore());
    bool(g, "passed", x.passed());
    bool(g, "churnRiskObserved", x.churnRiskObserved());
    bool(g, "escalationObserved", x.escalationObserved());
    number(g, "empathyScore", x.empathyScore());
    number(g, "crutchWordScore", x.crutchWordScore());
    integer(g, "fatalErrorCount", x.fatalErrorCount());
    text(g, "durationStatus", x.durationStatus().map(s -> s.wireText()));
    list(g, "agentIds", x.agents(), a -> a.id().orElse(""));
    list(g, "agentNames", x.agents(), (Agent a) -> a.name().orElse(""));
    list(g, "queueIds", x.queues(), q -> q.id().orElse(""));
    list(g, "queueNames", x.queues(), (Queue q) -> q.name().orElse(""));
    text(g, "evaluationFormName", x.evaluationFormName());
    text(g, "evaluationFormScoringType", x.evaluationFormScoringType());
    g.writeNumberField("metricCount", x.metrics().size());
    g.writeNumberField("yesCount", count(x, Qualification.Answer.YES));
    g.writeNumberField("noCount", count(x, Qualification.Answer.NO));
    g.writeNumberField("naCount", count(x, Qualification.Answer.NA));
    g.writeNumberField("manualCount", count(x, Qualification.Answer.MANUAL));
    g.writeNumberField(
        "unrecognisedCount",
        x.metrics().stream().filter(m -> m.qualification() instanceof Qualification.Unrecognised).count());
    list(g, "intents", x.intents(), Intent::name);
    list(g, "topics", x.topics(), Topic::name);
    g.writeEndObject();
  }

  private void writeMetric(Interaction x, int index, Metric m) throws IOException {
    JsonGenerator g = metrics;
    g.writeStartObject();
    textCell(g, "conversationId", x.conversationId().value());
    g.writeNumberField("index", index);
    text(g, "metricId", m.id());
    textCell(g, "name", m.name());
    if (m.hasWeight()) {
      g.writeNumberField("weight", m.weight());
    } else {
      g.writeStringField("weight", "");
    }
    g.writeNumberField("negativeWeight", m.negativeWeight());
    textCell(g, "qualification", m.hasQualification() ? m.qualification().wireText() : "");
    g.writeBooleanField("fatal", m.fatal());
    g.writeEndObject();
  }

  private static long count(Interaction x, Qualification answer) {
    return x.metrics().stream().filter(m -> m.qualification() == answer).count();
  }

  private void text(JsonGenerator g, String column, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      textCell(g, column, value.get());
    }
  }

  private void textCell(JsonGenerator g, String column, String value) throws IOException {
    g.writeStringField(column, formulaGuard ? CsvFormulaGuard.neutralise(value) : value);
  }

  private static void number(JsonGenerator g, String column, Optional<BigDecimal> value) throws IOException {
    if (value.isPresent()) {
      g.writeFieldName(column);
      g.writeNumber(value.get());
    }
  }

  private static void integer(JsonGenerator g, String column, OptionalInt value) throws IOException {
    if (value.isPresent()) {
      g.writeNumberField(column, value.getAsInt());
    }
  }

  private static void bool(JsonGenerator g, String column, Optional<Boolean> value) throws IOException {
    if (value.isPresent()) {
      g.writeBooleanField(column, value.get());
    }
  }

  private <T> void list(JsonGenerator g, String column, List<T> items, Function<T, String> text)
      throws IOException {
    if (!items.isEmpty()) {
      textCell(g, column, items.stream().map(text).collect(Collectors.joining(LIST_SEPARATOR)));
    }
  }

  @Override
  public void close() {
    IOException failure = null;
    for (JsonGenerator g : List.of(interactions, metrics)) {
      try {
        g.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw new UncheckedIOException("cannot close the CSV outputs", failure);
    }
  }
}
