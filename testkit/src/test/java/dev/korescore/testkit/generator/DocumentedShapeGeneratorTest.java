package dev.korescore.testkit.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.korescore.testkit.wire.KoreWire;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The generator writes each of Kore's documented record shapes as Kore prints it. */
class DocumentedShapeGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final InteractionGenerator SHAPED =
      InteractionGenerator.builder().seed(5).count(400).documentedShapeShare(0.4).build();

  private static List<GeneratedInteraction> of(DocumentedShape shape) {
    return SHAPED.stream().filter(g -> g.shape().filter(s -> s == shape).isPresent()).toList();
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void eachShapeIsWrittenAsKorePrintsIt() throws IOException {
    for (DocumentedShape shape : DocumentedShape.values()) {
      assertThat(of(shape)).as(shape.name()).isNotEmpty();
    }
    for (GeneratedInteraction g : of(DocumentedShape.NOT_EVALUATED_WITHOUT_ANSWERS)) {
      JsonNode record = JSON.readTree(g.wireJson());
      assertThat(g.wireJson()).doesNotContain("\"Qualification\"").contains("\"Metric Weight\"");
      assertThat(record.get("duration_status").asText()).isIn("below_threshold", "duration_unavailable");
      assertThat(g.isEvaluated()).isFalse();
    }
    for (GeneratedInteraction g : of(DocumentedShape.METRIC_WITHOUT_WEIGHT)) {
      JsonNode metrics = JSON.readTree(g.wireJson()).get("Metrics");
      boolean idAndAnswerOnly = false;
      for (JsonNode m : metrics) {
        idAndAnswerOnly |= !m.has("Metric Weight") && !m.has("Metric Name") && m.has("Qualification");
      }
      assertThat(idAndAnswerOnly).as(g.wireJson()).isTrue();
    }
    for (GeneratedInteraction g : of(DocumentedShape.METRIC_WITHOUT_NAME)) {
      assertThat(count(g.wireJson(), "\"Metric Name\"")).isLessThan(count(g.wireJson(), "\"Metric Weight\""));
    }
    for (GeneratedInteraction g : of(DocumentedShape.FATAL_COUNT_WITHOUT_FATAL_METRIC)) {
      assertThat(g.wireJson()).doesNotContain("\"isFatalError\":true");
      assertThat(g.interaction().fatalErrorCount().getAsInt()).isPositive();
      assertThat(g.correctScore()).hasValue(0);
    }
    for (GeneratedInteraction g : of(DocumentedShape.DUPLICATED_KEY)) {
      String key = g.interaction().duplicateKeys().get(0).key();
      assertThat(count(g.wireJson(), "\"" + key + "\"")).as(g.wireJson()).isGreaterThanOrEqualTo(2);
    }
    for (GeneratedInteraction g : of(DocumentedShape.REPEATED_CONVERSATION_ID)) {
      assertThat(g.conversationId()).isEqualTo(SHAPED.generate(g.index() - 1).conversationId());
    }
    assertThat(SHAPED.stream().filter(g -> g.shape().isPresent() && g.isPlanted())).isEmpty();
  }

  @Test
  void aRecordWithoutAShapeIsByteForByteWhatTheGeneratorWritesWithoutShapes() {
    InteractionGenerator plain = InteractionGenerator.builder().seed(5).count(400).build();
    for (GeneratedInteraction g : SHAPED.stream().filter(x -> x.shape().isEmpty()).toList()) {
      assertThat(g.wireJson()).isEqualTo(plain.generate(g.index()).wireJson());
    }
  }

  @Test
  void theEnvelopeCanPrintTotalPagesTwiceAsKoresSampleDoes() throws IOException {
    String body = KoreWire.envelope(List.of(SHAPED.generate(0).wireJson()), 1, 1, false, true);
    assertThat(count(body, "\"totalPages\"")).isEqualTo(2);
    assertThat(JSON.readTree(body).get("totalPages").asInt()).isEqualTo(1);
    assertThat(KoreWire.envelope(List.of(), 0, 1, false)).containsOnlyOnce("\"totalPages\"");
  }
}
