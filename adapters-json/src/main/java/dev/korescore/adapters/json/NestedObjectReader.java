package dev.korescore.adapters.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.korescore.adapters.json.ValueReader.Problem;
import dev.korescore.adapters.json.WireField.Level;
import dev.korescore.core.model.Agent;
import dev.korescore.core.model.DuplicateKey;
import dev.korescore.core.model.Extras;
import dev.korescore.core.model.Intent;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.model.Queue;
import dev.korescore.core.model.RawJson;
import dev.korescore.core.model.Topic;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a record's arrays of nested objects (intents, topics, queues, agents, metrics), each object into
 * the typed holder of its level, then into the model. An element with a problem is left out and the
 * problem names it ({@code Metrics[1] ('Policy'): ...}); an audited metric key given twice is reported
 * as a {@link DuplicateKey}. Nested objects do not nest, so one holder per level is reused.
 */
final class NestedObjectReader {
  private final ValueReader values;
  private final KeyCache keys;
  private final RawJsonCopier copier;
  /** Whether unknown fields are kept as {@link Extras} (else skipped unread). */
  private final boolean keepExtras;
  /** Per {@link WireField#ordinal()}: whether the scope leaves the field out (skipped unread). */
  private final boolean[] skipped;
  private final Duplicates duplicates;

  /** Unknown fields of the nested object being read; {@link Extras#of} copies them. */
  private final Map<String, RawJson> extras = new LinkedHashMap<>();
  /** Audited keys given twice in the object being read (bits by {@link WireField#ordinal()}), and as written. */
  private long duplicateBits;
  private final Map<WireField, String> duplicateNames = new EnumMap<>(WireField.class);

  private final IntentFields intent = new IntentFields();
  private final TopicFields topic = new TopicFields();
  private final QueueFields queue = new QueueFields();
  private final AgentFields agent = new AgentFields();
  private final MetricFields metric = new MetricFields();

  NestedObjectReader(
      ValueReader values, KeyCache keys, RawJsonCopier copier, boolean keepExtras, boolean[] skipped,
      Duplicates duplicates) {
    this.values = values;
    this.keys = keys;
    this.copier = copier;
    this.keepExtras = keepExtras;
    this.skipped = skipped;
    this.duplicates = duplicates;
  }

  List<Intent> intents(String key) throws IOException {
    return objects(key, intent);
  }

  List<Topic> topics(String key) throws IOException {
    return objects(key, topic);
  }

  List<Queue> queues(String key) throws IOException {
    return objects(key, queue);
  }

  List<Agent> agents(String key) throws IOException {
    return objects(key, agent);
  }

  List<Metric> metrics(String key) throws IOException {
    return objects(key, metric);
  }

  /** The array at the current token, each object read by {@code holder}; null is empty. */
  private <T> List<T> objects(String key, LevelFields<T> holder) throws IOException {
    JsonToken t = values.parser().currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (t != JsonToken.START_ARRAY) {
      values.wrongType(key, "an array");
      return List.of();
    }
    List<T> out = holder.elements;
    out.clear();
    int index = 0;
    while ((t = values.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.START_OBJECT) {
        T element = element(key, index, holder);
        if (element != null) {
          out.add(element);
        }
      } else {
        values.wrongType(key + "[" + index + "]", "an object");
      }
      index++;
    }
    if (out.isEmpty()) {
      return List.of();
    }
    List<T> copy = List.copyOf(out);
    out.clear();
    return copy;
  }

  /** The object whose START_OBJECT is current, or null when it had a problem. */
  private <T> T element(String arrayKey, int index, LevelFields<T> holder) throws IOException {
    Problem before = values.problem();
    holder.clear();
    Extras unknown = readFields(holder);
    String name = holder.name();
    if (duplicateBits != 0) {
      String element = arrayKey + "[" + index + "]" + (name == null ? "" : " ('" + name + "')");
      for (WireField field : holder.audited) {
        if ((duplicateBits & (1L << field.ordinal())) != 0) {
          duplicates.add(Optional.of(element), duplicateNames.get(field));
        }
      }
      duplicateNames.clear();
    }
    Problem problem = values.problem();
    if (problem != before) {
      String context = arrayKey + "[" + index + "]" + (name == null ? "" : " ('" + name + "')");
      values.problem(new Problem(problem.location(), context + ": " + problem.reason(), problem.cause()));
      return null;
    }
    return holder.build(unknown);
  }

  /** Reads the fields of a nested object into {@code holder} (known) and returns its unknown fields. */
  private Extras readFields(LevelFields<?> holder) throws IOException {
    JsonParser p = values.parser();
    Map<String, RawJson> unknown = null;
    long seen = 0;
    duplicateBits = 0;
    JsonToken t;
    while ((t = values.nextToken()) != JsonToken.END_OBJECT) {
      if (t != JsonToken.FIELD_NAME) {
        throw new JsonParseException(p, "expected a field name, found " + t);
      }
      String name = p.currentName();
      WireField field = keys.lookup(holder.level, name);
      values.nextToken();
      if (field == null ? !keepExtras : skipped[field.ordinal()]) {
        p.skipChildren();
      } else if (field == null) {
        if (unknown == null) {
          unknown = extras;
          unknown.clear();
        }
        unknown.put(name, copier.copy(p));
      } else {
        long bit = 1L << field.ordinal();
        if ((seen & bit) != 0 && field.audited()) {
          duplicateBits |= bit;
          duplicateNames.put(field, name);
        }
        seen |= bit;
        holder.read(field, name);
      }
    }
    if (unknown == null) {
      return Extras.none();
    }
    Extras copy = Extras.of(unknown);
    unknown.clear();
    return copy;
  }

  /** The known fields of one nested object of a level, as read: a typed holder, reused per object. */
  private abstract static class LevelFields<T> {
    final Level level;
    /** The level's fields whose keys may not be given twice. */
    final List<WireField> audited = new ArrayList<>();
    /** The elements of the array being read; copied out into an immutable list. */
    final List<T> elements = new ArrayList<>();

    LevelFields(Level level) {
      this.level = level;
      for (WireField field : WireField.values()) {
        if (field.level() == level && field.audited()) {
          audited.add(field);
        }
      }
    }

    /** Forgets the previous object. */
    abstract void clear();

    /** Reads the value at the current token into {@code field}'s slot; {@code key} as written, for problems. */
    abstract void read(WireField field, String key) throws IOException;

    /** The object's name, if read: names the element in problems. */
    abstract String name();

    /** The model object, from the fields read and the unknown ones. */
    abstract T build(Extras unknown);
  }

  private final class IntentFields extends LevelFields<Intent> {
    String name;
    List<String> keywords;
    List<String> emotions;
    String sentiment;
    BigDecimal sentimentScore;

    IntentFields() {
      super(Level.INTENT);
    }

    @Override
    void clear() {
      name = null;
      keywords = List.of();
      emotions = List.of();
      sentiment = null;
      sentimentScore = null;
    }

    @Override
    void read(WireField field, String key) throws IOException {
      switch (field) {
        case INTENT_KEYWORDS:
          keywords = values.strings(key);
          break;
        case INTENT_EMOTIONS:
          emotions = values.strings(key);
          break;
        case INTENT_SENTIMENT_SCORE:
          sentimentScore = values.decimal(key).orElse(null);
          break;
        case INTENT_SENTIMENT:
          sentiment = values.text(key);
          break;
        default:
          name = values.text(key);
      }
    }

    @Override
    String name() {
      return name;
    }

    @Override
    Intent build(Extras unknown) {
      return new Intent(name == null ? "" : name, keywords, emotions, Optional.ofNullable(sentiment),
          Optional.ofNullable(sentimentScore), unknown);
    }
  }

  private final class TopicFields extends LevelFields<Topic> {
    String name;
    List<String> keywords;

    TopicFields() {
      super(Level.TOPIC);
    }

    @Override
    void clear() {
      name = null;
      keywords = List.of();
    }

    @Override
    void read(WireField field, String key) throws IOException {
      if (field == WireField.TOPIC_KEYWORDS) {
        keywords = values.strings(key);
      } else {
        name = values.text(key);
      }
    }

    @Override
    String name() {
      return name;
    }

    @Override
    Topic build(Extras unknown) {
      return new Topic(name == null ? "" : name, keywords, unknown);
    }
  }

  private final class QueueFields extends LevelFields<Queue> {
    String id;
    String name;

    QueueFields() {
      super(Level.QUEUE);
    }

    @Override
    void clear() {
      id = null;
      name = null;
    }

    @Override
    void read(WireField field, String key) throws IOException {
      if (field == WireField.QUEUE_ID) {
        id = values.text(key);
      } else {
        name = values.text(key);
      }
    }

    @Override
    String name() {
      return name;
    }

    @Override
    Queue build(Extras unknown) {
      return new Queue(Optional.ofNullable(id), Optional.ofNullable(name), unknown);
    }
  }

  private final class AgentFields extends LevelFields<Agent> {
    String id;
    String name;
    Instant startTime;
    String email;

    AgentFields() {
      super(Level.AGENT);
    }

    @Override
    void clear() {
      id = null;
      name = null;
      startTime = null;
      email = null;
    }

    @Override
    void read(WireField field, String key) throws IOException {
      switch (field) {
        case AGENT_ID:
          id = values.text(key);
          break;
        case AGENT_START_TIME:
          startTime = values.instant(key).orElse(null);
          break;
        case AGENT_EMAIL:
          email = values.text(key);
          break;
        default:
          name = values.text(key);
      }
    }

    @Override
    String name() {
      return name;
    }

    @Override
    Agent build(Extras unknown) {
      return new Agent(Optional.ofNullable(id), Optional.ofNullable(name), Optional.ofNullable(startTime),
          Optional.ofNullable(email), unknown);
    }
  }

  private final class MetricFields extends LevelFields<Metric> {
    String id;
    String name;
    Long weight;
    Long negativeWeight;
    Qualification qualification;
    Boolean fatal;

    MetricFields() {
      super(Level.METRIC);
    }

    @Override
    void clear() {
      id = null;
      name = null;
      weight = null;
      negativeWeight = null;
      qualification = null;
      fatal = null;
    }

    @Override
    void read(WireField field, String key) throws IOException {
      switch (field) {
        case METRIC_WEIGHT:
          weight = values.wholeNumber(key, Long.MIN_VALUE, Long.MAX_VALUE);
          break;
        case METRIC_NEGATIVE_WEIGHT:
          negativeWeight = values.wholeNumber(key, Long.MIN_VALUE, Long.MAX_VALUE);
          break;
        case METRIC_FATAL:
          fatal = values.bool(key).orElse(null);
          break;
        case QUALIFICATION:
          qualification = values.qualification(key);
          break;
        case METRIC_ID:
          id = values.text(key);
          break;
        default:
          name = values.text(key);
      }
    }

    @Override
    String name() {
      return name;
    }

    @Override
    Metric build(Extras unknown) {
      Metric built = new Metric(
          Optional.ofNullable(id),
          name == null ? "" : name,
          weight == null ? 0L : weight,
          negativeWeight == null ? 0L : negativeWeight,
          qualification == null ? Qualification.Answer.MANUAL : qualification,
          Boolean.TRUE.equals(fatal),
          unknown);
      if (name == null && !skipped[WireField.METRIC_NAME.ordinal()]) {
        built = built.withoutField(Metric.Field.NAME);
      }
      if (weight == null) {
        built = built.withoutField(Metric.Field.WEIGHT);
      }
      if (qualification == null) {
        built = built.withoutField(Metric.Field.QUALIFICATION);
      }
      return built;
    }
  }

  /** The audited keys of the current record given twice, in the order met; shared with {@link RecordReader}. */
  static final class Duplicates {
    private List<DuplicateKey> keys;

    void add(Optional<String> element, String key) {
      if (keys == null) {
        keys = new ArrayList<>(2);
      }
      keys.add(new DuplicateKey(element, key));
    }

    /** The keys met since the last call, or null when none; forgets them. */
    List<DuplicateKey> drain() {
      List<DuplicateKey> drained = keys;
      keys = null;
      return drained;
    }
  }
}
