package dev.korescore.spark;

import dev.korescore.core.model.Interaction;
import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * What a job does to each record, shipped to the executors with the task: a fresh aggregate per
 * partition, the merge of two (on the driver, in partition order), and a {@link Scorer} per partition
 * that scores one interaction, adds it to the partition's aggregate and says which row to write.
 *
 * @param <A> the scoring engine's mergeable aggregate ({@code AuditAggregator}, {@code WhatIfAggregator})
 */
interface Scoring<A extends Serializable> extends Serializable {
  /** An empty aggregate. */
  A fresh();

  /** {@code from} added into {@code into}; returns {@code into}. */
  A merge(A into, A from);

  /** A scorer for one partition (not thread-safe, not shipped). */
  Scorer<A> scorer();

  /** Scores the interactions of one partition. */
  interface Scorer<A> {
    /** Scores {@code interaction}, adds it to {@code aggregate}; the row to write, or null for none. */
    Row score(Interaction interaction, A aggregate);
  }
}
