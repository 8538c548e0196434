package dev.korescore.cli.fetch;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.fetch.RawRecordStream;
import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadInteractionsPort;
import dev.korescore.core.port.out.ReadOptions;
import java.util.List;

/**
 * Fetched records mapped to domain interactions by the reader that maps files ({@link
 * ReadInteractionsPort#open(String, java.util.Iterator, ReadOptions)}), with the fetch's ledgers. A
 * failed request surfaces as the {@link dev.korescore.core.fetch.FetchException} it is; a record the
 * reader rejects as an {@code InteractionReadException} naming {@code kore}, the record's number and its
 * conversation id. Closing it stops the fetch.
 */
public final class FetchedInteractions implements InteractionStream {
  /** What read errors call fetched records (the line is the record's number in the fetch). */
  static final String SOURCE = "kore";

  private final RawRecordStream records;
  private final InteractionStream interactions;

  private FetchedInteractions(RawRecordStream records, InteractionStream interactions) {
    this.records = records;
    this.interactions = interactions;
  }

  static FetchedInteractions of(RawRecordStream records, ReadInteractionsPort reader, ReadOptions options) {
    requireNonNull(records, "records");
    try {
      return new FetchedInteractions(records, reader.open(SOURCE, records, options));
    } catch (RuntimeException e) {
      records.close();
      throw e;
    }
  }

  @Override
  public boolean hasNext() {
    return interactions.hasNext();
  }

  @Override
  public Interaction next() {
    return interactions.next();
  }

  /** The completeness ledgers of the windows fetched so far. */
  public List<WindowLedger> ledgers() {
    return records.ledgers();
  }

  @Override
  public SkippedRecords skipped() {
    return interactions.skipped();
  }

  @Override
  public void close() {
    try {
      interactions.close();
    } finally {
      records.close();
    }
  }
}
