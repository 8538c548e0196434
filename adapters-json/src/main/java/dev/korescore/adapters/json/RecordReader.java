package dev.korescore.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.korescore.adapters.json.NestedObjectReader.Duplicates;
import dev.korescore.adapters.json.ValueReader.Problem;
import dev.korescore.adapters.json.WireField.Level;
import dev.korescore.core.model.ConversationId;
import dev.korescore.core.model.DuplicateKey;
import dev.korescore.core.model.DurationStatus;
import dev.korescore.core.model.Extras;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.RawJson;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.ReadScope;
import dev.korescore.core.port.out.SourcePosition;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps one Kore record from a streaming {@link JsonParser} to an {@link Interaction}, token by token
 * (no tree). Tolerant of every key variant and of numbers and booleans given as strings. A value that
 * cannot be mapped does not stop the reading of the record: the first problem is kept with its place,
 * the rest of the record is read (to learn the conversation id), then the record is refused with an
 * {@link InteractionReadException}. Malformed JSON surfaces as Jackson's {@link IOException}s.
 */
final class RecordReader {
  /** Lines before the parser's first line: a parser restarted after a bad line counts from 1 again. */
  private long lineBase;
  private String source;
  private final KeyCache keys = new KeyCache();
  private final ValueReader values;
  private final RawJsonCopier copier;
  private final NestedObjectReader nested;
  /** Audited keys of the current record given twice, at any level. */
  private final Duplicates duplicates = new Duplicates();

  /** Where the current record started; null outside a record. */
  private JsonLocation recordStart;
  /** Conversation id of the current record, once read; null outside a record. */
  private String conversationId;
  /** A top-level {@code errors} field skipped by the scope: kept for the message of a record without id. */
  private RawJson skippedErrors;

  /** Whether unknown fields are kept as {@link Extras} (else skipped unread). */
  private final boolean keepExtras;
  /** Per {@link WireField#ordinal()}: whether the scope leaves the field out (skipped unread). */
  private final boolean[] skipped;

  RecordReader(JsonParser parser, JsonFactory factory, String source) {
    this(parser, factory, source, ReadScope.EVERYTHING);
  }

  RecordReader(JsonParser parser, JsonFactory factory, String source, ReadScope scope) {
    this.source = source;
    this.keepExtras = scope == ReadScope.EVERYTHING;
    this.skipped = new boolean[WireField.values().length];
    for (WireField field : WireField.values()) {
      skipped[field.ordinal()] = !field.inScope(scope);
    }
    this.values = new ValueReader(parser);
    this.copier = new RawJsonCopier(factory);
    this.nested = new NestedObjectReader(values, keys, copier, keepExtras, skipped, duplicates);
  }

  /** Continues with {@code parser}, whose line 1 is line {@code lineBase + 1} of the input. */
  void restart(JsonParser parser, long newLineBase) {
    values.restart(parser);
    this.lineBase = newLineBase;
    reset();
  }

  /**
   * Continues with {@code parser} over another input, {@code sourceName}, whose line 1 is line {@code
   * lineBase + 1} of it: a {@link JsonRecordMapper} reads each record with its own parser and one reader.
   */
  void restart(JsonParser parser, String sourceName, long newLineBase) {
    this.source = sourceName;
    restart(parser, newLineBase);
  }

  /** Where the record being read started, if one is being read: for fatal errors. */
  Optional<JsonLocation> recordStartSoFar() {
    return Optional.ofNullable(recordStart);
  }

  /** The conversation id of the record being read, if it was read already: for fatal errors. */
  Optional<ConversationId> conversationIdSoFar() {
    return Optional.ofNullable(conversationId).filter(id -> !id.isBlank()).map(ConversationId::of);
  }

  SourcePosition position(JsonLocation location) {
    if (location == null) {
      return SourcePosition.of(source, 0, 0);
    }
    int line = location.getLineNr();
    return SourcePosition.of(source, line <= 0 ? 0 : line + lineBase, Math.max(0, location.getColumnNr()));
  }

  /** {@code line L, column C} of {@code location}, in the whole input. */
  String place(JsonLocation location) {
    SourcePosition at = position(location);
    return "line " + at.line() + ", column " + at.column();
  }

  /**
   * Reads the object whose {@code START_OBJECT} is the current token. When {@code envelopeAllowed} and
   * the object turns out to be an API envelope (a {@code results} array before any record field), returns
   * empty with the {@code results} array's {@code START_ARRAY} as the current token.
   */
  Optional<Interaction> readObject(boolean envelopeAllowed) throws IOException {
    JsonParser p = values.parser();
    JsonLocation start = p.currentTokenLocation();
    recordStart = start;
    values.problem(null);
    conversationId = null;
    skippedErrors = null;
    duplicates.drain();
    Interaction.Builder b = Interaction.builder();
    Map<String, RawJson> extras = null;
    boolean recordFieldSeen = false;
    long seen = 0;
    while (true) {
      JsonToken t = values.nextToken();
      if (t == JsonToken.END_OBJECT) {
        break;
      }
      String name = p.currentName();
      WireField field = keys.lookup(Level.RECORD, name);
      JsonToken value = values.nextToken();
      if (field == null) {
        if (envelopeAllowed
            && !recordFieldSeen
            && value == JsonToken.START_ARRAY
            && "results".equals(WireField.normalise(name))) {
          conversationId = null;
          recordStart = null;
          return Optional.empty();
        }
        if (!keepExtras) {
          if (name.equals("errors")) {
            skippedErrors = copier.copy(p);
          } else {
            p.skipChildren();
          }
          continue;
        }
        if (extras == null) {
          extras = new LinkedHashMap<>();
        }
        extras.put(name, copier.copy(p));
        continue;
      }
      recordFieldSeen = true;
      if (skipped[field.ordinal()]) {
        p.skipChildren();
        continue;
      }
      long bit = 1L << field.ordinal();
      if ((seen & bit) != 0 && field.audited()) {
        duplicates.add(Optional.empty(), name);
      }
      seen |= bit;
      readRecordField(b, field, name);
    }
    return Optional.of(finish(b, extras, start));
  }

  private void readRecordField(Interaction.Builder b, WireField field, String key) throws IOException {
    switch (field) {
      case SRC:
        b.channel(values.channel(key));
        break;
      case START_TIME:
        b.startTime(values.instant(key));
        break;
      case END_TIME:
        b.endTime(values.instant(key));
        break;
      case DURATION:
        b.duration(values.duration(key));
        break;
      case CONVERSATION_ID:
        {
          String id = values.text(key);
          if (id != null) {
            conversationId = id;
          }
          break;
        }
      case SENTIMENT_SCORE:
        b.sentimentScore(values.decimal(key));
        break;
      case INTENTS:
        b.intents(nested.intents(key));
        break;
      case TOPICS:
        b.topics(nested.topics(key));
        break;
      case KORE_SCORE:
        b.koreScore(values.koreScore(key));
        break;
      case CHURN_RISK:
        b.churnRiskObserved(values.bool(key));
        break;
      case ESCALATION:
        b.escalationObserved(values.bool(key));
        break;
      case PASS_SCORE:
        b.passScore(values.int32(key));
        break;
      case PASSED:
        b.passed(values.bool(key));
        break;
      case EMPATHY_SCORE:
        b.empathyScore(values.decimal(key));
        break;
      case CRUTCH_WORD_SCORE:
        b.crutchWordScore(values.decimal(key));
        break;
      case FATAL_ERRORS:
        b.fatalErrorCount(values.int32(key));
        break;
      case DURATION_STATUS:
        b.durationStatus(Optional.ofNullable(values.text(key)).map(DurationStatus::parse));
        break;
      case QUEUES:
        b.queues(nested.queues(key));
        break;
      case AGENTS:
        b.agents(nested.agents(key));
        break;
      case FORM_NAME:
        b.evaluationFormName(Optional.ofNullable(values.text(key)));
        break;
      case FORM_SCORING_TYPE:
        b.evaluationFormScoringType(Optional.ofNullable(values.text(key)));
        break;
      case METRICS:
        b.metrics(nested.metrics(key));
        break;
      default:
        throw new IllegalStateException("not a record field: " + field);
    }
  }

  private Interaction finish(Interaction.Builder b, Map<String, RawJson> extras, JsonLocation start) {
    if (extras != null) {
      b.extras(Extras.of(extras));
    }
    List<DuplicateKey> twice = duplicates.drain();
    if (twice != null) {
      b.duplicateKeys(twice);
    }
    Problem problem = values.problem();
    if (problem == null && (conversationId == null || conversationId.isBlank())) {
      String why =
          conversationId == null
              ? "record has no conversation id (\"Conversation ID\" or conversationId)"
              : "record has a blank conversation id";
      if (extras != null && extras.containsKey("errors")) {
        why = "the input is a Kore error response: " + extras.get("errors");
      } else if (skippedErrors != null) {
        why = "the input is a Kore error response: " + skippedErrors;
      }
      problem = new Problem(start, why, null);
    }
    if (problem == null) {
      try {
        Interaction built = b.conversationId(ConversationId.of(conversationId)).build();
        recordStart = null;
        return built;
      } catch (IllegalArgumentException | NullPointerException | IllegalStateException e) {
        problem = new Problem(start, "invalid record: " + e.getMessage(), e);
      }
    }
    Problem failed = problem;
    Optional<ConversationId> id = conversationIdSoFar();
    reset();
    throw new InteractionReadException(position(start), id, failed.reason() + at(start, failed.location()),
        failed.cause());
  }

  /** {@code " (at line 2, column 20)"} when the problem is not where its record starts; else empty. */
  private String at(JsonLocation start, JsonLocation problemAt) {
    if (problemAt == null || problemAt.getLineNr() <= 0
        || (problemAt.getLineNr() == start.getLineNr() && problemAt.getColumnNr() == start.getColumnNr())) {
      return "";
    }
    return " (at " + place(problemAt) + ")";
  }

  /** Called after the current record was refused: forget it. */
  void reset() {
    values.problem(null);
    conversationId = null;
    recordStart = null;
    duplicates.drain();
  }
}
