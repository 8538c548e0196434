package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.korescore.core.model.RawJson;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The raw-JSON copier, from strings: the same text as Jackson's generator copying the value, and reusable. */
class RawJsonCopierTest {
  private static final JsonFactory FACTORY = KoreJson.mapper().getFactory();

  @Test
  void copiesEveryKindOfValueAsTheGeneratorWould() throws IOException {
    RawJsonCopier copier = new RawJsonCopier(FACTORY);
    List<String> values = List.of("null", "true", "false", "42", "-1.5", "\"plain\"", "\"caf\u00e9\"",
        "\"tab\\there\"", "\"\\u0041\"", "{ \"a\" : [1, {\"b\": null}], \"c\": \"d\" }", "[ ]", "{}",
        "[\"x\", 2, [3, [4]]]");
    for (String value : values) {
      assertThat(copy(copier, value)).as(value).isEqualTo(RawJson.of(generatorCopy(value)));
    }
    // a number on its own is kept exactly as written, exponent and trailing zeros included
    assertThat(copy(copier, "-1.50e3")).isEqualTo(RawJson.of("-1.50e3"));
  }

  @Test
  void leavesTheParserOnTheValuesLastTokenSoReadingGoesOn() throws IOException {
    RawJsonCopier copier = new RawJsonCopier(FACTORY);
    try (JsonParser p = FACTORY.createParser("[{\"a\": [1, 2]}, \"next\"]")) {
      p.nextToken();
      p.nextToken();
      assertThat(copier.copy(p)).isEqualTo(RawJson.of("{\"a\":[1,2]}"));
      assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
      assertThat(copier.copy(p)).isEqualTo(RawJson.of("\"next\""));
    }
  }

  private static RawJson copy(RawJsonCopier copier, String json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      p.nextToken();
      return copier.copy(p);
    }
  }

  private static String generatorCopy(String json) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonParser p = FACTORY.createParser(json); JsonGenerator g = FACTORY.createGenerator(out)) {
      p.nextToken();
      g.copyCurrentStructureExact(p); // numbers as written, not re-formatted
    }
    return out.toString();
  }
}
