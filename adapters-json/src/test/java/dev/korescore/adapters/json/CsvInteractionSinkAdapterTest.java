package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Qualification;
import dev.korescore.testkit.fixtures.Interactions;
import dev.korescore.testkit.fixtures.Metrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvInteractionSinkAdapterTest {

  @Test
  void theSeedAsTwoTables() {
    String[] csv = CsvSinkProperties.write(Interactions.seedSample());

    List<String> interactionLines = csv[0].lines().toList();
    assertThat(interactionLines.get(0).replace("\"", "")).isEqualTo(CsvInteractionSinkAdapter.INTERACTION_COLUMNS);
    assertThat(interactionLines).hasSize(3);
    assertThat(interactionLines.get(1))
        .isEqualTo(
            "\"c-89da2cc-512d-4e26-9404-18481299xxxx\",\"korevg\",\"2024-07-18T11:31:14.722Z\","
                + "\"2024-07-18T11:33:12.904Z\",118182,5,40,70,false,false,false,,,,,"
                + "\"a-5cd64b6-6634-4797-830d-e22c0474xxxx\",\"Demo\",\"qu-20e6d30-e133-4651-8b4a-7e82ea1dxxxx\","
                + "\"Technical Support \",,,5,1,2,2,0,0,\"authorization assistance|intent\",\"intent\"");

    List<String> metricLines = csv[1].lines().toList();
    assertThat(metricLines.get(0).replace("\"", "")).isEqualTo(CsvInteractionSinkAdapter.METRIC_COLUMNS);
    assertThat(metricLines).hasSize(11);
    assertThat(metricLines.get(3)).isEqualTo("\"c-89da2cc-512d-4e26-9404-18481299xxxx\",2,,\"Policy\",15,0,\"NO\",false");
  }

  @Test
  void quotesCommasQuotesNewlinesAndKeepsSpaces() {
    Interaction x =
        Interaction.builder("c-1")
            .evaluationFormName("Sales, \"North\"\nregion ")
            .addMetric(Metrics.metric(" Greeting, with \"quotes\" ", 10, Qualification.Answer.YES))
            .build();

    String[] csv = CsvSinkProperties.write(List.of(x));

    Map<String, String> row = CsvSinkProperties.parse(csv[0]).get(0);
    assertThat(row.get("evaluationFormName")).isEqualTo("Sales, \"North\"\nregion ");
    assertThat(row.get("koreScore")).isEmpty();
    assertThat(row.get("yesCount")).isEqualTo("1");
    assertThat(CsvSinkProperties.parse(csv[1]).get(0).get("name")).isEqualTo(" Greeting, with \"quotes\" ");
  }

  @Test
  void formulaLikeNamesAreNeutralisedUnlessRaw() throws Exception {
    Interaction x = Interaction.builder("=c-1")
        .addMetric(Metrics.metric("=HYPERLINK(\"http://evil\",\"x\")", 10, Qualification.Answer.YES))
        .addMetric(Metrics.metric("@SUM(A1)", 10, Qualification.Answer.NO))
        .build();

    String[] csv = CsvSinkProperties.write(List.of(x));
    assertThat(CsvSinkProperties.parse(csv[0]).get(0).get("conversationId")).isEqualTo("'=c-1");
    List<Map<String, String>> metrics = CsvSinkProperties.parse(csv[1]);
    assertThat(metrics.get(0).get("name")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
    assertThat(metrics.get(1).get("name")).isEqualTo("'@SUM(A1)");

    java.io.ByteArrayOutputStream interactions = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream metricTable = new java.io.ByteArrayOutputStream();
    try (CsvInteractionSinkAdapter raw = CsvInteractionSinkAdapter.createRaw(interactions, metricTable)) {
      raw.write(x);
    }
    assertThat(CsvSinkProperties.parse(metricTable.toString(java.nio.charset.StandardCharsets.UTF_8)).get(1).get("name"))
        .isEqualTo("@SUM(A1)");
  }

  @Test
  void bothTablesHaveTheirHeaderEvenWithoutRows() {
    String[] csv = CsvSinkProperties.write(List.of());

    assertThat(csv[0].strip().replace("\"", "")).isEqualTo(CsvInteractionSinkAdapter.INTERACTION_COLUMNS);
    assertThat(csv[1].strip().replace("\"", "")).isEqualTo(CsvInteractionSinkAdapter.METRIC_COLUMNS);
  }
}
