package dev.korescore.spark;

import static java.util.Objects.requireNonNull;

import dev.korescore.adapters.json.JsonRecordMapper;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.ReadScope;
import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One partition of a job, on an executor: each input row's raw JSON is mapped by the JSON adapter
 * ({@link JsonRecordMapper}), scored by the job's {@link Scoring} (the audit or the what-if) into the
 * partition's aggregate; out come the scored rows ({@link Emit#ROWS}) or the records that could not be
 * read ({@link Emit#REJECTED}). Lazy: one record at a time, whatever the partition's size. When the
 * partition is done, its aggregate goes to the driver through {@link PartitionAggregates}.
 *
 * @param <A> the scoring engine's mergeable aggregate
 */
final class RecordPartition<A extends Serializable> implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** What the partition writes out. */
  enum Emit {
    /** A row per scored interaction (as the job's {@link Scoring.Scorer} says). */
    ROWS,
    /** A row per record that could not be read. */
    REJECTED
  }

  private final Scoring<A> scoring;
  private final Emit emit;
  private final PartitionAggregates<A> aggregates;

  RecordPartition(Scoring<A> scoring, Emit emit, PartitionAggregates<A> aggregates) {
    this.scoring = requireNonNull(scoring, "scoring");
    this.emit = requireNonNull(emit, "emit");
    this.aggregates = aggregates;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    return new Rows(input);
  }

  private final class Rows implements Iterator<Row> {
    private final Iterator<Row> input;
    private final JsonRecordMapper mapper = JsonRecordMapper.create(ReadScope.AUDIT);
    private final Scoring.Scorer<A> scorer = emit == Emit.ROWS ? scoring.scorer() : null;
    private final A aggregate = scoring.fresh();
    private Row next;
    private boolean reported;
    private long records;
    private long rejected;
    private long rows;

    Rows(Iterator<Row> input) {
      this.input = input;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (!input.hasNext()) {
          report();
          return false;
        }
        next = process(input.next());
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more rows in this partition");
      }
      Row row = next;
      next = null;
      return row;
    }

    /** The row to write for one input record, or null when there is none. */
    private Row process(Row record) {
      String source = record.getString(0);
      String json = record.isNullAt(1) ? "" : record.getString(1);
      Optional<Interaction> interaction;
      try {
        interaction = mapper.map(source, 0, json);
      } catch (InteractionReadException e) {
        records++;
        rejected++;
        return emit == Emit.REJECTED
            ? RowFactory.create(source, e.conversationId().map(Object::toString).orElse(null), e.reason(), json)
            : null;
      }
      if (interaction.isEmpty()) {
        return null; // a blank line
      }
      records++;
      if (emit != Emit.ROWS) {
        return null;
      }
      Row row = scorer.score(interaction.get(), aggregate);
      if (row != null) {
        rows++;
      }
      return row;
    }

    private void report() {
      if (reported || aggregates == null) {
        return;
      }
      reported = true;
      TaskContext task = TaskContext.get();
      int partition = task == null ? 0 : task.partitionId();
      aggregates.add(new PartitionAggregates.Part<>(partition, aggregate, records, rejected, rows));
    }
  }
}
