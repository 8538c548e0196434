package dev.korescore.core.fetch;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Raw records fetched lazily, window after window, each conversation id at most once. {@code
 * hasNext()}/{@code next()} throw {@link FetchException} when a request fails for good. Close it to
 * stop fetching and release threads and connections.
 */
public interface RawRecordStream extends Iterator<RawRecord>, AutoCloseable {

  /** The ledgers of the windows completed so far, in window order. */
  List<WindowLedger> ledgers();

  @Override
  void close();

  /** This stream as a sequential {@link Stream}; closing the stream closes this. */
  default Stream<RawRecord> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }
}
