package dev.korescore.testkit.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.RawJson;
import dev.korescore.testkit.fixtures.Interactions;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KoreWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode seedResponse() throws IOException {
    try (InputStream in = KoreWireTest.class.getResourceAsStream("seed-sample-response.json")) {
      return JSON.readTree(in);
    }
  }

  @Test
  void rendersTheSeedSampleExactlyAsTheSeedPagePrintsIt() throws IOException {
    JsonNode seed = seedResponse();
    List<Interaction> sample = Interactions.seedSample();
    for (int i = 0; i < sample.size(); i++) {
      JsonNode rendered = JSON.readTree(KoreWire.record(sample.get(i), KeyStyle.SPACED_2024));
      assertThat(rendered).isEqualTo(seed.get("results").get(i));
    }
  }

  @Test
  void rendersTheSeedEnvelope() throws IOException {
    JsonNode seed = seedResponse();
    List<String> records = Interactions.seedSample().stream().map(r -> KoreWire.record(r, KeyStyle.SPACED_2024)).toList();
    assertThat(JSON.readTree(KoreWire.envelope(records, 9, 1, false))).isEqualTo(seed);
  }

  @Test
  void spellsTheKeysOfEachStyle() throws IOException {
    Interaction seed = Interactions.seedFirst().toBuilder().fatalErrorCount(0).build();
    JsonNode camel = JSON.readTree(KoreWire.record(seed, KeyStyle.CAMEL));
    assertThat(camel.get("conversationId").asText()).isEqualTo("c-89da2cc-512d-4e26-9404-18481299xxxx");
    assertThat(camel.get("koreEvaluationScore").asInt()).isEqualTo(40);
    assertThat(camel.get("isPassed").asBoolean()).isFalse();
    assertThat(camel.get("fatalErrorCount").asInt()).isZero();
    assertThat(camel.at("/Agents/0/Agent ID").asText()).startsWith("a-");
    assertThat(camel.has("Conversation ID")).isFalse();

    JsonNode misspelt = JSON.readTree(KoreWire.record(seed, KeyStyle.CAMEL_MISSPELT));
    assertThat(misspelt.get("koreEvalutionScore").asInt()).isEqualTo(40);
    assertThat(misspelt.has("koreEvaluationScore")).isFalse();

    JsonNode spaced = JSON.readTree(KoreWire.record(seed, KeyStyle.SPACED_2024));
    assertThat(spaced.get("Fatal Errors").asInt()).isZero();
  }

  @Test
  void writesNotEvaluatedAsNullOrNa() throws IOException {
    Interaction unscored = Interactions.seedFirst().toBuilder().koreScore(KoreScore.notEvaluated()).build();
    assertThat(JSON.readTree(KoreWire.record(unscored, KeyStyle.SPACED_2024)).get("Kore Evaluation Score").isNull()).isTrue();
    assertThat(JSON.readTree(KoreWire.record(unscored, KeyStyle.CAMEL)).get("koreEvaluationScore").asText()).isEqualTo("NA");
  }

  @Test
  void writesUnknownFieldsVerbatimAndOneLine() {
    Interaction withExtras = Interactions.seedFirst().toBuilder()
        .extras(dev.korescore.core.model.Extras.of(java.util.Map.of("custom_fields", RawJson.of("{\"tier\":\"gold\"}"))))
        .startTime(Instant.parse("2024-07-18T11:31:14Z"))
        .build();
    String json = KoreWire.record(withExtras, KeyStyle.CAMEL);
    assertThat(json).contains("\"custom_fields\":{\"tier\":\"gold\"}").doesNotContain("\n");
    assertThat(json).contains("\"Conversation Start Time\":\"2024-07-18T11:31:14.000Z\"");
  }

  @Test
  void rendersKoreErrors() {
    assertThat(KoreWire.error("Invalid \"SDK\" credentials", 4002))
        .isEqualTo("{\"errors\":[{\"msg\":\"Invalid \\\"SDK\\\" credentials\",\"code\":4002}]}");
  }
}
