package dev.korescore.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.korescore.core.model.Interaction;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import dev.korescore.testkit.properties.KoreGenerators;
import dev.korescore.testkit.wire.KeyStyle;
import dev.korescore.testkit.wire.KoreWire;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * The testkit renders Kore's wire format independently of this adapter (its own Jackson generator,
 * its own key tables): whatever it writes, in every API version's key style, reads back into the
 * interaction it was rendered from.
 */
class TestkitWireProperties {

  @Test
  void everyRecordTheTestkitRendersReadsBackIntoItsInteraction() {
    qt().withExamples(300)
        .forAll(KoreGenerators.interactions(), Generate.enumValues(KeyStyle.class))
        .checkAssert((x, style) -> assertThat(Io.read(KoreWire.record(x, style))).containsExactly(x));
  }

  @Test
  void theTestkitGeneratorsDatasetReadsBackRecordForRecordInAnEnvelopeAndAsJsonLines() {
    List<GeneratedInteraction> generated =
        InteractionGenerator.builder().seed(42).count(400).build().stream().collect(Collectors.toList());
    List<Interaction> expected = generated.stream().map(GeneratedInteraction::interaction).toList();
    List<String> wire = generated.stream().map(GeneratedInteraction::wireJson).toList();

    assertThat(generated.stream().map(GeneratedInteraction::keyStyle).distinct()).hasSize(KeyStyle.values().length);
    assertThat(Io.read(String.join("\n", wire))).containsExactlyElementsOf(expected);
    assertThat(Io.read(KoreWire.envelope(wire, 400, 1, false))).containsExactlyElementsOf(expected);
  }
}
