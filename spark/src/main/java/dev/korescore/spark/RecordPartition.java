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
  private final LineNumbers lines;

  /** The rows pass: scores every record, sends the partition's aggregate to {@code aggregates}. */
  static <A extends Serializable> RecordPartition<A> rows(Scoring<A> scoring, PartitionAggregates<A> aggregates) {
    return new RecordPartition<>(scoring, Emit.ROWS, requireNonNull(aggregates, "aggregates"), LineNumbers.none());
  }

  /** The rejected pass: a row per record that cannot be read, on its line of {@code lines}. */
  static <A extends Serializable> RecordPartition<A> rejected(Scoring<A> scoring, LineNumbers lines) {
    return new RecordPartition<>(scoring, Emit.REJECTED, null, requireNonNull(lines, "lines"));
  }

  private RecordPartition(Scoring<A> scoring, Emit emit, PartitionAggregates<A> aggregates, LineNumbers lines) {
    this.scoring = requireNonNull(scoring, "scoring");
    this.emit = emit;
    this.aggregates = aggregates;
    this.lines = lines;
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
    /** The split the last row came from, and the row's index in it (for line numbers). */
    private String splitSource;
    private long splitStart = -1;
    private long inSplit;

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
      Long line = emit == Emit.REJECTED && !record.isNullAt(2) ? line(source, record.getLong(2)) : null;
      Optional<Interaction> interaction;
      try {
        interaction = mapper.map(source, line == null ? 0 : line, json);
      } catch (InteractionReadException e) {
        records++;
        rejected++;
        return emit == Emit.REJECTED
            ? RowFactory.create(source, line, e.conversationId().map(Object::toString).orElse(null), e.reason(), json)
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

    /** The line of this row: its split's first line and its index in the split (rows of a split come in order). */
    private Long line(String source, long start) {
      if (start != splitStart || !source.equals(splitSource)) {
        splitSource = source;
        splitStart = start;
        inSplit = 0;
      }
      long index = inSplit++;
      long first = lines.firstLine(source, start);
      return first == 0 ? null : first + index;
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
