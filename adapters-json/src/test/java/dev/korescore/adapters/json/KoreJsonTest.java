package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KoreJsonTest {
  record Sample(Instant at, BigDecimal score) {}

  @Test
  void writesDatesAsIsoTextAndReadsFloatsAsBigDecimals() throws Exception {
    JsonMapper mapper = KoreJson.mapper();

    assertThat(mapper.writeValueAsString(Map.of("at", Instant.parse("2024-07-18T11:31:14.722Z"))))
        .isEqualTo("{\"at\":\"2024-07-18T11:31:14.722Z\"}");
    JsonNode node = mapper.readTree("{\"s\":7.10}");
    assertThat(node.get("s").decimalValue()).isEqualTo(new BigDecimal("7.10"));
    assertThat(mapper.readValue("{\"at\":\"2024-07-18T11:31:14.722Z\",\"score\":5.5,\"extra\":1}", Sample.class))
        .isEqualTo(new Sample(Instant.parse("2024-07-18T11:31:14.722Z"), new BigDecimal("5.5")));
  }

  @Test
  void eachCallGivesAnIndependentMapper() {
    assertThat(KoreJson.mapper()).isNotSameAs(KoreJson.mapper());
  }
}
