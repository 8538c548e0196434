package dev.korescore.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.scoring.AuditAggregator;
import dev.korescore.scoring.KoreAuditor;
import dev.korescore.testkit.generator.GeneratedInteraction;
import dev.korescore.testkit.generator.InteractionGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver merges partitions in partition order whatever order tasks finish in, each once. */
class PartitionAggregatesTest {
  private static final AuditSettings SETTINGS = new AuditSettings(ScoringPolicy.defaults(), RowFormat.PARQUET, false, false, 7);

  private static List<PartitionAggregates.Part<AuditAggregator>> parts() {
    List<GeneratedInteraction> all =
        InteractionGenerator.builder().seed(5).count(600).discrepancyShare(0.3).build().stream().toList();
    KoreAuditor auditor = KoreAuditor.defaults();
    List<PartitionAggregates.Part<AuditAggregator>> parts = new ArrayList<>();
    for (int p = 0; p < 6; p++) {
      AuditAggregator aggregator = AuditAggregator.create(ScoringPolicy.defaults(), 7, false);
      for (GeneratedInteraction g : all.subList(p * 100, p * 100 + 100)) {
        Interaction x = g.interaction();
        aggregator.accept(x, auditor.verify(x));
      }
      parts.add(new PartitionAggregates.Part<>(p, aggregator, 100, p, 100 - p));
    }
    return parts;
  }

  /** A task's copy carrying one partition, as an executor sends it. */
  private static PartitionAggregates<AuditAggregator> task(PartitionAggregates<AuditAggregator> driver,
      PartitionAggregates.Part<AuditAggregator> part) {
    PartitionAggregates<AuditAggregator> copy = driver.copyAndReset();
    copy.add(part);
    return copy;
  }

  @Test
  void outOfOrderAndRepeatedUpdatesMergeAsInOrderOnes() {
    List<PartitionAggregates.Part<AuditAggregator>> parts = parts();
    PartitionAggregates<AuditAggregator> inOrder = new PartitionAggregates<>(SETTINGS);
    for (PartitionAggregates.Part<AuditAggregator> part : parts) {
      inOrder.merge(task(inOrder, part));
    }
    PartitionAggregates<AuditAggregator> shuffled = new PartitionAggregates<>(SETTINGS);
    for (int i : new int[] {3, 1, 5, 0, 1, 2, 4, 3}) {
      shuffled.merge(task(shuffled, parts.get(i)));
    }

    AuditAggregator expected = AuditAggregator.create(ScoringPolicy.defaults(), 7, false);
    parts().forEach(p -> expected.merge(p.aggregator()));
    for (PartitionAggregates.Totals<AuditAggregator> totals : List.of(inOrder.value(), shuffled.value())) {
      assertThat(totals.aggregator().summary()).isEqualTo(expected.summary());
      assertThat(totals.partitions()).isEqualTo(6);
      assertThat(totals.records()).isEqualTo(600);
      assertThat(totals.rejected()).isEqualTo(15);
      assertThat(totals.rows()).isEqualTo(585);
    }
    assertThat(shuffled.value().aggregator().summary().firstProblems()).hasSize(7);
  }

  @Test
  void aFreshAccumulatorIsZeroAndItsValueIsAnEmptyAggregate() {
    PartitionAggregates<AuditAggregator> empty = new PartitionAggregates<>(SETTINGS);
    assertThat(empty.isZero()).isTrue();
    assertThat(empty.value().aggregator().summary().interactions()).isZero();
    assertThat(empty.copyAndReset().isZero()).isTrue();
  }
}
