package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.MetricChange;
import dev.korescore.core.policy.NaTreatment;
import dev.korescore.core.port.out.FormChangeReadException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JacksonFormChangeReaderAdapterTest {
  private final JacksonFormChangeReaderAdapter reader = JacksonFormChangeReaderAdapter.create();

  private FormChange read(String json) {
    return reader.read("change.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsTheIssuesExample() {
    FormChange change = read("{\"form\": \"Voice QA\", \"passScore\": 75, \"metrics\": {\"Policy\": {\"weight\": 40,"
        + " \"fatal\": true}}}");
    assertThat(change).isEqualTo(FormChange.builder().form("Voice QA").passScore(75)
        .metric("Policy", MetricChange.none().withWeight(40).withFatal(true)).build());
  }

  @Test
  void readsEveryField() {
    FormChange change = read("""
        {
          "na": "count-as-fail",
          "metrics": {
            "Greeting ": {"drop": true},
            "Policy": {"negativeWeight": 5, "fatal": false, "drop": false}
          }
        }
        """);
    assertThat(change.naTreatment()).contains(NaTreatment.COUNT_AS_FAIL);
    assertThat(change.metrics()).containsExactly(
        java.util.Map.entry("Greeting", MetricChange.dropped()),
        java.util.Map.entry("Policy", MetricChange.none().withNegativeWeight(5).withFatal(false)));
    assertThat(read("{}")).isEqualTo(FormChange.none());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"passScore\": 101}|change.json:1:15: passScore must be between 0 and 100, was 101",
      "{\"passScore\": \"75\"}|change.json:1:15: passScore must be a whole number, was \"75\"",
      "{\"passScore\": 7.5}|change.json:1:15: passScore must be a whole number, was 7.5",
      "{\"pasScore\": 75}|change.json:1:2: unknown field 'pasScore' (a change has form, passScore, na, metrics)",
      "{\"na\": \"full\"}|change.json:1:8: na must be exclude, award-full or count-as-fail, was 'full'",
      "{\"form\": null}|change.json:1:10: form must be text, was null",
      "{\"form\": \" \"}|change.json:1:13: form must not be blank",
      "[1]|change.json:1:1: a change must be a JSON object such as {\"passScore\": 75}",
      "{\"metrics\": []}|change.json:1:13: metrics must be an object of metric names, such as {\"Policy\": {\"weight\": 40}}",
      "{\"metrics\": {\"Policy\": {\"weigth\": 4}}}|change.json:1:25: metric 'Policy': unknown field 'weigth' (a metric's change has weight, negativeWeight, fatal, drop)",
      "{\"metrics\": {\"Policy\": {\"weight\": -4}}}|change.json:1:35: metric 'Policy': weight must be 0 or more, was -4",
      "{\"metrics\": {\"Policy\": {\"fatal\": 1}}}|change.json:1:34: metric 'Policy': fatal must be true or false, was 1",
      "{\"metrics\": {\"Policy\": {}}}|change.json:1:25: metric 'Policy': the change is empty (give weight, negativeWeight, fatal, drop)",
      "{\"metrics\": {\"Policy\": {\"drop\": true, \"weight\": 3}}}|change.json:1:50: metric 'Policy': a dropped metric cannot also get a weight or fatal",
      "{\"metrics\": {\"Policy\": {\"drop\": true}, \"Policy \": {\"drop\": true}}}|change.json:1:40: metric 'Policy' is named twice",
      "{\"passScore\": 7, \"passScore\": 8}|change.json:1:29: not valid JSON: field 'passScore' appears twice",
      "{\"passScore\": 7} {}|change.json:1:18: unexpected content after the change's object",
      "{\"passScore\": 7|change.json:1:16: not valid JSON: Unexpected end-of-input: expected close marker for Object",
  })
  void aBadChangeIsATypedErrorNamingThePlaceAndTheField(String json, String message) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(FormChangeReadException.class).hasMessage(message);
  }
}
