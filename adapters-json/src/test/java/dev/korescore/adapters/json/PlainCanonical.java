package dev.korescore.adapters.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.korescore.core.store.ContentHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form the plain way, a sorted map per object: the reference that {@link CanonicalJson}'s
 * streaming form is proven equal to ({@code CanonicalJsonProperties}).
 */
final class PlainCanonical {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private PlainCanonical() {}

  /** {@code json}'s canonical text. */
  static String canonical(String json) {
    requireNonNull(json, "json");
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IllegalArgumentException("not a JSON document: empty");
      }
      StringBuilder out = new StringBuilder(json.length());
      value(parser, first, out);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("not one JSON document: text follows the value at "
            + parser.currentLocation().getCharOffset());
      }
      return out.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SHA-256 of {@code json}'s canonical text in UTF-8. */
  static ContentHash hash(String json) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return ContentHash.ofBytes(sha256.digest(canonical(json).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static void value(JsonParser parser, JsonToken token, StringBuilder out) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        Map<String, String> fields = new TreeMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String key = parser.currentName();
          StringBuilder field = new StringBuilder();
          value(parser, parser.nextToken(), field);
          fields.put(key, field.toString());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> field : fields.entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          string(field.getKey(), out);
          out.append(':').append(field.getValue());
        }
        out.append('}');
      }
      case START_ARRAY -> {
        out.append('[');
        boolean first = true;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          value(parser, t, out);
        }
        out.append(']');
      }
      case VALUE_STRING -> string(parser.getText(), out);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.append(parser.getText());
      case VALUE_TRUE -> out.append("true");
      case VALUE_FALSE -> out.append("false");
      case VALUE_NULL -> out.append("null");
      default -> throw new IllegalArgumentException("unexpected JSON token " + token);
    }
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(text, out);
    out.append('"');
  }
}
