package dev.korescore.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.policy.ScoringPolicy;
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
 * An {@link AuditAggregator} survives Java serialization (what Spark uses to ship one partition's
 * aggregate to the driver): the copy summarises and merges exactly as the original.
 */
class AuditAggregatorSerialProperties {

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

  private static AuditAggregator filled(ScoringPolicy policy, List<Interaction> interactions) {
    KoreAuditor auditor = KoreAuditor.withPolicy(policy);
    AuditAggregator aggregator = AuditAggregator.create(policy, 20, true);
    interactions.forEach(x -> aggregator.accept(x, auditor.verify(x)));
    return aggregator;
  }

  @Test
  void aSerializedCopySummarisesAndMergesAsTheOriginal() {
    qt().withExamples(40)
        .forAll(KoreGenerators.policies(), interactionLists(), interactionLists())
        .checkAssert((policy, first, second) -> {
          AuditAggregator original = filled(policy, first);
          AuditAggregator copied = copy(original);
          assertThat(copied.summary()).isEqualTo(original.summary());
          AuditAggregator mergedCopies = copy(filled(policy, first)).merge(copy(filled(policy, second)));
          assertThat(mergedCopies.summary()).isEqualTo(filled(policy, first).merge(filled(policy, second)).summary());
        });
  }

  @Test
  void everyVerdictKindSurvivesWithItsExplanation() {
    qt().withExamples(300)
        .forAll(KoreGenerators.policies(), KoreGenerators.interactions())
        .checkAssert((policy, x) -> {
          Verdict verdict = KoreAuditor.withPolicy(policy).verify(x);
          assertThat(copy(verdict)).isEqualTo(verdict).isInstanceOf(verdict.getClass());
        });
  }
}
