package dev.korescore.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.korescore.core.model.Interaction;
import dev.korescore.testkit.properties.KoreGenerators;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * A {@link WhatIfAggregator} survives Java serialization (what Spark uses to ship one partition's
 * aggregate to the driver): the copy summarises and merges exactly as the original.
 */
class WhatIfAggregatorSerialProperties {

  private static Gen<List<Interaction>> interactionLists() {
    return SourceDSL.lists().of(KoreGenerators.interactions()).ofSizeBetween(0, 30);
  }

  @SuppressWarnings("unchecked")
  private static <T> T copy(T value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static WhatIfAggregator filled(WhatIf whatIf, List<Interaction> interactions) {
    WhatIfAggregator aggregator = WhatIfAggregator.create(whatIf, 20);
    interactions.forEach(x -> aggregator.accept(x, whatIf.evaluate(x)));
    return aggregator;
  }

  @Test
  void aSerializedCopySummarisesAndMergesAsTheOriginal() {
    qt().withExamples(40)
        .forAll(KoreGenerators.policies(), KoreGenerators.formChanges(), interactionLists(), interactionLists())
        .checkAssert((policy, change, first, second) -> {
          WhatIf whatIf = WhatIf.of(policy, change);
          assertThat(copy(whatIf)).isEqualTo(whatIf);
          WhatIfAggregator original = filled(whatIf, first);
          assertThat(copy(original).summary()).isEqualTo(original.summary());
          WhatIfAggregator mergedCopies = copy(filled(whatIf, first)).merge(copy(filled(whatIf, second)));
          assertThat(mergedCopies.summary()).isEqualTo(filled(whatIf, first).merge(filled(whatIf, second)).summary());
        });
  }

  @Test
  void everyOutcomeSurvives() {
    qt().withExamples(300)
        .forAll(KoreGenerators.policies(), KoreGenerators.formChanges(), KoreGenerators.interactions())
        .checkAssert((policy, change, x) -> {
          WhatIfOutcome outcome = WhatIf.of(policy, change).evaluate(x);
          assertThat(copy(outcome)).isEqualTo(outcome).isInstanceOf(outcome.getClass());
        });
  }
}
