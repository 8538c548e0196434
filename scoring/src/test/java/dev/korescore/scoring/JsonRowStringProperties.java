package dev.korescore.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** The audit's hand-written JSON Lines rows quote strings exactly as Jackson's generator does. */
class JsonRowStringProperties {
  private static final JsonFactory JSON = new JsonFactory();

  private static String jackson(String value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String parsed(String json) {
    try (JsonParser p = JSON.createParser(json)) {
      p.nextToken();
      return p.getText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String ours(String value) {
    StringBuilder b = new StringBuilder();
    VerdictRow.jsonString(b, value);
    return b.toString();
  }

  @Test
  void anyStringIsQuotedLikeJacksonQuotesItAndReadsBackUnchanged() {
    qt().withExamples(3000)
        .forAll(SourceDSL.strings().betweenCodePoints(0, 0x7f).ofLengthBetween(0, 40)
            .mix(SourceDSL.strings().allPossible().ofLengthBetween(0, 20), 40))
        .checkAssert(value -> {
          String json = ours(value);
          assertThat(json).isEqualTo(jackson(value));
          assertThat(parsed(json)).isEqualTo(value);
        });
  }

  @Test
  void everyControlCharacterQuoteAndBackslash() {
    for (char c = 0; c < 0x80; c++) {
      String value = "a" + c + "b";
      assertThat(ours(value)).as("char %d", (int) c).isEqualTo(jackson(value));
    }
    assertThat(ours("tab\there \"quoted\" back\\slash\u0001")).isEqualTo(
        "\"tab\\there \\\"quoted\\\" back\\\\slash\\u0001\"");
  }
}
