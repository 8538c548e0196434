package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Metric;
import dev.korescore.testkit.properties.KoreGenerators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** The CSV writer never throws, and its tables hold one row per interaction and one per metric. */
class CsvSinkProperties {

  static List<Map<String, String>> parse(String csv) {
    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<Map<String, String>> rows =
        mapper.readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .without(CsvParser.Feature.TRIM_SPACES)
            .readValues(csv)) {
      return rows.readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String[] write(List<Interaction> xs) {
    ByteArrayOutputStream interactions = new ByteArrayOutputStream();
    ByteArrayOutputStream metrics = new ByteArrayOutputStream();
    try (CsvInteractionSinkAdapter sink = CsvInteractionSinkAdapter.create(interactions, metrics)) {
      xs.forEach(sink::write);
    }
    return new String[] {interactions.toString(StandardCharsets.UTF_8), metrics.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void oneRowPerInteractionAndOnePerMetricWithNamesKeptApartFromTheFormulaGuard() {
    qt().withExamples(200)
        .forAll(SourceDSL.lists().of(KoreGenerators.interactions()).ofSizeBetween(1, 5))
        .checkAssert(xs -> {
          String[] csv = write(xs);
          List<Map<String, String>> interactionRows = parse(csv[0]);
          List<Metric> metrics = xs.stream().flatMap(x -> x.metrics().stream()).toList();
          assertThat(interactionRows).hasSize(xs.size());
          for (int i = 0; i < xs.size(); i++) {
            assertThat(interactionRows.get(i).get("conversationId"))
                .isEqualTo(CsvFormulaGuard.neutralise(xs.get(i).conversationId().value()));
            assertThat(interactionRows.get(i).get("metricCount")).isEqualTo(String.valueOf(xs.get(i).metrics().size()));
          }
          assertThat(csv[1]).startsWith("\"conversationId\",\"index\",");
          List<Map<String, String>> metricRows = parse(csv[1]);
          assertThat(metricRows).hasSize(metrics.size());
          for (int i = 0; i < metrics.size(); i++) {
            assertThat(metricRows.get(i).get("name")).isEqualTo(CsvFormulaGuard.neutralise(metrics.get(i).name()));
            assertThat(metricRows.get(i).get("weight")).isEqualTo(String.valueOf(metrics.get(i).weight()));
          }
        });
  }
}
