package dev.korescore.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.korescore.adapters.json.WireField.Level;
import dev.korescore.core.model.Agent;
import dev.korescore.core.model.ConversationId;
import dev.korescore.core.model.DuplicateKey;
import dev.korescore.core.model.DurationStatus;
import dev.korescore.core.model.Extras;
import dev.korescore.core.model.Intent;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.model.Queue;
import dev.korescore.core.model.RawJson;
import dev.korescore.core.model.Topic;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.ReadScope;
import dev.korescore.core.port.out.SourcePosition;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps one Kore record from a streaming {@link JsonParser} to an {@link Interaction}, token by token
 * (no tree). Tolerant of every key variant and of numbers and booleans given as strings. A value that
 * cannot be mapped does not stop the reading of the record: the first problem is kept with its place,
 * the rest of the record is read (to learn the conversation id), then the record is refused with an
 * {@link InteractionReadException}. Malformed JSON surfaces as Jackson's {@link IOException}s.
 */
final class RecordReader {
  private static final int KEY_CACHE_LIMIT = 2048;
  /** Largest magnitude accepted for a decimal: guards {@code 1e999999999} from becoming a billion digits. */
  private static final int MAX_INTEGER_DIGITS = 40;

  private static final int MAX_SCALE = 40;
  /** Longest number text worth parsing. */
  private static final int MAX_NUMBER_TEXT = MAX_INTEGER_DIGITS + MAX_SCALE + 8;
  private static final Pattern DURATION_TEXT =
      Pattern.compile(
          "\\s*([+-]?[0-9]+(?:\\.[0-9]+)?)\\s*(ms|millis|milliseconds?|s|secs?|seconds?)?\\s*",
          Pattern.CASE_INSENSITIVE);

  private JsonParser p;
  /** Lines before the parser's first line: a parser restarted after a bad line counts from 1 again. */
  private long lineBase;
  private final JsonFactory factory;
  private String source;
  private final KeyCache cache = new KeyCache();
  /** Reused to copy unknown values as compact text; dropped if a copy fails half-way. */
  private final StringWriter rawText = new StringWriter(256);

  private JsonGenerator rawGenerator;
  /** Whether {@link #raw()} may quote a plain string itself; null until first needed. */
  private Boolean plainStringsVerbatim;

  // Allocated once per reader rather than once per record: the nested readers are never re-entered.
  private final ElementReader<Intent> intentReader = this::intent;
  private final ElementReader<Topic> topicReader = this::topic;
  private final ElementReader<Queue> queueReader = this::queue;
  private final ElementReader<Agent> agentReader = this::agent;
  private final ElementReader<Metric> metricReader = this::metric;
  private final FieldValue intentValue = this::intentValue;
  private final FieldValue topicValue = this::topicValue;
  private final FieldValue queueValue = this::queueValue;
  private final FieldValue agentValue = this::agentValue;
  private final FieldValue metricValue = this::metricValue;
  /** The known fields of the nested object being read (nested objects do not nest). */
  private final Fields fields = new Fields();
  /** Elements of the array of objects being read; copied out into an immutable list. */
  private final List<Object> elements = new ArrayList<>();
  /** Items of the array of strings being read; copied out into an immutable list. */
  private final List<String> stringItems = new ArrayList<>();
  /** The key as written the second time, for the metric fields given twice. */
  private final Map<WireField, String> duplicateNames = new HashMap<>();
  /** Unknown fields of the nested object being read; {@link Extras#of} copies them. */
  private final Map<String, RawJson> nestedExtras = new LinkedHashMap<>();

  /** First problem of the current record. */
  private Problem problem;
  /** Where the current record started; null outside a record. */
  private JsonLocation recordStart;
  /** Audited keys of the current record given twice; null when none. */
  private List<DuplicateKey> duplicates;
  /** Audited metric keys given twice in the metric being read (bits by {@link WireField#ordinal()}). */
  private long metricDuplicates;
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
    this.p = parser;
    this.factory = factory;
    this.source = source;
    this.keepExtras = scope == ReadScope.EVERYTHING;
    this.skipped = new boolean[WireField.values().length];
    for (WireField field : WireField.values()) {
      skipped[field.ordinal()] = !field.inScope(scope);
    }
  }

  /** Continues with {@code parser}, whose line 1 is line {@code lineBase + 1} of the input. */
  void restart(JsonParser parser, long newLineBase) {
    this.p = parser;
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
    JsonLocation start = p.currentTokenLocation();
    recordStart = start;
    problem = null;
    conversationId = null;
    skippedErrors = null;
    duplicates = null;
    Interaction.Builder b = Interaction.builder();
    Map<String, RawJson> extras = null;
    boolean recordFieldSeen = false;
    long seen = 0;
    while (true) {
      JsonToken t = nextToken();
      if (t == JsonToken.END_OBJECT) {
        break;
      }
      String name = p.currentName();
      WireField field = cache.lookup(Level.RECORD, name);
      JsonToken value = nextToken();
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
            skippedErrors = raw();
          } else {
            p.skipChildren();
          }
          continue;
        }
        if (extras == null) {
          extras = new LinkedHashMap<>();
        }
        extras.put(name, raw());
        continue;
      }
      recordFieldSeen = true;
      if (skipped[field.ordinal()]) {
        p.skipChildren();
        continue;
      }
      long bit = 1L << field.ordinal();
      if ((seen & bit) != 0 && field.audited()) {
        duplicate(Optional.empty(), name);
      }
      seen |= bit;
      readRecordField(b, field, name);
    }
    return Optional.of(finish(b, extras, start));
  }

  private void readRecordField(Interaction.Builder b, WireField field, String key) throws IOException {
    switch (field) {
      case SRC:
        b.channel(channel(key));
        break;
      case START_TIME:
        b.startTime(instant(key));
        break;
      case END_TIME:
        b.endTime(instant(key));
        break;
      case DURATION:
        b.duration(duration(key));
        break;
      case CONVERSATION_ID:
        {
          String id = text(key);
          if (id != null) {
            conversationId = id;
          }
          break;
        }
      case SENTIMENT_SCORE:
        b.sentimentScore(decimal(key));
        break;
      case INTENTS:
        b.intents(objects(key, intentReader));
        break;
      case TOPICS:
        b.topics(objects(key, topicReader));
        break;
      case KORE_SCORE:
        b.koreScore(koreScore(key));
        break;
      case CHURN_RISK:
        b.churnRiskObserved(bool(key));
        break;
      case ESCALATION:
        b.escalationObserved(bool(key));
        break;
      case PASS_SCORE:
        b.passScore(int32(key));
        break;
      case PASSED:
        b.passed(bool(key));
        break;
      case EMPATHY_SCORE:
        b.empathyScore(decimal(key));
        break;
      case CRUTCH_WORD_SCORE:
        b.crutchWordScore(decimal(key));
        break;
      case FATAL_ERRORS:
        b.fatalErrorCount(int32(key));
        break;
      case DURATION_STATUS:
        b.durationStatus(Optional.ofNullable(text(key)).map(DurationStatus::parse));
        break;
      case QUEUES:
        b.queues(objects(key, queueReader));
        break;
      case AGENTS:
        b.agents(objects(key, agentReader));
        break;
      case FORM_NAME:
        b.evaluationFormName(Optional.ofNullable(text(key)));
        break;
      case FORM_SCORING_TYPE:
        b.evaluationFormScoringType(Optional.ofNullable(text(key)));
        break;
      case METRICS:
        b.metrics(objects(key, metricReader));
        break;
      default:
        throw new IllegalStateException("not a record field: " + field);
    }
  }

  private void duplicate(Optional<String> element, String key) {
    if (duplicates == null) {
      duplicates = new ArrayList<>(2);
    }
    duplicates.add(new DuplicateKey(element, key));
  }

  private Interaction finish(Interaction.Builder b, Map<String, RawJson> extras, JsonLocation start) {
    if (extras != null) {
      b.extras(Extras.of(extras));
    }
    if (duplicates != null) {
      b.duplicateKeys(duplicates);
      duplicates = null;
    }
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
    problem = null;
    conversationId = null;
    recordStart = null;
    duplicates = null;
  }

  // ---------------------------------------------------------------- nested objects

  @FunctionalInterface
  private interface ElementReader<T> {
    /** Reads the object whose START_OBJECT is current; returns null if it had a problem. */
    T read(String arrayKey, int index) throws IOException;
  }

  private <T> List<T> objects(String key, ElementReader<T> reader) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (t != JsonToken.START_ARRAY) {
      wrongType(key, "an array");
      return List.of();
    }
    List<Object> out = elements;
    out.clear();
    int index = 0;
    while ((t = nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.START_OBJECT) {
        Problem before = problem;
        T element = reader.read(key, index);
        if (element != null && problem == before) {
          out.add(element);
        }
      } else {
        wrongType(key + "[" + index + "]", "an object");
      }
      index++;
    }
    if (out.isEmpty()) {
      return List.of();
    }
    List<T> copy = castList(List.copyOf(out));
    out.clear();
    return copy;
  }

  /** Every element of {@code elements} was returned by the one {@link ElementReader} of type T. */
  @SuppressWarnings("unchecked")
  private static <T> List<T> castList(List<Object> list) {
    return (List<T>) list;
  }

  /** Reads the fields of a nested object into {@code fields} (known) and returns its unknown fields. */
  private Extras readFields(Level level, Fields fields, FieldValue valueReader)
      throws IOException {
    fields.clear();
    Map<String, RawJson> extras = null;
    long seen = 0;
    metricDuplicates = 0;
    JsonToken t;
    while ((t = nextToken()) != JsonToken.END_OBJECT) {
      if (t != JsonToken.FIELD_NAME) {
        throw new JsonParseException(p, "expected a field name, found " + t);
      }
      String name = p.currentName();
      WireField field = cache.lookup(level, name);
      nextToken();
      if (field == null ? !keepExtras : skipped[field.ordinal()]) {
        p.skipChildren();
      } else if (field == null) {
        if (extras == null) {
          extras = nestedExtras;
          extras.clear();
        }
        extras.put(name, raw());
      } else {
        long bit = 1L << (field.ordinal() & 63);
        if ((seen & bit) != 0 && field.audited()) {
          metricDuplicates |= bit;
          duplicateNames.put(field, name);
        }
        seen |= bit;
        Object value = valueReader.read(field, name);
        fields.put(field, value);
      }
    }
    if (extras == null) {
      return Extras.none();
    }
    Extras copy = Extras.of(extras);
    extras.clear();
    return copy;
  }

  @FunctionalInterface
  private interface FieldValue {
    Object read(WireField field, String key) throws IOException;
  }

  /** Names the array element in a problem that arose inside it: {@code Metrics[1] ('Policy'): ...}. */
  private void prefixProblem(Problem before, String arrayKey, int index, Object name) {
    if (problem != null && problem != before) {
      String context = arrayKey + "[" + index + "]" + (name == null ? "" : " ('" + name + "')");
      problem = new Problem(problem.location(), context + ": " + problem.reason(), problem.cause());
    }
  }

  private Intent intent(String arrayKey, int index) throws IOException {
    Problem before = problem;
    Fields f = fields;
    Extras extras = readFields(Level.INTENT, f, intentValue);
    prefixProblem(before, arrayKey, index, f.get(WireField.INTENT_NAME));
    return new Intent(
        string(f, WireField.INTENT_NAME).orElse(""),
        stringList(f, WireField.INTENT_KEYWORDS),
        stringList(f, WireField.INTENT_EMOTIONS),
        string(f, WireField.INTENT_SENTIMENT),
        Optional.ofNullable((BigDecimal) f.get(WireField.INTENT_SENTIMENT_SCORE)),
        extras);
  }

  private Object intentValue(WireField field, String key) throws IOException {
    switch (field) {
      case INTENT_KEYWORDS:
      case INTENT_EMOTIONS:
        return strings(key);
      case INTENT_SENTIMENT_SCORE:
        return decimal(key).orElse(null);
      default:
        return text(key);
    }
  }

  private Topic topic(String arrayKey, int index) throws IOException {
    Problem before = problem;
    Fields f = fields;
    Extras extras = readFields(Level.TOPIC, f, topicValue);
    prefixProblem(before, arrayKey, index, f.get(WireField.TOPIC_NAME));
    return new Topic(string(f, WireField.TOPIC_NAME).orElse(""), stringList(f, WireField.TOPIC_KEYWORDS), extras);
  }

  private Object topicValue(WireField field, String key) throws IOException {
    return field == WireField.TOPIC_KEYWORDS ? strings(key) : text(key);
  }

  private Queue queue(String arrayKey, int index) throws IOException {
    Problem before = problem;
    Fields f = fields;
    Extras extras = readFields(Level.QUEUE, f, queueValue);
    prefixProblem(before, arrayKey, index, f.get(WireField.QUEUE_NAME));
    return new Queue(string(f, WireField.QUEUE_ID), string(f, WireField.QUEUE_NAME), extras);
  }

  private Object queueValue(WireField field, String key) throws IOException {
    return text(key);
  }

  private Agent agent(String arrayKey, int index) throws IOException {
    Problem before = problem;
    Fields f = fields;
    Extras extras = readFields(Level.AGENT, f, agentValue);
    prefixProblem(before, arrayKey, index, f.get(WireField.AGENT_NAME));
    return new Agent(
        string(f, WireField.AGENT_ID),
        string(f, WireField.AGENT_NAME),
        Optional.ofNullable((Instant) f.get(WireField.AGENT_START_TIME)),
        string(f, WireField.AGENT_EMAIL),
        extras);
  }

  private Object agentValue(WireField field, String key) throws IOException {
    return field == WireField.AGENT_START_TIME ? instant(key).orElse(null) : text(key);
  }

  private Metric metric(String arrayKey, int index) throws IOException {
    Problem before = problem;
    Fields f = fields;
    Extras extras = readFields(Level.METRIC, f, metricValue);
    Object name = f.get(WireField.METRIC_NAME);
    if (metricDuplicates != 0) {
      String element = arrayKey + "[" + index + "]" + (name == null ? "" : " ('" + name + "')");
      for (WireField field : METRIC_AUDITED) {
        if ((metricDuplicates & (1L << (field.ordinal() & 63))) != 0) {
          duplicate(Optional.of(element), duplicateNames.get(field));
        }
      }
      duplicateNames.clear();
      metricDuplicates = 0;
    }
    prefixProblem(before, arrayKey, index, name);
    if (problem != before) {
      return null;
    }
    Object weight = f.get(WireField.METRIC_WEIGHT);
    Object negative = f.get(WireField.METRIC_NEGATIVE_WEIGHT);
    Object qualification = f.get(WireField.QUALIFICATION);
    Metric metric = new Metric(
        string(f, WireField.METRIC_ID),
        name == null ? "" : (String) name,
        weight == null ? 0L : (Long) weight,
        negative == null ? 0L : (Long) negative,
        qualification == null ? Qualification.Answer.MANUAL : (Qualification) qualification,
        Boolean.TRUE.equals(f.get(WireField.METRIC_FATAL)),
        extras);
    if (name == null && !skipped[WireField.METRIC_NAME.ordinal()]) {
      metric = metric.withoutField(Metric.Field.NAME);
    }
    if (weight == null) {
      metric = metric.withoutField(Metric.Field.WEIGHT);
    }
    if (qualification == null) {
      metric = metric.withoutField(Metric.Field.QUALIFICATION);
    }
    return metric;
  }

  private static final List<WireField> METRIC_AUDITED =
      List.of(WireField.METRIC_WEIGHT, WireField.METRIC_NEGATIVE_WEIGHT, WireField.QUALIFICATION);

  private Object metricValue(WireField field, String key) throws IOException {
    switch (field) {
      case METRIC_WEIGHT:
      case METRIC_NEGATIVE_WEIGHT:
        return wholeNumber(key, Long.MIN_VALUE, Long.MAX_VALUE);
      case METRIC_FATAL:
        return bool(key).orElse(null);
      case QUALIFICATION:
        return qualification(key);
      default:
        return text(key);
    }
  }

  /** {@link Qualification#parse} of the text, without making a String of Kore's {@code YES}/{@code NO}/{@code NA}. */
  private Qualification qualification(String key) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      int length = p.getTextLength();
      if (length == 2 || length == 3) {
        char[] buf = p.getTextCharacters();
        int at = p.getTextOffset();
        char c0 = buf[at];
        char c1 = buf[at + 1];
        if (length == 3) {
          if (c0 == 'Y' && c1 == 'E' && buf[at + 2] == 'S') {
            return Qualification.Answer.YES;
          }
        } else if (c0 == 'N') {
          if (c1 == 'O') {
            return Qualification.Answer.NO;
          }
          if (c1 == 'A') {
            return Qualification.Answer.NA;
          }
        }
      }
    }
    String text = text(key);
    return text == null ? null : Qualification.parse(text);
  }

  private static Optional<String> string(Fields f, WireField field) {
    return Optional.ofNullable((String) f.get(field));
  }

  /** A list {@link #strings} made (immutable, so the model's {@code List.copyOf} keeps it as is). */
  @SuppressWarnings("unchecked")
  private static List<String> stringList(Fields f, WireField field) {
    Object value = f.get(field);
    return value == null ? List.of() : (List<String>) value;
  }

  // ---------------------------------------------------------------- scalar values

  private JsonToken nextToken() throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new JsonParseException(p, "unexpected end of input inside a record");
    }
    return t;
  }

  /** The unknown value at the current token, as compact JSON text. */
  private RawJson raw() throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return NULL;
    }
    if (t == JsonToken.VALUE_TRUE) {
      return TRUE;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return FALSE;
    }
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return RawJson.of(p.getText());
    }
    if (t == JsonToken.VALUE_STRING) {
      RawJson plain = plainString();
      if (plain != null) {
        return plain;
      }
    }
    if (rawGenerator == null) {
      rawText.getBuffer().setLength(0);
      rawGenerator = factory.createGenerator(rawText);
      rawGenerator.setRootValueSeparator(null);
    }
    JsonGenerator g = rawGenerator;
    rawGenerator = null;
    g.copyCurrentStructureExact(p);
    g.flush();
    String json = rawText.toString();
    rawText.getBuffer().setLength(0);
    rawGenerator = g;
    return RawJson.of(json);
  }

  /**
   * A string of printable ASCII without quote or backslash, quoted: exactly what the generator writes
   * for it (it escapes nothing else in that range); null for any other string.
   */
  private RawJson plainString() throws IOException {
    if (plainStringsVerbatim == null) {
      plainStringsVerbatim = generatorWritesPrintableAsciiVerbatim();
    }
    if (!plainStringsVerbatim) {
      return null;
    }
    char[] buf = p.getTextCharacters();
    int from = p.getTextOffset();
    int length = p.getTextLength();
    for (int i = from; i < from + length; i++) {
      char c = buf[i];
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return null;
      }
    }
    char[] quoted = new char[length + 2];
    quoted[0] = '"';
    System.arraycopy(buf, from, quoted, 1, length);
    quoted[length + 1] = '"';
    return RawJson.of(new String(quoted));
  }

  /** Whether the factory's generator (its escapes and features) writes printable ASCII strings as they are. */
  private boolean generatorWritesPrintableAsciiVerbatim() throws IOException {
    StringBuilder printable = new StringBuilder();
    for (char c = 0x20; c <= 0x7e; c++) {
      if (c != '"' && c != '\\') {
        printable.append(c);
      }
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeString(printable.toString());
    }
    return out.toString().equals("\"" + printable + "\"");
  }

  private static final RawJson NULL = RawJson.of("null");
  private static final RawJson TRUE = RawJson.of("true");
  private static final RawJson FALSE = RawJson.of("false");

  private void problemHere(String reason) throws IOException {
    if (problem == null) {
      problem = new Problem(p.currentTokenLocation(), reason, null);
    }
    p.skipChildren();
  }

  private void wrongType(String key, String expected) throws IOException {
    problemHere("\"" + key + "\" must be " + expected + ", was " + describe());
  }

  private String describe() throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        {
          String text = p.getText();
          return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        {
          String text = p.getText();
          return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
      default:
        return String.valueOf(p.getText());
    }
  }

  /** A scalar as text (numbers and booleans as written); null for JSON null; a problem for containers. */
  private String text(String key) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case VALUE_STRING:
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
      case VALUE_TRUE:
      case VALUE_FALSE:
        return p.getText();
      case VALUE_NULL:
        return null;
      default:
        wrongType(key, "a string");
        return null;
    }
  }

  /** {@code src}: a string, or an array of strings joined with commas. */
  private Optional<String> channel(String key) throws IOException {
    if (p.currentToken() == JsonToken.START_ARRAY) {
      List<String> parts = strings(key);
      return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(",", parts));
    }
    return Optional.ofNullable(text(key));
  }

  /** An array of strings (a single string is a list of one); null is empty. */
  private List<String> strings(String key) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (t != JsonToken.START_ARRAY) {
      String single = text(key);
      return single == null ? List.of() : List.of(single);
    }
    List<String> out = stringItems;
    out.clear();
    int index = 0;
    while ((t = nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.VALUE_NULL) {
        index++;
        continue;
      }
      String item = t == JsonToken.VALUE_STRING ? p.getText() : text(key + "[" + index + "]");
      if (item != null) {
        out.add(item);
      }
      index++;
    }
    if (out.isEmpty()) {
      return List.of();
    }
    List<String> copy = List.copyOf(out);
    out.clear();
    return copy;
  }

  private static boolean isNotANumberWord(String text) {
    String s = text.strip().toUpperCase(Locale.ROOT);
    return s.isEmpty() || s.equals("NA") || s.equals("N/A") || s.equals("NULL") || s.equals("-");
  }

  /** A decimal number, or a string holding one; null, "", "NA" are absent. */
  private Optional<BigDecimal> decimal(String key) throws IOException {
    JsonToken t = p.currentToken();
    BigDecimal value;
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      if (p.getTextLength() > MAX_NUMBER_TEXT) {
        problemHere("\"" + key + "\" is out of range: " + describe());
        return Optional.empty();
      }
      if (t == JsonToken.VALUE_NUMBER_INT) {
        JsonParser.NumberType type = p.getNumberType();
        if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
          return Optional.of(BigDecimal.valueOf(p.getLongValue()));
        }
      }
      value = p.getDecimalValue();
    } else if (t == JsonToken.VALUE_STRING) {
      String text = p.getText();
      if (isNotANumberWord(text)) {
        return Optional.empty();
      }
      value = parseDecimal(text.strip());
      if (value == null) {
        wrongType(key, "a number");
        return Optional.empty();
      }
    } else if (t == JsonToken.VALUE_NULL) {
      return Optional.empty();
    } else {
      wrongType(key, "a number");
      return Optional.empty();
    }
    if (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_SCALE) {
      problemHere("\"" + key + "\" is out of range: " + describe());
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private static boolean reasonable(String numberText) {
    return numberText.length() <= MAX_NUMBER_TEXT;
  }

  private static BigDecimal parseDecimal(String text) {
    if (!reasonable(text)) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_SCALE) {
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A whole number within [min, max] (a number or a string; {@code 25.0} is 25); null for null. */
  private Long wholeNumber(String key, long min, long max) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_STRING && p.getText().isBlank()) {
      return null;
    }
    if (t == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = p.getNumberType();
      if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
        long whole = p.getLongValue();
        if (whole < min || whole > max) {
          problemHere("\"" + key + "\" is out of range, was " + describe());
          return null;
        }
        return whole;
      }
    }
    Optional<BigDecimal> decimal = decimalForWhole(key);
    if (decimal.isEmpty()) {
      return null;
    }
    BigDecimal value = decimal.get().stripTrailingZeros();
    if (value.scale() > 0) {
      problemHere("\"" + key + "\" must be a whole number, was " + describe());
      return null;
    }
    try {
      long whole = value.longValueExact();
      if (whole >= min && whole <= max) {
        return whole;
      }
    } catch (ArithmeticException e) {
      // out of range, reported below
    }
    problemHere("\"" + key + "\" is out of range, was " + describe());
    return null;
  }

  private Optional<BigDecimal> decimalForWhole(String key) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      BigDecimal value = parseDecimal(p.getText().strip());
      if (value == null) {
        wrongType(key, "a whole number");
        return Optional.empty();
      }
      return Optional.of(value);
    }
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return decimal(key);
    }
    wrongType(key, "a whole number");
    return Optional.empty();
  }

  /** A whole number in int range; null, "", "NA", "N/A" are absent. */
  private OptionalInt int32(String key) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING && isNotANumberWord(p.getText())) {
      return OptionalInt.empty();
    }
    Long value = wholeNumber(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    return value == null ? OptionalInt.empty() : OptionalInt.of(value.intValue());
  }

  /** Kore's score: a whole number, a string holding one, or null/"NA" for not evaluated. */
  private KoreScore koreScore(String key) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL || (t == JsonToken.VALUE_STRING && isNotANumberWord(p.getText()))) {
      return KoreScore.notEvaluated();
    }
    Long value = wholeNumber(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    return value == null ? KoreScore.notEvaluated() : KoreScore.of(value.intValue());
  }

  private Optional<Boolean> bool(String key) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case VALUE_TRUE:
        return Optional.of(Boolean.TRUE);
      case VALUE_FALSE:
        return Optional.of(Boolean.FALSE);
      case VALUE_NULL:
        return Optional.empty();
      case VALUE_STRING:
        {
          String s = p.getText().strip();
          if (s.equalsIgnoreCase("true")) {
            return Optional.of(Boolean.TRUE);
          }
          if (s.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.FALSE);
          }
          if (s.isEmpty()) {
            return Optional.empty();
          }
          wrongType(key, "true or false");
          return Optional.empty();
        }
      default:
        wrongType(key, "true or false");
        return Optional.empty();
    }
  }

  /** ISO-8601 with an offset or Z; a local date-time {@code 2024-07-18 11:31:14} is UTC; a number is epoch ms. */
  private Optional<Instant> instant(String key) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return Optional.empty();
    }
    if (t == JsonToken.VALUE_NUMBER_INT) {
      Long ms = wholeNumber(key, -31_556_889_864_403_199L, 31_556_889_864_403_199L);
      return Optional.ofNullable(ms).map(Instant::ofEpochMilli);
    }
    if (t != JsonToken.VALUE_STRING) {
      wrongType(key, "a date-time");
      return Optional.empty();
    }
    Instant fast = FastTime.parseUtc(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    if (fast != null) {
      return Optional.of(fast);
    }
    String text = p.getText().strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Instant parsed = parseInstant(text);
    if (parsed == null) {
      wrongType(key, "an ISO-8601 date-time such as 2024-07-18T11:31:14.722Z");
      return Optional.empty();
    }
    return Optional.of(parsed);
  }

  private static Instant parseInstant(String text) {
    if (text.length() > 64) {
      return null;
    }
    Instant fast = FastTime.parseUtc(text);
    if (fast != null) {
      return fast;
    }
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    try {
      if (hasOffset(iso)) {
        return OffsetDateTime.parse(iso).toInstant();
      }
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Whether an ISO date-time ends with {@code Z} or a {@code +hh:mm}/{@code -hh:mm} offset after the time. */
  private static boolean hasOffset(String iso) {
    int t = iso.indexOf('T');
    if (t < 0) {
      return false;
    }
    char last = iso.charAt(iso.length() - 1);
    return last == 'Z' || last == 'z' || iso.indexOf('+', t) >= 0 || iso.indexOf('-', t) >= 0;
  }

  /** {@code "118182 milliseconds"}, a plain number of milliseconds, or ISO-8601 {@code PT1M58S}. */
  private Optional<Duration> duration(String key) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return Optional.empty();
    }
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      Optional<BigDecimal> ms = decimal(key);
      if (ms.isEmpty()) {
        return Optional.empty();
      }
      Duration d = millis(ms.get(), false);
      if (d == null) {
        problemHere("\"" + key + "\" is out of range, was " + describe());
      }
      return Optional.ofNullable(d);
    }
    if (t != JsonToken.VALUE_STRING) {
      wrongType(key, "a duration such as \"118182 milliseconds\"");
      return Optional.empty();
    }
    Duration fast = FastTime.parseMilliseconds(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    if (fast != null) {
      return Optional.of(fast);
    }
    String text = p.getText();
    if (text.isBlank()) {
      return Optional.empty();
    }
    Duration d = parseDuration(text);
    if (d == null) {
      wrongType(key, "a duration such as \"118182 milliseconds\"");
    }
    return Optional.ofNullable(d);
  }

  private static Duration parseDuration(String text) {
    if (text.length() > 80) {
      return null;
    }
    Duration fast = FastTime.parseMilliseconds(text);
    if (fast != null) {
      return fast;
    }
    String s = text.strip();
    if (s.startsWith("P") || s.startsWith("p") || s.startsWith("-P")) {
      try {
        return Duration.parse(s);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Matcher m = DURATION_TEXT.matcher(s);
    if (!m.matches()) {
      return null;
    }
    BigDecimal amount = parseDecimal(m.group(1));
    if (amount == null) {
      return null;
    }
    String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
    return millis(amount, unit.startsWith("s"));
  }

  private static Duration millis(BigDecimal amount, boolean seconds) {
    if (amount.precision() - amount.scale() > 18) {
      return null;
    }
    try {
      BigDecimal nanos = amount.movePointRight(seconds ? 9 : 6).setScale(0, RoundingMode.HALF_EVEN);
      long whole = nanos.longValueExact();
      return Duration.ofNanos(whole);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** The known fields of one nested object, by field. */
  private static final class Fields {
    /** Each field's index among the fields of its level. */
    private static final int[] SLOT = new int[WireField.values().length];
    private static final int SIZE = slots();

    private final Object[] values = new Object[SIZE];

    private static int slots() {
      int[] perLevel = new int[Level.values().length];
      int size = 0;
      for (WireField field : WireField.values()) {
        int slot = perLevel[field.level().ordinal()]++;
        SLOT[field.ordinal()] = slot;
        size = Math.max(size, slot + 1);
      }
      return size;
    }

    Object get(WireField field) {
      return values[SLOT[field.ordinal()]];
    }

    void put(WireField field, Object value) {
      values[SLOT[field.ordinal()]] = value;
    }

    void clear() {
      Arrays.fill(values, null);
    }
  }

  /** The first thing wrong with a record: where and what. */
  private record Problem(JsonLocation location, String reason, Throwable cause) {}

  /**
   * Raw key to field, per level. Jackson canonicalises key strings, so a direct-mapped table compared by
   * identity answers almost every lookup with one array read; misses go to a bounded map of the keys seen.
   */
  private static final class KeyCache {
    private static final int SLOTS = 512;
    private static final int PROBES = 8;
    private static final Object UNKNOWN = new Object();

    private final List<Map<String, Optional<WireField>>> byLevel = new ArrayList<>();
    private final String[] slotKeys = new String[Level.values().length * SLOTS];
    private final Object[] slotFields = new Object[Level.values().length * SLOTS];

    KeyCache() {
      for (int i = 0; i < Level.values().length; i++) {
        byLevel.add(new HashMap<>());
      }
    }

    WireField lookup(Level level, String key) {
      int base = level.ordinal() * SLOTS;
      int slot = key.hashCode() & (SLOTS - 1);
      // Open addressing by identity: a few probes, so that two keys sharing a slot do not evict each other.
      for (int probe = 0; probe < PROBES; probe++) {
        int at = base + ((slot + probe) & (SLOTS - 1));
        String seen = slotKeys[at];
        if (seen == key) {
          Object hit = slotFields[at];
          return hit == UNKNOWN ? null : (WireField) hit;
        }
        if (seen == null) {
          WireField field = slowLookup(level, key);
          slotKeys[at] = key;
          slotFields[at] = field == null ? UNKNOWN : field;
          return field;
        }
      }
      return slowLookup(level, key);
    }

    private WireField slowLookup(Level level, String key) {
      Map<String, Optional<WireField>> cache = byLevel.get(level.ordinal());
      Optional<WireField> hit = cache.get(key);
      if (hit == null) {
        hit = Optional.ofNullable(WireField.lookup(level, key));
        if (cache.size() < KEY_CACHE_LIMIT) {
          cache.put(key, hit);
        }
      }
      return hit.orElse(null);
    }
  }
}
