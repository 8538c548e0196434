package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.korescore.core.model.Interaction;
import dev.korescore.testkit.properties.KoreGenerators;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** read(write(x)) equals x, for both key styles, and writing is idempotent. */
class RoundTripProperties {

  @Test
  void readingWhatWasWrittenGivesEqualInteractions() {
    qt().withExamples(300)
        .forAll(KoreGenerators.interactions(), Generate.enumValues(KeyStyle.class))
        .checkAssert((x, style) -> assertThat(Io.read(Io.jsonLines(List.of(x), style))).containsExactly(x));
  }

  @Test
  void manyInteractionsInOneFileComeBackInOrder() {
    qt().withExamples(40)
        .forAll(SourceDSL.lists().of(KoreGenerators.interactions()).ofSizeBetween(0, 8))
        .checkAssert(xs -> assertThat(Io.read(Io.jsonLines(xs, KeyStyle.SEED_2024))).containsExactlyElementsOf(xs));
  }

  @Test
  void writingIsAFixedPointAfterOneRound() {
    qt().withExamples(100)
        .forAll(KoreGenerators.interactions())
        .checkAssert(
            x -> {
              String once = Io.jsonLines(List.of(x), KeyStyle.CAMEL_CASE);
              assertThat(Io.jsonLines(Io.read(once), KeyStyle.CAMEL_CASE)).isEqualTo(once);
            });
  }

  @Test
  void gzippedOutputReadsBackTheSame() {
    qt().withExamples(30)
        .forAll(KoreGenerators.interactions())
        .checkAssert(
            x -> assertThat(Io.read("x.jsonl.gz", Io.gzip(Io.utf8(Io.jsonLines(List.of(x), KeyStyle.SEED_2024)))))
                .containsExactly(x));
  }
}
