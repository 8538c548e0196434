package dev.korescore.core.port.out;

import dev.korescore.core.fetch.RawRecord;
import java.io.InputStream;
import java.util.Iterator;

/**
 * Reads Kore interactions from an input whose shape the reader detects by itself (an API response
 * envelope, a JSON array, JSON Lines; plain or gzip).
 */
public interface ReadInteractionsPort {

  /**
   * Opens {@code input} for lazy reading. The returned stream owns {@code input} and closes it.
   *
   * @param sourceName what errors call the input: a path, or {@code <stdin>}
   */
  InteractionStream open(String sourceName, InputStream input, ReadOptions options);

  /**
   * Maps records already fetched exactly as {@link #open(String, InputStream, ReadOptions)} maps the lines
   * of a JSON Lines file holding them, one record per line: the same fields, read scope, errors and
   * skipped records, through one parser state (no parser or key cache per record). Error positions name
   * {@code sourceName}, the record's number in {@code records} as the line, and its conversation id. A
   * failure of {@code records} itself (a failed request) is thrown as it is. The returned stream does not
   * close {@code records}.
   *
   * @param sourceName what errors call the records: an endpoint, a store
   */
  InteractionStream open(String sourceName, Iterator<RawRecord> records, ReadOptions options);
}
