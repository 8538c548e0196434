package dev.korescore.adapters.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.korescore.core.model.ConversationId;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.InteractionStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Walks any of the supported shapes with one {@link JsonParser}: root-level values one after another
 * (JSON Lines, concatenated envelopes, a single record), root arrays of records or of envelopes, and
 * envelopes' {@code results} arrays. Holds at most one record in memory.
 */
final class JsonInteractionStream implements InteractionStream {
  private enum Context {
    ARRAY,
    RESULTS
  }

  private final String source;
  private final JsonParser parser;
  private final RecordReader reader;
  private final boolean skipBadRecords;
  private final Deque<Context> contexts = new ArrayDeque<>();
  private final List<InteractionReadException> firstSkipped = new ArrayList<>();
  private long skippedCount;
  private Interaction next;
  private boolean finished;
  private boolean closed;

  JsonInteractionStream(String source, JsonParser parser, RecordReader reader, boolean skipBadRecords) {
    this.source = source;
    this.parser = parser;
    this.reader = reader;
    this.skipBadRecords = skipBadRecords;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (finished) {
      return false;
    }
    while (true) {
      try {
        next = advance();
      } catch (InteractionReadException e) {
        reader.reset();
        if (skipBadRecords) {
          skippedCount++;
          if (firstSkipped.size() < SkippedRecords.KEPT) {
            firstSkipped.add(e);
          }
          continue;
        }
        throw e;
      } catch (IOException | RuntimeException | StackOverflowError e) {
        InteractionReadException failure = fatal(e);
        finish();
        throw failure;
      }
      if (next == null) {
        finish();
        return false;
      }
      return true;
    }
  }

  @Override
  public Interaction next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more interactions in " + source);
    }
    Interaction result = next;
    next = null;
    return result;
  }

  @Override
  public SkippedRecords skipped() {
    return new SkippedRecords(skippedCount, firstSkipped);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    finished = true;
    next = null;
    try {
      parser.close();
    } catch (IOException | RuntimeException e) {
      // closing a reader after (or instead of) reading: nothing a caller could do
    }
  }

  private void finish() {
    finished = true;
    close();
  }

  /** The next interaction, or null at the end of the input. */
  private Interaction advance() throws IOException {
    while (true) {
      JsonToken t = parser.nextToken();
      Context top = contexts.peek();
      if (t == null) {
        if (top == null) {
          return null;
        }
        throw new JsonParseException(parser, "unexpected end of input inside " + describe(top));
      }
      if (top == Context.RESULTS) {
        if (t == JsonToken.END_ARRAY) {
          contexts.pop();
          skipRestOfEnvelope();
          continue;
        }
        if (t == JsonToken.START_OBJECT) {
          return reader.readObject(false).orElseThrow(() -> new IllegalStateException("envelope in results"));
        }
      } else {
        if (t == JsonToken.END_ARRAY && top == Context.ARRAY) {
          contexts.pop();
          continue;
        }
        if (t == JsonToken.START_ARRAY && top == null) {
          contexts.push(Context.ARRAY);
          continue;
        }
        if (t == JsonToken.START_OBJECT) {
          Optional<Interaction> record = reader.readObject(true);
          if (record.isPresent()) {
            return record.get();
          }
          contexts.push(Context.RESULTS);
          continue;
        }
      }
      JsonLocation at = parser.currentTokenLocation();
      String found = describe(t);
      parser.skipChildren();
      throw new InteractionReadException(
          reader.position(at),
          Optional.empty(),
          "expected a record (a JSON object), found " + found);
    }
  }

  private void skipRestOfEnvelope() throws IOException {
    while (true) {
      JsonToken t = parser.nextToken();
      if (t == null) {
        throw new JsonParseException(parser, "unexpected end of input inside the response envelope");
      }
      if (t == JsonToken.END_OBJECT) {
        return;
      }
      parser.nextToken();
      parser.skipChildren();
    }
  }

  private static String describe(Context context) {
    return context == Context.ARRAY ? "an array" : "the \"results\" array";
  }

  private static String describe(JsonToken t) {
    switch (t) {
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return t.asString() == null ? t.name() : "'" + t.asString() + "'";
    }
  }

  private InteractionReadException fatal(Throwable e) {
    Optional<ConversationId> id = safeConversationId();
    if (e instanceof JsonProcessingException) {
      JsonProcessingException jpe = (JsonProcessingException) e;
      JsonLocation at = jpe.getLocation() != null ? jpe.getLocation() : safeLocation();
      return new InteractionReadException(
          reader.position(at), id, "malformed JSON: " + oneLine(jpe.getOriginalMessage()), e);
    }
    if (e instanceof IOException) {
      return new InteractionReadException(
          reader.position(safeLocation()), id, "cannot read the input: " + oneLine(String.valueOf(e)), e);
    }
    if (e instanceof StackOverflowError) {
      return new InteractionReadException(
          reader.position(safeLocation()), id, "the input is nested too deeply", e);
    }
    return new InteractionReadException(
        reader.position(safeLocation()), id, "cannot read the input: " + oneLine(String.valueOf(e)), e);
  }

  private Optional<ConversationId> safeConversationId() {
    try {
      return reader.conversationIdSoFar();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Where the last token started: for failures that are not the JSON's fault. */
  private JsonLocation safeLocation() {
    try {
      return parser.currentTokenLocation();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String oneLine(String text) {
    if (text == null) {
      return "(no detail)";
    }
    String line = text.replace('\r', ' ').replace('\n', ' ');
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
