package dev.korescore.adapters.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.korescore.core.model.ConversationId;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.ReadScope;
import dev.korescore.core.port.out.SourcePosition;
import java.io.IOException;
import java.util.Optional;

/**
 * Maps one Kore record given as JSON text (a line of JSON Lines, a table's raw JSON column) to an
 * {@link Interaction}, by the same rules as {@link JacksonInteractionReaderAdapter}'s streaming reader:
 * every key spelling, numbers and booleans as strings, the same errors. For engines that cut the input
 * themselves (Apache Spark splits files into lines) and need one verdict or one refusal per record.
 *
 * <pre>{@code
 * JsonRecordMapper mapper = JsonRecordMapper.create(ReadScope.AUDIT);
 * try {
 *   mapper.map("part-00000.jsonl", 42, line).ifPresent(interaction -> ...);   // empty for a blank line
 * } catch (InteractionReadException e) {
 *   rejected.add(e.getMessage());   // part-00000.jsonl:42:17 (conversation c-1): Metrics[0] ...
 * }
 * }</pre>
 *
 * <p>Reusable and cheap per record (one parser per record, one reader's key cache and holders for all);
 * not thread-safe: one per thread or per partition.
 */
public final class JsonRecordMapper {
  private final JsonFactory factory;
  private final ReadScope scope;
  private RecordReader reader;

  private JsonRecordMapper(JsonFactory factory, ReadScope scope) {
    this.factory = factory;
    this.scope = scope;
  }

  /** A mapper reading what {@code scope} asks for ({@link ReadScope#AUDIT}: only what an audit uses). */
  public static JsonRecordMapper create(ReadScope scope) {
    return new JsonRecordMapper(
        JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build(),
        requireNonNull(scope, "scope"));
  }

  /**
   * The interaction of one record, or empty when {@code json} is blank (a JSON Lines reader skips blank
   * lines). A leading byte order mark is ignored.
   *
   * @param sourceName names the input in errors (a file path)
   * @param line the 1-based line of {@code json} in that input, or 0 when unknown; errors count lines
   *     inside {@code json} from it
   * @throws InteractionReadException when the text is not one JSON object or the record cannot be
   *     mapped; the message names {@code sourceName:line:column} and the conversation id when known
   */
  public Optional<Interaction> map(String sourceName, long line, String json) {
    requireNonNull(sourceName, "sourceName");
    requireNonNull(json, "json");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, was " + line);
    }
    String text = !json.isEmpty() && json.charAt(0) == '\uFEFF' ? json.substring(1) : json;
    if (text.isBlank()) {
      return Optional.empty();
    }
    try (JsonParser parser = factory.createParser(text)) {
      if (reader == null) {
        reader = new RecordReader(parser, factory, sourceName, scope);
      }
      reader.restart(parser, sourceName, line == 0 ? 0 : line - 1);
      try {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
          JsonLocation at = parser.currentTokenLocation();
          throw new InteractionReadException(reader.position(at), Optional.empty(),
              "expected a record (a JSON object), found " + describe(first));
        }
        Interaction interaction = reader.readObject(false)
            .orElseThrow(() -> new IllegalStateException("an envelope is not looked for"));
        JsonToken after = parser.nextToken();
        if (after != null) {
          throw new InteractionReadException(reader.position(parser.currentTokenLocation()),
              Optional.of(interaction.conversationId()), "more than one JSON value in one record");
        }
        return Optional.of(interaction);
      } catch (InteractionReadException e) {
        reader.reset();
        throw unknownLine(e, sourceName, line);
      } catch (IOException | RuntimeException | StackOverflowError e) {
        InteractionReadException failure = fatal(e, parser);
        reader.reset();
        throw unknownLine(failure, sourceName, line);
      }
    } catch (IOException e) {
      // closing a parser over a string: nothing to release, nothing a caller could do
      throw new InteractionReadException(SourcePosition.of(sourceName, line, 0), Optional.empty(),
          "cannot read the record: " + e.getMessage(), e);
    }
  }

  /** With the line unknown (0), only the source is named: a line inside one record's text would mislead. */
  private static InteractionReadException unknownLine(InteractionReadException e, String sourceName, long line) {
    if (line != 0) {
      return e;
    }
    return new InteractionReadException(SourcePosition.of(sourceName, 0, 0), e.conversationId(), e.reason(),
        e.getCause());
  }

  /** A failure of the JSON itself, in the streaming reader's words ({@link JsonErrors}), at the record's start. */
  private InteractionReadException fatal(Throwable e, JsonParser parser) {
    Optional<ConversationId> id = reader.conversationIdSoFar();
    JsonLocation at = reader.recordStartSoFar().orElseGet(() -> location(e, parser));
    if (e instanceof JsonProcessingException jpe) {
      return new InteractionReadException(reader.position(at), id, "malformed JSON: " + JsonErrors.describe(jpe), e);
    }
    if (e instanceof IOException io) {
      return new InteractionReadException(reader.position(at), id, "cannot read the record: " + JsonErrors.describe(io), e);
    }
    if (e instanceof StackOverflowError) {
      return new InteractionReadException(reader.position(at), id, "the record is nested too deeply", e);
    }
    String message = e.getMessage();
    return new InteractionReadException(reader.position(at), id,
        "cannot read the record: " + (message == null ? "an unexpected failure" : message.replace('\n', ' ')), e);
  }

  private static JsonLocation location(Throwable e, JsonParser parser) {
    if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
      return jpe.getLocation();
    }
    return parser.currentTokenLocation();
  }

  private static String describe(JsonToken t) {
    if (t == JsonToken.START_ARRAY) {
      return "an array";
    }
    if (t == JsonToken.VALUE_STRING) {
      return "a string";
    }
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return "a number";
    }
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return "a boolean";
    }
    return t == JsonToken.VALUE_NULL ? "null" : String.valueOf(t);
  }
}
