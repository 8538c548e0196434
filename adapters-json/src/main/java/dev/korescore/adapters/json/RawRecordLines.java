package dev.korescore.adapters.json;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.fetch.RawRecord;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;

/**
 * Fetched records as the JSON Lines text a download of them would hold ({@link RawRecord#jsonLine()}
 * and a line break each), pulled one record at a time: the reader maps fetched records and the lines
 * of a file through one path. A failure of the records' iterator (a failed request) is kept, so that
 * the caller can throw it as it is instead of as a read error.
 */
final class RawRecordLines extends InputStream {
  private static final byte[] EMPTY = new byte[0];

  private final Iterator<RawRecord> records;
  private byte[] line = EMPTY;
  private int at;
  private RuntimeException failure;

  RawRecordLines(Iterator<RawRecord> records) {
    this.records = requireNonNull(records, "records");
  }

  /** The iterator's failure, once it failed. */
  Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  private boolean fill() {
    while (at == line.length) {
      if (failure != null) {
        throw failure;
      }
      try {
        if (!records.hasNext()) {
          return false;
        }
        line = (records.next().jsonLine() + "\n").getBytes(StandardCharsets.UTF_8);
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
      at = 0;
    }
    return true;
  }

  @Override
  public int read() {
    return fill() ? line[at++] & 0xff : -1;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(length, line.length - at);
    System.arraycopy(line, at, buffer, offset, n);
    at += n;
    return n;
  }
}
