package dev.korescore.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.korescore.adapters.json.WireField.Level;
import dev.korescore.core.fetch.PageDecodeException.Malformed;
import dev.korescore.core.fetch.PageDecodeException.Truncated;
import dev.korescore.core.fetch.RawDataPage;
import dev.korescore.core.fetch.RawRecord;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Decodes the envelope {@code {"results":[...],"totalResults":n,"totalPages":n,"hasMore":b}} in one
 * streaming pass, cutting each result out of the body text so that it is kept exactly as received.
 * A result's conversation id is found under any key the reader accepts ({@link WireField}).
 */
final class PageDecoder {
  private final JsonFactory factory;

  PageDecoder(JsonFactory factory) {
    this.factory = factory;
  }

  /** Whether {@code key} names a record's conversation id: the reader's own key rule. */
  static boolean isConversationIdKey(String key) {
    return WireField.lookup(Level.RECORD, key) == WireField.CONVERSATION_ID;
  }

  /** {@code "Conversation Start Time"} / {@code conversationStartTime}: what the date filter applies to. */
  static boolean isStartTimeKey(String key) {
    return WireField.lookup(Level.RECORD, key) == WireField.START_TIME;
  }

  private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]");

  /**
   * A start time as Kore writes it (ISO-8601 with {@code Z} or an offset, {@code yyyy-MM-dd HH:mm:ss} in
   * UTC, or epoch milliseconds); empty when unreadable, so that a record is never dropped for its format.
   */
  static Optional<Instant> startTime(String text, boolean number) {
    String value = text.strip();
    try {
      if (number) {
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(value)));
      }
      if (value.indexOf('T') > 0) {
        return Optional.of(OffsetDateTime.parse(value).toInstant());
      }
      return Optional.of(LocalDateTime.parse(value, SPACED).toInstant(ZoneOffset.UTC));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  RawDataPage decode(String body, int page) throws Truncated, Malformed {
    List<RawRecord> records = new ArrayList<>();
    List<Optional<Instant>> startTimes = new ArrayList<>();
    OptionalLong totalResults = OptionalLong.empty();
    OptionalInt totalPages = OptionalInt.empty();
    Optional<Boolean> hasMore = Optional.empty();
    try (JsonParser parser = factory.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new Malformed("page " + page + ": the body is not a JSON object", null);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "results" -> readResults(parser, body, page, records, startTimes);
          case "totalResults" -> totalResults = OptionalLong.of(number(parser, value, name, page));
          case "totalPages" -> totalPages = OptionalInt.of(Math.toIntExact(number(parser, value, name, page)));
          case "hasMore" -> {
            if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
              hasMore = Optional.of(value == JsonToken.VALUE_TRUE);
            } else if (value != JsonToken.VALUE_NULL) {
              throw new Malformed("page " + page + ": hasMore is not a boolean: " + parser.getText(), null);
            }
          }
          default -> parser.skipChildren();
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT) {
        throw new Malformed("page " + page + ": unexpected " + parser.currentToken(), null);
      }
    } catch (JsonEOFException e) {
      throw new Truncated("page " + page + ": the body ends too early (" + body.length() + " chars)", e);
    } catch (IOException | ArithmeticException e) {
      throw new Malformed("page " + page + ": " + firstLine(e.getMessage()), e);
    }
    return new RawDataPage(records, startTimes, totalResults, totalPages, hasMore);
  }

  private static long number(JsonParser parser, JsonToken value, String name, int page)
      throws IOException, Malformed {
    if (value == JsonToken.VALUE_NUMBER_INT) {
      return parser.getLongValue();
    }
    if (value == JsonToken.VALUE_STRING) {
      try {
        return Long.parseLong(parser.getText().strip());
      } catch (NumberFormatException e) {
        throw new Malformed("page " + page + ": " + name + " is not a number: '" + parser.getText() + "'", e);
      }
    }
    throw new Malformed("page " + page + ": " + name + " is not a number: " + value, null);
  }

  private static void readResults(
      JsonParser parser, String body, int page, List<RawRecord> records, List<Optional<Instant>> startTimes)
      throws IOException, Malformed {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw new Malformed("page " + page + ": results is not an array", null);
    }
    int index = 0;
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new JsonEOFException(parser, null, "end of input inside results");
      }
      if (token != JsonToken.START_OBJECT) {
        throw new Malformed("page " + page + " record " + index + ": not a JSON object but " + token, null);
      }
      int start = (int) parser.currentTokenLocation().getCharOffset();
      String id = null;
      Optional<Instant> startAt = Optional.empty();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonToken value = parser.nextToken();
        if (id == null && isConversationIdKey(key) && (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT)) {
          id = parser.getText();
        } else if (startAt.isEmpty() && isStartTimeKey(key)
            && (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT)) {
          startAt = startTime(parser.getText(), value == JsonToken.VALUE_NUMBER_INT);
        } else {
          parser.skipChildren();
        }
      }
      int end = (int) parser.currentLocation().getCharOffset();
      if (id == null || id.isBlank()) {
        throw new Malformed("page " + page + " record " + index + ": no conversation id (\"Conversation ID\" or conversationId)", null);
      }
      records.add(RawRecord.of(id, body.substring(start, end)));
      startTimes.add(startAt);
      index++;
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed JSON";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
