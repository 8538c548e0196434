package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.korescore.core.model.ConversationId;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.ReadOptions;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Jackson's messages, as Jackson really writes them, said in the user's words. */
class JsonErrorsTest {

  /** What Jackson throws for {@code json} under {@code factory}. */
  private static JsonProcessingException jacksonError(JsonFactory factory, String json) {
    try (JsonParser p = factory.createParser(json)) {
      while (p.nextToken() != null) {
        p.getText();
      }
    } catch (JsonProcessingException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no error for " + json);
  }

  private static String said(String json) {
    return JsonErrors.describe(jacksonError(new JsonFactory(), json));
  }

  @Test
  void nonNumbersAreNamed() {
    assertThat(said("{\"Sentiment Score\": NaN}")).isEqualTo("NaN is not a JSON number");
    assertThat(said("{\"x\": -Infinity}")).isEqualTo("-Infinity is not a JSON number");
  }

  @Test
  void limitsAreGivenWithTheirNumbersAsTheUserReadsThem() {
    JsonFactory small = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1_000).maxNestingDepth(10).build())
        .build();
    assertThat(JsonErrors.describe(jacksonError(small, "{\"x\":\"" + "a".repeat(1_500) + "\"}")))
        .isEqualTo("a string of 1,500 characters exceeds the limit of 1,000");
    assertThat(JsonErrors.describe(jacksonError(small, "[".repeat(12) + "]".repeat(12))))
        .isEqualTo("the JSON nests 11 levels deep, more than the limit of 10");
    // the default limit, with the numbers of the issue: the text Jackson 2 writes for it
    assertThat(JsonErrors.describe("String value length (31457280) exceeds the maximum allowed (20000000, from"
        + " `StreamReadConstraints.getMaxStringLength()`)"))
        .isEqualTo("a string of 31,457,280 characters exceeds the limit of 20,000,000");
  }

  @Test
  void structuralFaultsSayWhatWasFoundWhereSomethingElseBelongs() {
    assertThat(said("{\"a\":1 \"b\":2}")).isEqualTo("unexpected '\"' where ',' or '}' should be");
    assertThat(said("{\"a\" 1}")).isEqualTo("unexpected '1' where ':' should be");
    assertThat(said("{oops}")).isEqualTo("unexpected 'o' where a quoted key should be");
    assertThat(said("[1 2]")).isEqualTo("unexpected '2' where ',' or ']' should be");
    assertThat(said("{\"a\":1]")).isEqualTo("unexpected ']' where '}' should close");
    assertThat(said("hello")).isEqualTo("'hello' is not JSON");
    assertThat(said("{\"a\":\"cut\n")).isEqualTo("a line break inside a string: the record is cut short");
    assertThat(said("{\"a\":[1,")).isEqualTo("the input ends inside a record: the record is cut short");
    assertThat(said("\n\uFEFF{}")).isEqualTo("a stray byte order mark (U+FEFF) where JSON should be");
    assertThat(said("{\"a\":01}")).startsWith("not a JSON number");
  }

  @Test
  void noMessageNamesALibraryFeatureOrSource() {
    for (String json : new String[] {"{\"x\": NaN}", "{'a':1}", "{\"a\":1,}", "[01]", "{\"a\":\"\u0001\"}", "[1,]"}) {
      assertThat(said(json)).as(json).doesNotContain("`", "Source:", "Feature", "StreamReadConstraints", "enable");
    }
  }

  @Test
  void aReadErrorNamesTheRecordStartItsOwnConversationAndTheFault() {
    String text = "{\"conversationId\":\"c-1\"}\n{\"conversationId\":\"c-2\",\"Sentiment Score\": NaN}\n";

    InteractionReadException e = catchThrowableOfType(InteractionReadException.class,
        () -> Io.read("day.jsonl", Io.utf8(text)));

    assertThat(e.getMessage()).isEqualTo(
        "day.jsonl:2:1 (conversation c-2): malformed JSON: NaN is not a JSON number (at line 2, column 47)");
    assertThat(e.conversationId()).contains(ConversationId.of("c-2"));
  }

  @Test
  void aCutGzipSaysAfterWhichRecordAndSkippingKeepsTheRecordsBefore() {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 400; i++) {
      lines.append("{\"conversationId\":\"c-").append(i).append("\",\"padding\":\"").append("x".repeat(i % 97))
          .append(Integer.toHexString(i * 7919)).append("\"}\n");
    }
    byte[] gz = Io.gzip(Io.utf8(lines.toString()));
    byte[] cut = Arrays.copyOf(gz, gz.length * 2 / 3);

    InteractionReadException e = catchThrowableOfType(InteractionReadException.class,
        () -> Io.read("day.jsonl.gz", cut));
    assertThat(e.reason()).matches("the gzip data is cut short after \\d+ records \\(the last whole one:"
        + " conversation c-\\d+\\)");
    assertThat(e.getMessage()).startsWith("day.jsonl.gz:");

    var read = Io.read("day.jsonl.gz", cut, ReadOptions.skippingBadRecords());
    assertThat(read).isNotEmpty();
    assertThat(e.reason()).contains("after " + read.size() + " records")
        .contains("conversation " + read.get(read.size() - 1).conversationId());
  }
}
