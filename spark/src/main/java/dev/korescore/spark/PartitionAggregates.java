package dev.korescore.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Brings every partition's aggregate (the scoring engine's {@code AuditAggregator} or {@code
 * WhatIfAggregator}, and its counts) back to the driver and merges them
 * there in partition order, whatever order the tasks finish in: a partition that arrives early waits
 * until those before it are merged, so the driver holds the merged aggregate and at most the few
 * partitions that finished out of turn, not one aggregate per partition. Spark applies a result task's
 * update once; a retried or speculative copy of a partition that was already merged is ignored.
 *
 * <p>On an executor a task's copy only holds its own partition's {@link Part}; the driver's instance
 * merges ({@link #merge}) and answers {@link #value()}.
 *
 * @param <A> the aggregate
 */
final class PartitionAggregates<A extends Serializable>
    extends AccumulatorV2<PartitionAggregates.Part<A>, PartitionAggregates.Totals<A>> {
  private static final long serialVersionUID = 1L;

  /**
   * What one partition found.
   *
   * @param partition the partition's index
   * @param aggregator the partition's aggregate
   * @param records records read (audited or rejected)
   * @param rejected records that could not be read
   * @param rows rows written
   */
  record Part<A extends Serializable>(int partition, A aggregator, long records, long rejected, long rows)
      implements Serializable {
    Part {
      requireNonNull(aggregator, "aggregator");
    }
  }

  /**
   * Every partition merged.
   *
   * @param aggregator the merged aggregate
   * @param partitions partitions merged
   * @param records records read (audited or rejected)
   * @param rejected records that could not be read
   * @param rows rows written
   */
  record Totals<A>(A aggregator, int partitions, long records, long rejected, long rows) {}

  private final Scoring<A> scoring;
  private TreeMap<Integer, Part<A>> pending = new TreeMap<>();
  private transient A merged;
  private int next;
  private long records;
  private long rejected;
  private long rows;

  PartitionAggregates(Scoring<A> scoring) {
    this.scoring = requireNonNull(scoring, "scoring");
  }

  @Override
  public boolean isZero() {
    return pending.isEmpty() && next == 0;
  }

  @Override
  public PartitionAggregates<A> copy() {
    PartitionAggregates<A> copy = new PartitionAggregates<>(scoring);
    copy.pending = new TreeMap<>(pending);
    copy.merged = merged == null ? null : scoring.merge(scoring.fresh(), merged);
    copy.next = next;
    copy.records = records;
    copy.rejected = rejected;
    copy.rows = rows;
    return copy;
  }

  @Override
  public PartitionAggregates<A> copyAndReset() {
    return new PartitionAggregates<>(scoring);
  }

  @Override
  public void reset() {
    pending = new TreeMap<>();
    merged = null;
    next = 0;
    records = 0;
    rejected = 0;
    rows = 0;
  }

  /** On an executor: the task's partition is done. */
  @Override
  public void add(Part<A> part) {
    pending.put(part.partition(), part);
  }

  /** On the driver: a task's update arrives; merges every partition now in turn. */
  @Override
  @SuppressWarnings("unchecked") // Spark merges copies of this accumulator only
  public void merge(AccumulatorV2<Part<A>, Totals<A>> other) {
    for (Map.Entry<Integer, Part<A>> e : ((PartitionAggregates<A>) other).pending.entrySet()) {
      if (e.getKey() >= next) {
        pending.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    while (!pending.isEmpty() && pending.firstKey() == next) {
      fold(pending.pollFirstEntry().getValue());
    }
  }

  /** Everything merged so far; partitions still waiting for an earlier one are merged after it, in order. */
  @Override
  public Totals<A> value() {
    PartitionAggregates<A> all = copy();
    while (!all.pending.isEmpty()) {
      all.fold(all.pending.pollFirstEntry().getValue());
    }
    return new Totals<>(all.merged == null ? scoring.fresh() : all.merged, all.next, all.records, all.rejected,
        all.rows);
  }

  private void fold(Part<A> part) {
    merged = scoring.merge(merged == null ? scoring.fresh() : merged, part.aggregator());
    next = part.partition() + 1;
    records += part.records();
    rejected += part.rejected();
    rows += part.rows();
  }
}
