package dev.korescore.spark;

import static java.util.Objects.requireNonNull;

import dev.korescore.adapters.json.JsonRecordMapper;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionReadException;
import dev.korescore.core.port.out.ReadScope;
import dev.korescore.scoring.AuditAggregator;
import dev.korescore.scoring.KoreAuditor;
import dev.korescore.scoring.Verdict;
import dev.korescore.scoring.VerdictRow;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The audit of one partition, on an executor: each input row's raw JSON is mapped by the JSON adapter
 * ({@link JsonRecordMapper}), verified by the scoring engine ({@link KoreAuditor}) and added to the
 * partition's {@link AuditAggregator}; out come the verdict rows ({@link Emit#VERDICTS}) or the records
 * that could not be read ({@link Emit#REJECTED}). Lazy: one record at a time, whatever the partition's
 * size. When the partition is done, its aggregate goes to the driver through {@link PartitionAggregates}.
 */
final class AuditPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** What the partition writes out. */
  enum Emit {
    /** A verdict row per audited interaction (problems only with {@code --only-problems}). */
    VERDICTS,
    /** A row per record that could not be read. */
    REJECTED
  }

  private final JobSettings settings;
  private final Emit emit;
  private final PartitionAggregates aggregates;

  AuditPartition(JobSettings settings, Emit emit, PartitionAggregates aggregates) {
    this.settings = requireNonNull(settings, "settings");
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
    private final KoreAuditor auditor = KoreAuditor.withPolicy(settings.policy());
    private final AuditAggregator aggregator =
        AuditAggregator.create(settings.policy(), settings.problemsKept(), settings.inferPolicy());
    private final StringBuilder line = new StringBuilder(256);
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
      Interaction x = interaction.get();
      Verdict verdict = auditor.verify(x);
      aggregator.accept(x, verdict);
      if (emit != Emit.VERDICTS || settings.onlyProblems() && !verdict.isProblem()) {
        return null;
      }
      rows++;
      if (settings.format() == RowFormat.JSONL) {
        line.setLength(0);
        VerdictRow.appendJsonLine(line, x, verdict);
        return RowFactory.create(line.toString());
      }
      return Tables.verdict(VerdictRow.of(x, verdict));
    }

    private void report() {
      if (reported || aggregates == null) {
        return;
      }
      reported = true;
      TaskContext task = TaskContext.get();
      int partition = task == null ? 0 : task.partitionId();
      aggregates.add(new PartitionAggregates.Part(partition, aggregator, records, rejected, rows));
    }
  }
}
