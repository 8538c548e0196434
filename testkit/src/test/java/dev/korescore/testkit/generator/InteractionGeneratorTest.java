package dev.korescore.testkit.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.korescore.core.model.DurationStatus;
import dev.korescore.core.model.KoreScore;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification.Answer;
import dev.korescore.testkit.wire.KeyStyle;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InteractionGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<GeneratedInteraction> generate(long seed, long count, double share) {
    return InteractionGenerator.builder().seed(seed).count(count).discrepancyShare(share).build().stream().toList();
  }

  @Test
  void theSameSeedGivesTheSameBytes() {
    List<String> first = generate(42, 500, 0.05).stream().map(GeneratedInteraction::wireJson).toList();
    List<String> second = generate(42, 500, 0.05).stream().map(GeneratedInteraction::wireJson).toList();
    List<String> other = generate(43, 500, 0.05).stream().map(GeneratedInteraction::wireJson).toList();
    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void recordsAreRandomAccess() {
    InteractionGenerator generator = InteractionGenerator.builder().seed(5).count(300).build();
    List<GeneratedInteraction> all = generator.stream().toList();
    assertThat(generator.generate(123)).isEqualTo(all.get(123));
    assertThat(generator.stream().parallel().map(GeneratedInteraction::wireJson).toList())
        .isEqualTo(all.stream().map(GeneratedInteraction::wireJson).toList());
    assertThatThrownBy(() -> generator.generate(300)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void plantsTheRequestedShareOfDiscrepanciesOfBothKinds() {
    List<GeneratedInteraction> records = generate(9, 10_000, 0.1);
    long evaluated = records.stream().filter(GeneratedInteraction::isEvaluated).count();
    long planted = records.stream().filter(GeneratedInteraction::isPlanted).count();
    assertThat((double) planted / evaluated).isBetween(0.09, 0.11);
    long wrongScores = records.stream().filter(r -> r.planted().map(p -> p.kind() == PlantedDiscrepancy.Kind.WRONG_SCORE).orElse(false)).count();
    assertThat((double) wrongScores / planted).isBetween(0.5, 0.7);
    assertThat(generate(9, 2_000, 0).stream().noneMatch(GeneratedInteraction::isPlanted)).isTrue();
  }

  @Test
  void theRecordedTruthIsConsistent() {
    for (GeneratedInteraction r : generate(11, 5_000, 0.2)) {
      var in = r.interaction();
      if (!r.isEvaluated()) {
        assertThat(in.koreScore()).isEqualTo(KoreScore.notEvaluated());
        assertThat(r.planted()).isEmpty();
        continue;
      }
      int correct = r.correctScore().getAsInt();
      int pass = in.passScore().getAsInt();
      assertThat(KoreRules.score(in.metrics())).hasValue(correct);
      assertThat(r.correctPassed()).hasValue(correct >= pass);
      int reported = in.koreScore().value().getAsInt();
      boolean reportedPassed = in.passed().orElseThrow();
      if (r.planted().isEmpty()) {
        assertThat(reported).isEqualTo(correct);
        assertThat(reportedPassed).isEqualTo(correct >= pass);
      } else {
        PlantedDiscrepancy p = r.planted().get();
        assertThat(p.reportedScore()).isEqualTo(reported);
        assertThat(p.reportedPassed()).isEqualTo(reportedPassed);
        assertThat(p.correctScore()).isEqualTo(correct);
        if (p.kind() == PlantedDiscrepancy.Kind.WRONG_SCORE) {
          assertThat(Math.abs(reported - correct)).isBetween(5, 25);
          assertThat(reported).isBetween(-100, 100);
          assertThat(reportedPassed).isEqualTo(reported >= pass);
        } else {
          assertThat(reported).isEqualTo(correct);
          assertThat(reportedPassed).isNotEqualTo(correct >= pass);
        }
      }
    }
  }

  @Test
  void everyKeyStyleAppearsOnTheWire() throws IOException {
    Set<KeyStyle> styles = EnumSet.noneOf(KeyStyle.class);
    Set<String> scoreKeys = new HashSet<>();
    for (GeneratedInteraction r : generate(3, 1_000, 0.05)) {
      styles.add(r.keyStyle());
      JsonNode node = JSON.readTree(r.wireJson());
      assertThat(node.get(r.keyStyle().conversationIdKey()).asText()).isEqualTo(r.conversationId().value());
      assertThat(node.has(r.keyStyle().scoreKey())).isTrue();
      node.fieldNames().forEachRemaining(key -> {
        if (key.toLowerCase().startsWith("kore")) {
          scoreKeys.add(key);
        }
      });
    }
    assertThat(styles).containsExactlyInAnyOrder(KeyStyle.values());
    assertThat(scoreKeys).containsExactlyInAnyOrder("Kore Evaluation Score", "koreEvaluationScore", "koreEvalutionScore");
  }

  @Test
  void producesEveryFeatureKoreDataHas() {
    List<GeneratedInteraction> records = generate(21, 3_000, 0.05);
    List<Metric> metrics = records.stream().flatMap(r -> r.interaction().metrics().stream()).toList();
    assertThat(metrics).anyMatch(m -> m.qualification() == Answer.NA);
    assertThat(metrics).anyMatch(m -> m.qualification() == Answer.MANUAL && m.weight() == 0);
    assertThat(metrics).anyMatch(m -> m.negativeWeight() > 0);
    assertThat(metrics).anyMatch(m -> m.fatal() && m.qualification() == Answer.NO);
    assertThat(metrics).anyMatch(m -> m.id().isEmpty());
    assertThat(records).allMatch(r -> !r.isEvaluated() || r.interaction().metrics().size() >= 2 && r.interaction().metrics().size() <= 12);
    assertThat(records).anyMatch(r -> !r.isEvaluated());
    assertThat(records).anyMatch(r -> r.interaction().durationStatus().filter(s -> s == DurationStatus.Known.BELOW_THRESHOLD).isPresent());
    assertThat(records).anyMatch(r -> !r.interaction().extras().isEmpty());
    assertThat(records).anyMatch(r -> r.isEvaluated() && r.correctScore().getAsInt() == 0 && KoreRules.fatalFailed(r.interaction().metrics()));
    assertThat(records).anyMatch(r -> r.isEvaluated() && r.correctScore().getAsInt() < 0);
    assertThat(records.stream().map(r -> r.interaction().channel().orElseThrow()).distinct().count()).isGreaterThanOrEqualTo(5);
    assertThat(records.stream().map(r -> r.interaction().primaryAgentKey()).distinct().count()).isGreaterThan(10);
    assertThat(records.stream().map(r -> r.interaction().primaryQueueKey()).distinct().count()).isGreaterThan(3);
    assertThat(records).anyMatch(r -> r.interaction().evaluationFormScoringType().filter("percentage"::equals).isPresent());
    assertThat(records).anyMatch(r -> r.interaction().evaluationFormScoringType().filter("points"::equals).isPresent());
    assertThat(records.stream().map(r -> r.conversationId()).distinct().count()).isEqualTo(records.size());
  }

  @Test
  void percentageFormsWeighOneHundred() {
    for (GeneratedInteraction r : generate(17, 2_000, 0)) {
      if (r.isEvaluated() && r.interaction().evaluationFormScoringType().filter("percentage"::equals).isPresent()) {
        long total = r.interaction().metrics().stream().mapToLong(Metric::weight).sum();
        assertThat(total).as(r.conversationId().value()).isEqualTo(100);
      }
    }
  }

  @Test
  void startTimesRiseWithinTheRange() {
    Instant from = Instant.parse("2025-01-01T00:00:00Z");
    Instant to = Instant.parse("2025-01-03T00:00:00Z");
    List<GeneratedInteraction> records =
        InteractionGenerator.builder().seed(1).count(1_000).between(from, to).build().stream().toList();
    Instant previous = from;
    for (GeneratedInteraction r : records) {
      Instant start = r.interaction().startTime().orElseThrow();
      assertThat(start).isAfterOrEqualTo(previous).isBefore(to);
      previous = start;
    }
  }

  @Test
  void refusesBadSettings() {
    assertThatThrownBy(() -> InteractionGenerator.builder().discrepancyShare(1.5).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("discrepancyShare").hasMessageContaining("1.5");
    assertThatThrownBy(() -> InteractionGenerator.builder().count(-1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    assertThatThrownBy(() -> InteractionGenerator.builder().between(t, t).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from");
    assertThatThrownBy(() -> InteractionGenerator.builder().keyStyles().build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key style");
  }
}
