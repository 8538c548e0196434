package dev.korescore.core.port.out;

import java.io.Writer;
import java.util.List;

/**
 * Writes a table of text cells with a header row (CSV), for rows that are not interactions: the
 * audit's verdict rows, say. The format's rules (quoting, escaping) live in the adapter.
 */
public interface WriteTablePort {

  /**
   * A table with {@code columns} as its header, written to {@code out} as rows arrive. Closing the
   * returned sink flushes its rows; it never closes {@code out}.
   */
  TableSink open(Writer out, List<String> columns);

  /** The rows of one table. Failures to write are {@link java.io.UncheckedIOException}s. */
  interface TableSink extends AutoCloseable {
    /** One row: a cell per column, in order; an empty string for an absent value. */
    void row(List<String> cells);

    /** Flushes the rows written; does not close the writer the table was opened on. */
    @Override
    void close();
  }
}
