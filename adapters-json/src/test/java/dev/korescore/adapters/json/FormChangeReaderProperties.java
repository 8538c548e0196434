package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.MetricChange;
import dev.korescore.core.port.out.FormChangeReadException;
import dev.korescore.testkit.properties.KoreGenerators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** The change reader: a written change reads back equal; any text is a change or a typed error, never a crash. */
class FormChangeReaderProperties {
  private static final JacksonFormChangeReaderAdapter READER = JacksonFormChangeReaderAdapter.create();
  private static final String ALPHABET = "{}[]\":, \n0123456789-.truefalsnupassScore weight fatal drop metrics form na";

  private static FormChange read(String json) {
    return READER.read("c.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** The change as the documented JSON, written plainly (names from the generator need no escaping). */
  static String json(FormChange change) {
    List<String> fields = new ArrayList<>();
    change.form().ifPresent(f -> fields.add("\"form\": \"" + f + "\""));
    change.passScore().ifPresent(p -> fields.add("\"passScore\": " + p));
    change.naTreatment().ifPresent(na -> fields.add(
        "\"na\": \"" + na.name().toLowerCase(Locale.ROOT).replace('_', '-') + "\""));
    List<String> metrics = new ArrayList<>();
    for (Map.Entry<String, MetricChange> e : change.metrics().entrySet()) {
      MetricChange m = e.getValue();
      List<String> parts = new ArrayList<>();
      m.weight().ifPresent(w -> parts.add("\"weight\": " + w));
      m.negativeWeight().ifPresent(w -> parts.add("\"negativeWeight\": " + w));
      m.fatal().ifPresent(f -> parts.add("\"fatal\": " + f));
      if (m.drop()) {
        parts.add("\"drop\": true");
      }
      metrics.add("\"" + e.getKey() + "\": {" + String.join(", ", parts) + "}");
    }
    if (!metrics.isEmpty()) {
      fields.add("\"metrics\": {" + String.join(", ", metrics) + "}");
    }
    return "{" + String.join(",\n ", fields) + "}";
  }

  @Test
  void aWrittenChangeReadsBackEqual() {
    qt().withExamples(300).forAll(KoreGenerators.formChanges())
        .checkAssert(change -> assertThat(read(json(change))).isEqualTo(change));
  }

  @Test
  void anyTextIsAChangeOrATypedErrorNamingThePlace() {
    qt().withExamples(500)
        .forAll(SourceDSL.lists().of(SourceDSL.integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 120))
        .checkAssert(indexes -> {
          StringBuilder text = new StringBuilder();
          indexes.forEach(i -> text.append(ALPHABET.charAt(i)));
          try {
            assertThat(read(text.toString())).isNotNull();
          } catch (FormChangeReadException e) {
            assertThat(e.getMessage()).startsWith("c.json");
          }
        });
  }
}
