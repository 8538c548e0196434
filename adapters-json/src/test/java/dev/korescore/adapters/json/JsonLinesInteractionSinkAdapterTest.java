package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.core.model.Extras;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.model.RawJson;
import dev.korescore.testkit.fixtures.Interactions;
import dev.korescore.testkit.fixtures.Metrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesInteractionSinkAdapterTest {

  @Test
  void seedStyleUsesThe2024KeysOneRecordPerLine() {
    String out = Io.jsonLines(Interactions.seedSample(), KeyStyle.SEED_2024);

    assertThat(out).endsWith("}\n").doesNotContain("\r");
    String first = out.lines().findFirst().orElseThrow();
    assertThat(first)
        .startsWith("{\"src\":\"korevg\",\"Conversation Start Time\":\"2024-07-18T11:31:14.722Z\"")
        .contains("\"Duration\":\"118182 milliseconds\"")
        .contains("\"Conversation ID\":\"c-89da2cc-512d-4e26-9404-18481299xxxx\"")
        .contains("\"Kore Evaluation Score\":40")
        .contains("\"Queue Name\":\"Technical Support \"")
        .contains("{\"Metric Name\":\"Policy\",\"Metric Weight\":15,\"Qualification\":\"NO\"}");
  }

  @Test
  void camelCaseStyleUsesTheLaterKeysAndWritesEveryMetricField() {
    String out = Io.jsonLines(List.of(Interactions.seedFirst()), KeyStyle.CAMEL_CASE);

    assertThat(out)
        .contains("\"conversationId\":\"c-89da2cc-512d-4e26-9404-18481299xxxx\"")
        .contains("\"koreEvaluationScore\":40")
        .contains("{\"metricName\":\"Policy\",\"metricWeight\":15,\"metricNegativeWeight\":0,"
            + "\"qualification\":\"NO\",\"isFatalError\":false}");
  }

  @Test
  void unknownFieldsAreWrittenRawAndNotEvaluatedIsNull() {
    Interaction x =
        Interaction.builder("c-1")
            .koreScore(KoreScore.notEvaluated())
            .duration(Duration.ofNanos(1_500_000))
            .addMetric(Metrics.metric("M", 5, Qualification.Answer.MANUAL).withNegativeWeight(2).withFatal(true))
            .extras(Extras.of(Map.of("custom_fields", RawJson.of("{\"a\":[1,2]}"))))
            .build();

    String out = Io.jsonLines(List.of(x), KeyStyle.SEED_2024);

    assertThat(out)
        .isEqualTo(
            "{\"Duration\":\"1.5 milliseconds\",\"Conversation ID\":\"c-1\",\"Kore Evaluation Score\":null,"
                + "\"Metrics\":[{\"Metric Name\":\"M\",\"Metric Weight\":5,\"Metric Negative Weight\":2,"
                + "\"Qualification\":\"-\",\"isFatalError\":true}],\"custom_fields\":{\"a\":[1,2]}}\n");
    assertThat(Io.read(out)).containsExactly(x);
  }

  @Test
  void closingClosesTheStreamAndWriteFailuresAreUnchecked() {
    boolean[] closed = {false};
    OutputStream failing = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void close() {
        closed[0] = true;
      }
    };
    JsonLinesInteractionSinkAdapter sink = JsonLinesInteractionSinkAdapter.create(failing);
    sink.write(Interactions.seedFirst());

    assertThatThrownBy(sink::close).isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("disk full");
    assertThat(closed[0]).isTrue();
  }
}
