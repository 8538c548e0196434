package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.korescore.core.model.ConversationId;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.core.port.out.SourcePosition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadErrorsTest {

  private static InteractionReadException failure(String source, String text) {
    return catchThrowableOfType(InteractionReadException.class, () -> Io.read(source, Io.utf8(text)));
  }

  /** The reason without where in the record the fault is. */
  private static String reason(String text) {
    return failure("f", text).reason().replaceAll(" \\(at line \\d+, column \\d+\\)$", "");
  }

  @Test
  void malformedJsonNamesWhereTheRecordStartsItsOwnConversationAndWhereTheFaultIs() {
    String text = "{\"conversationId\":\"c-1\"}\n{\"conversationId\":\"c-2\", oops}\n";

    InteractionReadException e = failure("exports/day1.jsonl", text);

    assertThat(e.position()).isEqualTo(SourcePosition.of("exports/day1.jsonl", 2, 1));
    assertThat(e.getMessage()).isEqualTo("exports/day1.jsonl:2:1 (conversation c-2): malformed JSON:"
        + " unexpected 'o' where a quoted key should be (at line 2, column 26)");
    assertThat(e.conversationId()).contains(ConversationId.of("c-2"));
  }

  @Test
  void aBadMetricWeightNamesTheConversationAndTheMetricEvenWhenTheIdComesLast() {
    String text =
        "{\"Metrics\":[{\"Metric Name\":\"Greeting\",\"Metric Weight\":10,\"Qualification\":\"YES\"},\n"
            + "  {\"Metric Weight\":\"heavy\",\"Metric Name\":\"Policy\",\"Qualification\":\"NO\"}],\n"
            + " \"Conversation ID\":\"c-77\"}";

    InteractionReadException e = failure("page.json", text);

    assertThat(e.conversationId()).contains(ConversationId.of("c-77"));
    assertThat(e.position()).isEqualTo(SourcePosition.of("page.json", 1, 1));
    assertThat(e.reason()).isEqualTo(
        "Metrics[1] ('Policy'): \"Metric Weight\" must be a whole number, was \"heavy\" (at line 2, column 20)");
    assertThat(e.getMessage()).isEqualTo("page.json:1:1 (conversation c-77): " + e.reason());
  }

  @Test
  void aFractionalWeightIsRefused() {
    InteractionReadException e =
        failure("f", "{\"conversationId\":\"c-1\",\"metrics\":[{\"metricName\":\"X\",\"metricWeight\":2.5,\"qualification\":\"YES\"}]}");

    assertThat(e.reason()).contains("\"metricWeight\" must be a whole number, was 2.5");
  }

  @Test
  void wrongTypesAreNamedWithTheKeyAsWritten() {
    assertThat(reason("{\"conversationId\":\"c-1\",\"Pass Score\":{\"a\":1}}"))
        .isEqualTo("\"Pass Score\" must be a whole number, was an object");
    assertThat(reason("{\"conversationId\":\"c-1\",\"IsPassed\":\"perhaps\"}"))
        .isEqualTo("\"IsPassed\" must be true or false, was \"perhaps\"");
    assertThat(reason("{\"conversationId\":\"c-1\",\"Duration\":\"a while\"}"))
        .startsWith("\"Duration\" must be a duration");
    assertThat(reason("{\"conversationId\":\"c-1\",\"Conversation Start Time\":\"yesterday\"}"))
        .startsWith("\"Conversation Start Time\" must be an ISO-8601 date-time");
    assertThat(reason("{\"conversationId\":\"c-1\",\"Metrics\":{}}"))
        .isEqualTo("\"Metrics\" must be an array, was an object");
    assertThat(reason("{\"conversationId\":\"c-1\",\"Kore Evaluation Score\":\"high\"}"))
        .isEqualTo("\"Kore Evaluation Score\" must be a whole number, was \"high\"");
    assertThat(reason("{\"conversationId\":\"c-1\",\"Pass Score\":3000000000}"))
        .isEqualTo("\"Pass Score\" is out of range, was 3000000000");
    assertThat(reason("{\"conversationId\":\"c-1\",\"Pass Score\":\"70.5\"}"))
        .isEqualTo("\"Pass Score\" must be a whole number, was \"70.5\"");
    assertThat(
            reason("{\"conversationId\":\"c-1\",\"Metrics\":[{\"Metric Name\":\"W\",\"Qualification\":\"YES\","
                + "\"Metric Weight\":92233720368547758070}]}"))
        .isEqualTo("Metrics[0] ('W'): \"Metric Weight\" is out of range, was 92233720368547758070");
    assertThat(reason("{\"conversationId\":\"c-1\",\"Sentiment Score\":1e999999999}"))
        .startsWith("\"Sentiment Score\" is out of range");
  }

  @Test
  void aRecordWithoutConversationIdIsRefusedAtItsStart() {
    InteractionReadException e = failure("f.jsonl", "{\"conversationId\":\"c-1\"}\n  {\"src\":\"voice\"}");

    assertThat(e.position()).isEqualTo(SourcePosition.of("f.jsonl", 2, 3));
    assertThat(e.conversationId()).isEmpty();
    assertThat(e.reason()).contains("no conversation id");
  }

  @Test
  void aKoreErrorResponseSaysSo() {
    InteractionReadException e = failure("f", "{\"errors\":[{\"msg\":\"Invalid SDK credentials\",\"code\":4002}]}");

    assertThat(e.reason()).contains("Kore error response").contains("Invalid SDK credentials");
  }

  @Test
  void aNegativeDurationFromTheDomainIsTranslated() {
    InteractionReadException e = failure("f", "{\"conversationId\":\"c-1\",\"Duration\":\"-5 milliseconds\"}");

    assertThat(e.reason()).contains("duration must not be negative");
    assertThat(e.conversationId()).contains(ConversationId.of("c-1"));
  }

  @Test
  void aScalarWhereARecordBelongsIsRefused() {
    assertThat(failure("f", "[{\"conversationId\":\"c-1\"}, 42]").reason())
        .isEqualTo("expected a record (a JSON object), found a number");
  }

  @Test
  void textThatIsNotJsonIsATypedErrorAndASkippedLineWhenSkipping() {
    assertThatThrownBy(() -> Io.read("notes.txt", Io.utf8("hello, world\n")))
        .isInstanceOf(InteractionReadException.class)
        .hasMessageStartingWith("notes.txt:1:")
        .hasMessageContaining("malformed JSON: 'hello' is not JSON");
    try (InteractionStream stream = Io.READER.open("notes.txt", new ByteArrayInputStream(Io.utf8("hello, world\n")),
        ReadOptions.skippingBadRecords())) {
      assertThat(stream.hasNext()).isFalse();
      assertThat(stream.skipped().count()).isEqualTo(1);
    }
  }

  @Test
  void truncatedInputFailsWithAPosition() {
    InteractionReadException e = failure("cut.json", "{\"results\":[{\"conversationId\":\"c-1\"},{\"convers");

    assertThat(e.position().line()).isEqualTo(1);
    assertThat(e.reason()).startsWith("malformed JSON");
  }

  @Test
  void truncatedGzipFailsWithTheIoCause() {
    byte[] gz = Io.gzip(Io.resource("seed-sample-response.json"));
    byte[] cut = Arrays.copyOf(gz, gz.length / 2);

    assertThatThrownBy(() -> Io.read("cut.json.gz", cut))
        .isInstanceOf(InteractionReadException.class)
        .hasMessageContaining("cut.json.gz")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void anIoFailureOfTheInputBecomesAReadExceptionWithTheCause() {
    InputStream broken = new InputStream() {
      private int served;

      @Override
      public int read() throws IOException {
        if (served++ < 10) {
          return ' ';
        }
        throw new IOException("disk on fire");
      }
    };

    try (InteractionStream stream = Io.READER.open("broken", broken, ReadOptions.strict())) {
      assertThatThrownBy(stream::hasNext)
          .isInstanceOf(InteractionReadException.class)
          .hasMessageContaining("disk on fire")
          .hasRootCauseMessage("disk on fire");
      assertThat(stream.hasNext()).isFalse();
    }
  }

  @Test
  void skipModeSkipsAndCountsBadRecordsAndKeepsTheirErrors() {
    String text =
        "{\"conversationId\":\"c-1\"}\n"
            + "{\"conversationId\":\"c-2\",\"Pass Score\":\"lots\"}\n"
            + "17\n"
            + "{\"conversationId\":\"c-3\"}\n"
            + "{\"src\":\"no id\"}\n";

    try (InteractionStream stream =
        Io.READER.open("mixed.jsonl", new ByteArrayInputStream(Io.utf8(text)), ReadOptions.skippingBadRecords())) {
      List<Interaction> read = new ArrayList<>();
      stream.forEachRemaining(read::add);

      assertThat(read).extracting(x -> x.conversationId().value()).containsExactly("c-1", "c-3");
      assertThat(stream.skipped().count()).isEqualTo(3);
      assertThat(stream.skipped().first())
          .extracting(e -> e.position().line())
          .containsExactly(2L, 3L, 5L);
      assertThat(stream.skipped().first().get(0).conversationId()).contains(ConversationId.of("c-2"));
    }
  }

  @Test
  void strictModeStopsAtTheFirstBadRecordButTheStreamCanGoOn() {
    String text = "{\"conversationId\":\"c-1\",\"IsPassed\":3}\n{\"conversationId\":\"c-2\"}\n";

    try (InteractionStream stream =
        Io.READER.open("s.jsonl", new ByteArrayInputStream(Io.utf8(text)), ReadOptions.strict())) {
      assertThatThrownBy(stream::next).isInstanceOf(InteractionReadException.class).hasMessageContaining("c-1");
      assertThat(stream.next().conversationId().value()).isEqualTo("c-2");
      assertThat(stream.hasNext()).isFalse();
      assertThat(stream.skipped().count()).isZero();
    }
  }
}
