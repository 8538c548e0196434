package dev.korescore.adapters.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.MetricChange;
import dev.korescore.core.policy.NaTreatment;
import dev.korescore.core.port.out.FormChangeReadException;
import dev.korescore.core.port.out.ReadFormChangePort;
import dev.korescore.core.port.out.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a form change written as JSON, as {@code korescore whatif --change FILE} takes it:
 *
 * <pre>{@code
 * {
 *   "form": "Voice QA",          // optional: only interactions of this evaluation form
 *   "passScore": 75,             // optional: 0 to 100
 *   "na": "award-full",          // optional: exclude, award-full or count-as-fail
 *   "metrics": {                 // optional: by metric name
 *     "Policy": {"weight": 40, "negativeWeight": 5, "fatal": true},
 *     "Greeting": {"drop": true}
 *   }
 * }
 * }</pre>
 *
 * Strict, because a typo in a change would silently change nothing: an unknown or repeated field, a
 * value of the wrong type or out of range, or anything after the object is a {@link
 * FormChangeReadException} naming {@code file:line:column} and the field.
 */
public final class JacksonFormChangeReaderAdapter implements ReadFormChangePort {
  private static final String TOP_FIELDS = "form, passScore, na, metrics";
  private static final String METRIC_FIELDS = "weight, negativeWeight, fatal, drop";
  private static final Set<String> TOP_FIELD_SET = Set.of("form", "passScore", "na", "metrics");
  private static final Set<String> METRIC_FIELD_SET = Set.of("weight", "negativeWeight", "fatal", "drop");

  private final JsonFactory factory;

  private JacksonFormChangeReaderAdapter(JsonFactory factory) {
    this.factory = factory;
  }

  public static JacksonFormChangeReaderAdapter create() {
    return new JacksonFormChangeReaderAdapter(JsonFactory.builder()
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build());
  }

  @Override
  public FormChange read(String sourceName, InputStream input) {
    requireNonNull(sourceName, "sourceName");
    requireNonNull(input, "input");
    try (JsonParser parser = factory.createParser(input)) {
      parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      Reading reading = new Reading(sourceName, parser);
      FormChange change = reading.document();
      if (parser.nextToken() != null) {
        throw reading.error("unexpected content after the change's object");
      }
      return change;
    } catch (StreamReadException e) {
      JsonLocation at = e.getLocation();
      String message = e.getOriginalMessage();
      if (message != null && message.startsWith("Duplicate field")) {
        message = "field " + message.substring("Duplicate field ".length()) + " appears twice";
      }
      throw new FormChangeReadException(position(sourceName, at), "not valid JSON: " + firstLine(message), e);
    } catch (IOException e) {
      throw new FormChangeReadException(SourcePosition.of(sourceName, 0, 0), "cannot read: " + e.getMessage(), e);
    }
  }

  private static SourcePosition position(String source, JsonLocation at) {
    return at == null
        ? SourcePosition.of(source, 0, 0)
        : SourcePosition.of(source, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    int marker = line.indexOf(" (start marker at");
    return marker < 0 ? line : line.substring(0, marker);
  }

  /** One document being read. */
  private static final class Reading {
    private final String source;
    private final JsonParser parser;

    Reading(String source, JsonParser parser) {
      this.source = source;
      this.parser = parser;
    }

    FormChange document() throws IOException {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw error("a change must be a JSON object such as {\"passScore\": 75}");
      }
      FormChange.Builder change = FormChange.builder();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        if (!TOP_FIELD_SET.contains(field)) {
          throw error("unknown field '" + field + "' (a change has " + TOP_FIELDS + ")");
        }
        JsonToken value = parser.nextToken();
        switch (field) {
          case "form":
            change.form(text(field, value));
            break;
          case "passScore":
            long pass = whole(field, value);
            if (pass < 0 || pass > 100) {
              throw error("passScore must be between 0 and 100, was " + pass);
            }
            change.passScore((int) pass);
            break;
          case "na":
            change.naTreatment(na(text(field, value)));
            break;
          case "metrics":
            metrics(change, value);
            break;
          default:
            throw error("unknown field '" + field + "' (a change has " + TOP_FIELDS + ")");
        }
      }
      try {
        return change.build();
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage());
      }
    }

    private void metrics(FormChange.Builder change, JsonToken value) throws IOException {
      if (value != JsonToken.START_OBJECT) {
        throw error("metrics must be an object of metric names, such as {\"Policy\": {\"weight\": 40}}");
      }
      Set<String> names = new HashSet<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        if (FormChange.key(name).isEmpty()) {
          throw error("a metric name must not be blank");
        }
        if (!names.add(FormChange.key(name))) {
          throw error("metric '" + FormChange.key(name) + "' is named twice");
        }
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          throw error("metric '" + name + "': its change must be an object with " + METRIC_FIELDS);
        }
        MetricChange metric = MetricChange.none();
        boolean drop = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          if (!METRIC_FIELD_SET.contains(field)) {
            throw error("metric '" + name + "': unknown field '" + field + "' (a metric's change has "
                + METRIC_FIELDS + ")");
          }
          JsonToken token = parser.nextToken();
          String where = "metric '" + name + "': " + field;
          switch (field) {
            case "weight":
              metric = metric.withWeight(nonNegative(where, whole(where, token)));
              break;
            case "negativeWeight":
              metric = metric.withNegativeWeight(nonNegative(where, whole(where, token)));
              break;
            case "fatal":
              metric = metric.withFatal(bool(where, token));
              break;
            case "drop":
              drop = bool(where, token);
              break;
            default:
              throw error("metric '" + name + "': unknown field '" + field + "' (a metric's change has "
                  + METRIC_FIELDS + ")");
          }
        }
        if (drop) {
          if (!metric.isEmpty()) {
            throw error("metric '" + name + "': a dropped metric cannot also get a weight or fatal");
          }
          metric = MetricChange.dropped();
        }
        if (metric.isEmpty()) {
          throw error("metric '" + name + "': the change is empty (give " + METRIC_FIELDS + ")");
        }
        change.metric(name, metric);
      }
    }

    private String text(String field, JsonToken token) throws IOException {
      if (token != JsonToken.VALUE_STRING) {
        throw error(field + " must be text, was " + shown(token));
      }
      return parser.getText();
    }

    private long whole(String field, JsonToken token) throws IOException {
      if (token != JsonToken.VALUE_NUMBER_INT) {
        throw error(field + " must be a whole number, was " + shown(token));
      }
      if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw error(field + " is too large: " + parser.getText());
      }
      return parser.getLongValue();
    }

    private long nonNegative(String field, long value) {
      if (value < 0) {
        throw error(field + " must be 0 or more, was " + value);
      }
      return value;
    }

    private boolean bool(String field, JsonToken token) throws IOException {
      if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
        throw error(field + " must be true or false, was " + shown(token));
      }
      return token == JsonToken.VALUE_TRUE;
    }

    private NaTreatment na(String text) {
      switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "exclude":
          return NaTreatment.EXCLUDE;
        case "award-full":
          return NaTreatment.AWARD_FULL;
        case "count-as-fail":
          return NaTreatment.COUNT_AS_FAIL;
        default:
          throw error("na must be exclude, award-full or count-as-fail, was '" + text + "'");
      }
    }

    private String shown(JsonToken token) throws IOException {
      if (token == null) {
        return "the end of the input";
      }
      switch (token) {
        case START_OBJECT:
          return "an object";
        case START_ARRAY:
          return "an array";
        case VALUE_NULL:
          return "null";
        case VALUE_STRING:
          return "\"" + parser.getText() + "\"";
        default:
          return parser.getText();
      }
    }

    FormChangeReadException error(String reason) {
      return new FormChangeReadException(position(source, parser.currentTokenLocation()), reason);
    }
  }
}
