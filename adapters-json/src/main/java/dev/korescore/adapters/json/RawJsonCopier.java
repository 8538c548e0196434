package dev.korescore.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.korescore.core.model.RawJson;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Copies the value at a parser's current token (a scalar, or a whole object or array) as compact JSON
 * text: what the reader keeps of the fields the model does not know ({@code Extras}). The text is what
 * the factory's generator writes; a plain printable-ASCII string is quoted directly (the fast path),
 * which gives the same text when the generator escapes nothing in that range (checked once). One per
 * reader; not thread-safe.
 */
final class RawJsonCopier {
  private static final RawJson NULL = RawJson.of("null");
  private static final RawJson TRUE = RawJson.of("true");
  private static final RawJson FALSE = RawJson.of("false");

  private final JsonFactory factory;
  /** Reused to copy values as compact text; dropped if a copy fails half-way. */
  private final StringWriter text = new StringWriter(256);
  private JsonGenerator generator;
  /** Whether {@link #copy} may quote a plain string itself; null until first needed. */
  private Boolean plainStringsVerbatim;

  RawJsonCopier(JsonFactory factory) {
    this.factory = factory;
  }

  /** The value at {@code p}'s current token as compact JSON; the parser ends on the value's last token. */
  RawJson copy(JsonParser p) throws IOException {
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
      RawJson plain = plainString(p);
      if (plain != null) {
        return plain;
      }
    }
    if (generator == null) {
      text.getBuffer().setLength(0);
      generator = factory.createGenerator(text);
      generator.setRootValueSeparator(null);
    }
    JsonGenerator g = generator;
    generator = null; // a copy failing half-way leaves a generator in an unknown state: not reused
    g.copyCurrentStructureExact(p);
    g.flush();
    String json = text.toString();
    text.getBuffer().setLength(0);
    generator = g;
    return RawJson.of(json);
  }

  /**
   * A string of printable ASCII without quote or backslash, quoted: exactly what the generator writes
   * for it (it escapes nothing else in that range); null for any other string.
   */
  private RawJson plainString(JsonParser p) throws IOException {
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
}
