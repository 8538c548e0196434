package dev.korescore.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.korescore.core.model.Interaction;
import dev.korescore.testkit.properties.KoreGenerators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link VerdictRow}: the row values and both ways of writing them say the same. */
class VerdictRowProperties {
  private static final JsonFactory JSON = new JsonFactory();

  private static List<String> keys(String json) {
    List<String> keys = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        keys.add(p.currentName());
        p.nextToken();
        p.skipChildren();
      }
      assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(p.nextToken()).isNull();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }

  @Test
  void theFastLineEqualsTheRowsLineAndHasExactlyTheColumns() {
    qt().withExamples(500)
        .forAll(KoreGenerators.interactions(), KoreGenerators.policies())
        .checkAssert((Interaction x, dev.korescore.core.policy.ScoringPolicy policy) -> {
          Verdict verdict = KoreAuditor.withPolicy(policy).verify(x);
          StringBuilder fast = new StringBuilder();
          VerdictRow.appendJsonLine(fast, x, verdict);
          VerdictRow row = VerdictRow.of(x, verdict);
          assertThat(fast.toString()).isEqualTo(row.toJsonLine());
          assertThat(keys(fast.toString())).isEqualTo(VerdictRow.COLUMNS);
          assertThat(row.verdict()).isEqualTo(verdict.kind().name());
          assertThat(row.reasons()).startsWith(verdict.reasons().toArray(String[]::new));
          assertThat(row.computedScore()).isEqualTo(verdict.explanation().score().map(ExactScore::decimal));
        });
  }
}
