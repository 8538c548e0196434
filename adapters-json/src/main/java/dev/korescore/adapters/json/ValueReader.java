package dev.korescore.adapters.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.korescore.adapters.json.ScalarGrammar.Invalid;
import dev.korescore.adapters.json.ScalarGrammar.Rejected;
import dev.korescore.adapters.json.ScalarGrammar.Scalar;
import dev.korescore.adapters.json.ScalarGrammar.Value;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Qualification;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the scalar value at the parser's current token as the type a field needs, leniently ({@link
 * ScalarGrammar} for values written as strings; fast paths from Jackson's character buffer for the forms
 * Kore writes on every record). A value that does not fit is read as absent and the record's first
 * {@link Problem} is kept, worded with the field's key and the value as written; the value is skipped.
 */
final class ValueReader {
  private JsonParser p;
  /** The first problem of the current record; null while none. */
  private Problem problem;
  /** Items of the array of strings being read; copied out into an immutable list. */
  private final List<String> stringItems = new ArrayList<>();

  ValueReader(JsonParser parser) {
    this.p = parser;
  }

  /** Continues with another parser (a new input, or the same input after a bad line). */
  void restart(JsonParser parser) {
    this.p = parser;
    this.problem = null;
  }

  JsonParser parser() {
    return p;
  }

  /** The current record's first problem, or null. */
  Problem problem() {
    return problem;
  }

  /** Replaces the current record's problem (null to forget it). */
  void problem(Problem replaced) {
    this.problem = replaced;
  }

  /** The first thing wrong with a record: where and what. */
  record Problem(JsonLocation location, String reason, Throwable cause) {}

  /** The next token; the end of the input inside a record is malformed JSON. */
  JsonToken nextToken() throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new JsonParseException(p, "unexpected end of input inside a record");
    }
    return t;
  }

  /** Keeps {@code reason} at the current token as the record's problem (unless one came first); skips the value. */
  void problemHere(String reason) throws IOException {
    if (problem == null) {
      problem = new Problem(p.currentTokenLocation(), reason, null);
    }
    p.skipChildren();
  }

  void wrongType(String key, String expected) throws IOException {
    problemHere("\"" + key + "\" must be " + expected + ", was " + describe());
  }

  private void rejected(String key, Invalid why, String expected) throws IOException {
    switch (why) {
      case NOT_WHOLE:
        problemHere("\"" + key + "\" must be a whole number, was " + describe());
        break;
      case OUT_OF_RANGE:
        problemHere("\"" + key + "\" is out of range, was " + describe());
        break;
      default:
        wrongType(key, expected);
    }
  }

  /** The current value as a message shows it: quoted strings and numbers cut at 40 characters. */
  String describe() throws IOException {
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
  String text(String key) throws IOException {
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
  Optional<String> channel(String key) throws IOException {
    if (p.currentToken() == JsonToken.START_ARRAY) {
      List<String> parts = strings(key);
      return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(",", parts));
    }
    return Optional.ofNullable(text(key));
  }

  /** An array of strings (a single string is a list of one; nulls in it are left out); null is empty. */
  List<String> strings(String key) throws IOException {
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

  /** A decimal number, or a string holding one; null, "", "NA" are absent. */
  Optional<BigDecimal> decimal(String key) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      if (p.getTextLength() > ScalarGrammar.MAX_NUMBER_TEXT) {
        problemHere("\"" + key + "\" is out of range: " + describe());
        return Optional.empty();
      }
      if (t == JsonToken.VALUE_NUMBER_INT) {
        JsonParser.NumberType type = p.getNumberType();
        if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
          return Optional.of(BigDecimal.valueOf(p.getLongValue()));
        }
      }
      BigDecimal value = p.getDecimalValue();
      if (!ScalarGrammar.inRange(value)) {
        problemHere("\"" + key + "\" is out of range: " + describe());
        return Optional.empty();
      }
      return Optional.of(value);
    }
    if (t == JsonToken.VALUE_STRING) {
      return orAbsent(ScalarGrammar.decimal(p.getText()), key, "a number");
    }
    if (t != JsonToken.VALUE_NULL) {
      wrongType(key, "a number");
    }
    return Optional.empty();
  }

  /** A whole number within [min, max] (a number or a string; {@code 25.0} is 25); null for null or blank. */
  Long wholeNumber(String key, long min, long max) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_STRING) {
      return orAbsent(ScalarGrammar.wholeNumber(p.getText(), min, max), key, "a whole number").orElse(null);
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
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      wrongType(key, "a whole number");
      return null;
    }
    Optional<BigDecimal> decimal = decimal(key);
    if (decimal.isEmpty()) {
      return null;
    }
    return orAbsent(ScalarGrammar.wholeNumber(decimal.get(), min, max), key, "a whole number").orElse(null);
  }

  /** A whole number in int range; null, "", "NA", "N/A" are absent. */
  OptionalInt int32(String key) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING && ScalarGrammar.isNotANumberWord(p.getText())) {
      return OptionalInt.empty();
    }
    Long value = wholeNumber(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    return value == null ? OptionalInt.empty() : OptionalInt.of(value.intValue());
  }

  /** Kore's score: a whole number, a string holding one, or null/"NA" for not evaluated. */
  KoreScore koreScore(String key) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL || (t == JsonToken.VALUE_STRING && ScalarGrammar.isNotANumberWord(p.getText()))) {
      return KoreScore.notEvaluated();
    }
    Long value = wholeNumber(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    return value == null ? KoreScore.notEvaluated() : KoreScore.of(value.intValue());
  }

  /** true/false, or a string holding one (any case); null and "" are absent. */
  Optional<Boolean> bool(String key) throws IOException {
    switch (p.currentToken()) {
      case VALUE_TRUE:
        return Optional.of(Boolean.TRUE);
      case VALUE_FALSE:
        return Optional.of(Boolean.FALSE);
      case VALUE_NULL:
        return Optional.empty();
      case VALUE_STRING:
        return orAbsent(ScalarGrammar.bool(p.getText()), key, "true or false");
      default:
        wrongType(key, "true or false");
        return Optional.empty();
    }
  }

  /** ISO-8601 with an offset or Z; a local date-time {@code 2024-07-18 11:31:14} is UTC; a number is epoch ms. */
  Optional<Instant> instant(String key) throws IOException {
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
    return orAbsent(ScalarGrammar.instant(p.getText()), key, "an ISO-8601 date-time such as 2024-07-18T11:31:14.722Z");
  }

  /** {@code "118182 milliseconds"}, a plain number of milliseconds, or ISO-8601 {@code PT1M58S}. */
  Optional<Duration> duration(String key) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return Optional.empty();
    }
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      Optional<BigDecimal> ms = decimal(key);
      if (ms.isEmpty()) {
        return Optional.empty();
      }
      Optional<Duration> d = ScalarGrammar.millis(ms.get(), false);
      if (d.isEmpty()) {
        problemHere("\"" + key + "\" is out of range, was " + describe());
      }
      return d;
    }
    if (t != JsonToken.VALUE_STRING) {
      wrongType(key, "a duration such as \"118182 milliseconds\"");
      return Optional.empty();
    }
    Duration fast = FastTime.parseMilliseconds(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    if (fast != null) {
      return Optional.of(fast);
    }
    return orAbsent(ScalarGrammar.duration(p.getText()), key, "a duration such as \"118182 milliseconds\"");
  }

  /** {@link Qualification#parse} of the text, without making a String of Kore's {@code YES}/{@code NO}/{@code NA}. */
  Qualification qualification(String key) throws IOException {
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

  /** The value of a reading, empty when absent; a rejected reading becomes the record's problem. */
  private <T> Optional<T> orAbsent(Scalar<T> reading, String key, String expected) throws IOException {
    if (reading instanceof Value<T> value) {
      return Optional.of(value.value());
    }
    if (reading instanceof Rejected<T> rejected) {
      rejected(key, rejected.why(), expected);
    }
    return Optional.empty(); // absent, or rejected (the problem kept)
  }
}
