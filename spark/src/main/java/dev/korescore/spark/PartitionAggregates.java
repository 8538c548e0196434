package dev.korescore.spark;

import static java.util.Objects.requireNonNull;

import dev.korescore.scoring.AuditAggregator;
import java.io.Serializable;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Brings every partition's {@link AuditAggregator} (and its counts of rows and rejected records) back
 * to the driver, keyed by partition index, so that the driver merges them in partition order whatever
 * order the tasks finished in. Spark applies a result task's update once; a retried or speculative
 * copy of a partition replaces, never adds to, what that partition reported.
 */
final class PartitionAggregates extends AccumulatorV2<PartitionAggregates.Part, SortedMap<Integer, PartitionAggregates.Part>> {
  private static final long serialVersionUID = 1L;

  /**
   * What one partition found.
   *
   * @param partition the partition's index
   * @param aggregator the verdicts' aggregate
   * @param records records read (audited or rejected)
   * @param rejected records that could not be read
   * @param rows verdict rows written
   */
  record Part(int partition, AuditAggregator aggregator, long records, long rejected, long rows)
      implements Serializable {
    Part {
      requireNonNull(aggregator, "aggregator");
    }
  }

  private TreeMap<Integer, Part> parts = new TreeMap<>();

  @Override
  public boolean isZero() {
    return parts.isEmpty();
  }

  @Override
  public PartitionAggregates copy() {
    PartitionAggregates copy = new PartitionAggregates();
    copy.parts = new TreeMap<>(parts);
    return copy;
  }

  @Override
  public void reset() {
    parts = new TreeMap<>();
  }

  @Override
  public void add(Part part) {
    parts.put(part.partition(), part);
  }

  @Override
  public void merge(AccumulatorV2<Part, SortedMap<Integer, Part>> other) {
    parts.putAll(other.value());
  }

  @Override
  public SortedMap<Integer, Part> value() {
    return Collections.unmodifiableSortedMap(parts);
  }
}
