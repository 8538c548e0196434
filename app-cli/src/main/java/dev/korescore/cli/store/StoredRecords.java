package dev.korescore.cli.store;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.store.CurrentRecord;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * A store's current records as a JSON Lines input, one record per line, exactly as received (line breaks
 * between tokens become spaces): what {@code audit --store} reads through the same JSON reader as a file,
 * so that an audit of a store and of an export of it agree. Lazy: one record in memory at a time.
 */
public final class StoredRecords extends InputStream {
  private final Iterator<CurrentRecord> records;
  private byte[] line = new byte[0];
  private int position;

  private StoredRecords(Iterator<CurrentRecord> records) {
    this.records = records;
  }

  public static InputStream asJsonLines(Iterator<CurrentRecord> records) {
    return new StoredRecords(requireNonNull(records, "records"));
  }

  private boolean fill() {
    while (position >= line.length) {
      if (!records.hasNext()) {
        return false;
      }
      String json = records.next().rawJson();
      if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
        json = json.replace('\n', ' ').replace('\r', ' ');
      }
      line = (json + "\n").getBytes(StandardCharsets.UTF_8);
      position = 0;
    }
    return true;
  }

  @Override
  public int read() {
    return fill() ? line[position++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    int copied = 0;
    while (copied < length && fill()) {
      int n = Math.min(length - copied, line.length - position);
      System.arraycopy(line, position, buffer, offset + copied, n);
      position += n;
      copied += n;
    }
    return copied == 0 ? -1 : copied;
  }
}
