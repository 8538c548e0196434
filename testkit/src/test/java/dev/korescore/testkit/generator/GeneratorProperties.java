package dev.korescore.testkit.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.korescore.testkit.properties.KoreGenerators;
import dev.korescore.testkit.wire.KeyStyle;
import dev.korescore.testkit.wire.KoreWire;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class GeneratorProperties {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void anyRecordOfAnySeedKeepsItsTruthConsistent() {
    qt().withExamples(200)
        .forAll(longs().all(), longs().between(0, 9_999), doubles().between(0, 1))
        .checkAssert((seed, index, share) -> {
          InteractionGenerator generator =
              InteractionGenerator.builder().seed(seed).count(10_000).discrepancyShare(share).build();
          GeneratedInteraction g = generator.generate(index);
          assertThat(generator.generate(index).wireJson()).isEqualTo(g.wireJson());
          assertThat(parse(g.wireJson()).get(g.keyStyle().conversationIdKey()).asText()).isEqualTo(g.conversationId().value());
          if (g.isEvaluated()) {
            int correct = g.correctScore().getAsInt();
            assertThat(correct).isBetween(-100, 100);
            assertThat(KoreRules.score(g.interaction().metrics())).hasValue(correct);
            int reported = g.interaction().koreScore().value().getAsInt();
            assertThat(reported != correct).isEqualTo(
                g.planted().map(p -> p.kind() == PlantedDiscrepancy.Kind.WRONG_SCORE).orElse(false));
          } else {
            assertThat(g.planted()).isEmpty();
          }
        });
  }

  @Test
  void generatedInteractionsAgreeWithKoreRulesUnlessPlanted() {
    qt().withExamples(200)
        .forAll(KoreGenerators.generatedInteractions())
        .checkAssert(g -> {
          if (g.isEvaluated() && g.planted().isEmpty()) {
            assertThat(g.interaction().koreScore().value()).isEqualTo(KoreRules.score(g.interaction().metrics()));
            assertThat(g.interaction().passed()).isEqualTo(g.correctPassed());
          }
        });
  }

  @Test
  void thePlantedShareFollowsTheSetting() {
    qt().withExamples(20)
        .forAll(longs().all(), integers().between(0, 10))
        .checkAssert((seed, tenths) -> {
          double share = tenths / 10.0;
          long planted = InteractionGenerator.builder().seed(seed).count(400).discrepancyShare(share).notEvaluatedShare(0)
              .build().stream().filter(GeneratedInteraction::isPlanted).count();
          if (tenths == 0) {
            assertThat(planted).isZero();
          } else if (tenths == 10) {
            assertThat(planted).isEqualTo(400);
          } else {
            assertThat(planted).isBetween((long) (400 * share) - 60, (long) (400 * share) + 60);
          }
        });
  }

  @Test
  void anyInteractionRendersAsOneLineOfValidJsonInEveryStyle() {
    qt().withExamples(200)
        .forAll(KoreGenerators.interactions(), Generate.enumValues(KeyStyle.class))
        .checkAssert((interaction, style) -> {
          String json = KoreWire.record(interaction, style);
          assertThat(json).doesNotContain("\n");
          JsonNode node = parse(json);
          assertThat(node.get(style.conversationIdKey()).asText()).isEqualTo(interaction.conversationId().value());
          assertThat(node.get("Metrics") == null ? 0 : node.get("Metrics").size()).isEqualTo(interaction.metrics().size());
        });
  }
}
