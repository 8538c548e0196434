package dev.korescore.core.fetch;

/**
 * Told of progress by a {@link RawRecordStream}, on the thread that consumes the stream, in order: a
 * window's {@link #windowCompleted} comes after its last record was returned by {@code next()} and
 * before the next window's first. A consumer that writes records can make them durable there.
 */
public interface FetchListener {
  /** Nothing to do. */
  FetchListener NONE = new FetchListener() {};

  /** A page was consumed: its window, 1-based number, records kept, and the server's total if known. */
  default void pageFetched(DateWindow window, int page, int records, long totalReported) {}

  /** Every record of {@code ledger.window()} has been returned. */
  default void windowCompleted(WindowLedger ledger) {}
}
