package dev.korescore.adapters.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.korescore.core.fetch.PageDecodeException;
import dev.korescore.core.fetch.RawDataPage;
import dev.korescore.core.fetch.RawDataQuery;
import dev.korescore.core.fetch.RawDataWirePort;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kore's Raw Data wire format with Jackson, for the HTTP client: the request body, the response
 * envelope (streamed, each record cut out of the body as received), Kore's error messages, and a
 * record's conversation id under any key spelling the reader accepts ({@link WireField}). Thread-safe.
 */
public final class JacksonRawDataWireAdapter implements RawDataWirePort {
  private final JsonMapper mapper;
  private final JsonFactory factory;
  private final PageDecoder decoder;

  private JacksonRawDataWireAdapter(JsonMapper mapper) {
    this.mapper = mapper;
    this.factory = mapper.getFactory();
    this.decoder = new PageDecoder(factory);
  }

  /** The adapter on {@link KoreJson#mapper()}. */
  public static JacksonRawDataWireAdapter create() {
    return new JacksonRawDataWireAdapter(KoreJson.mapper());
  }

  @Override
  public String requestBody(RawDataQuery query) {
    requireNonNull(query, "query");
    StringWriter out = new StringWriter(128);
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("startDate", query.startDate());
      g.writeStringField("endDate", query.endDate());
      g.writeNumberField("limit", query.limit());
      g.writeNumberField("page", query.page());
      if (!query.channels().isEmpty()) {
        strings(g, "channel", query.channels());
      }
      if (!query.queues().isEmpty()) {
        strings(g, "queues", query.queues());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a request body", e);
    }
    return out.toString();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  @Override
  public RawDataPage decodePage(String body, int page) throws PageDecodeException {
    return decoder.decode(requireNonNull(body, "body"), page);
  }

  @Override
  public List<String> errorMessages(String body) {
    List<String> messages = new ArrayList<>();
    try {
      JsonNode root = mapper.readTree(requireNonNull(body, "body"));
      if (root != null) {
        for (JsonNode error : root.path("errors")) {
          if (error.hasNonNull("msg")) {
            messages.add(error.get("msg").asText());
          }
        }
        if (messages.isEmpty() && root.hasNonNull("message")) {
          messages.add(root.get("message").asText());
        }
      }
    } catch (IOException | RuntimeException notJson) {
      return List.of();
    }
    return List.copyOf(messages);
  }

  @Override
  public Optional<String> conversationId(String record) {
    try (JsonParser parser = factory.createParser(requireNonNull(record, "record"))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonToken value = parser.nextToken();
        if (PageDecoder.isConversationIdKey(key) && value != null && value.isScalarValue()
            && value != JsonToken.VALUE_NULL) {
          return Optional.of(parser.getText());
        }
        parser.skipChildren();
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
