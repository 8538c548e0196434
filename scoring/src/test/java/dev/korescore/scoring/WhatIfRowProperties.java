package dev.korescore.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.policy.FormChange;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.testkit.properties.KoreGenerators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link WhatIfRow}: the row values and both ways of writing them say the same. */
class WhatIfRowProperties {
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
        .forAll(KoreGenerators.interactions(), KoreGenerators.policies(), KoreGenerators.formChanges())
        .checkAssert((Interaction x, ScoringPolicy policy, FormChange change) -> {
          if (!(WhatIf.of(policy, change).evaluate(x) instanceof WhatIfOutcome.Rescored r)) {
            return;
          }
          StringBuilder fast = new StringBuilder();
          WhatIfRow.appendJsonLine(fast, x, r);
          WhatIfRow row = WhatIfRow.of(x, r);
          assertThat(fast.toString()).isEqualTo(row.toJsonLine());
          assertThat(keys(fast.toString())).isEqualTo(WhatIfRow.COLUMNS);
          assertThat(row.flip()).isEqualTo(r.flip().name());
          assertThat(row.scoreBefore()).isEqualTo(r.scoreBefore().decimal());
          assertThat(row.agents()).hasSize(x.agents().size());
        });
  }
}
