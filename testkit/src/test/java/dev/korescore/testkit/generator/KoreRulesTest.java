package dev.korescore.testkit.generator;

import static dev.korescore.testkit.fixtures.Metrics.fatal;
import static dev.korescore.testkit.fixtures.Metrics.manual;
import static dev.korescore.testkit.fixtures.Metrics.na;
import static dev.korescore.testkit.fixtures.Metrics.no;
import static dev.korescore.testkit.fixtures.Metrics.yes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.testkit.fixtures.Interactions;
import java.util.List;
import org.junit.jupiter.api.Test;

class KoreRulesTest {
  @Test
  void reproducesTheSeedSample() {
    Interactions.seedSample().forEach(i -> assertThat(KoreRules.score(i.metrics())).hasValue(40));
  }

  @Test
  void aFailedFatalMetricScoresZero() {
    assertThat(KoreRules.score(List.of(yes("a", 50), fatal("b", 50, Answer.NO)))).hasValue(0);
    assertThat(KoreRules.score(List.of(yes("a", 50), fatal("b", 50, Answer.YES)))).hasValue(100);
  }

  @Test
  void negativeWeightsAndManualMetrics() {
    assertThat(KoreRules.score(List.of(yes("a", 10), no("b", 30).withNegativeWeight(30), manual("c")))).hasValue(-50);
    assertThat(KoreRules.score(List.of(na("a", 10), manual("c")))).isEmpty();
  }

  @Test
  void roundsHalfUp() {
    assertThat(KoreRules.score(List.of(yes("a", 1), no("b", 1), no("c", 6)))).hasValue(13); // 12.5
    assertThat(KoreRules.score(List.of(yes("a", 1), no("b", 2)))).hasValue(33); // 33.33
    assertThat(KoreRules.score(List.of(yes("a", 2), no("b", 1)))).hasValue(67); // 66.67
  }

  @Test
  void passesAtLeast() {
    assertThat(KoreRules.passes(70, 70)).isTrue();
    assertThat(KoreRules.passes(69, 70)).isFalse();
  }
}
