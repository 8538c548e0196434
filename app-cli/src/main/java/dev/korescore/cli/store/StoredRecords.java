package dev.korescore.cli.store;

import static java.util.Objects.requireNonNull;

import dev.korescore.cli.fetch.KoreOptions;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.port.out.InteractionStream;
import dev.korescore.core.port.out.ReadInteractionsPort;
import dev.korescore.core.port.out.ReadOptions;
import dev.korescore.core.store.CurrentRecord;
import dev.korescore.core.store.ReadInteractionStorePort;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A store's current records as a JSON Lines input, one record per line, exactly as received (line breaks
 * between tokens become spaces): what {@code audit --store} and {@code whatif --store} read through the same
 * JSON reader as a file, so that a command over a store and over an export of it agree. Lazy: one record in
 * memory at a time.
 */
public final class StoredRecords extends InputStream {
  private final Iterator<CurrentRecord> records;
  private byte[] line = new byte[0];
  private int position;

  private StoredRecords(Iterator<CurrentRecord> records) {
    this.records = records;
  }

  /**
   * The current version of every interaction in {@code store} that started at or after {@code since}
   * (every one when empty), read by {@code reader} as the lines of a JSON Lines input named {@code store
   * LOCATION}: how {@code audit --store} and {@code whatif --store} read a store. Closing the stream
   * closes the store's cursor (not the store).
   */
  public static InteractionStream read(
      ReadInteractionStorePort store, Optional<Instant> since, ReadInteractionsPort reader, ReadOptions options) {
    Stream<CurrentRecord> current = store.current(since);
    InteractionStream interactions;
    try {
      interactions = reader.open("store " + store.location(), asJsonLines(current.iterator()), options);
    } catch (RuntimeException e) {
      current.close();
      throw e;
    }
    return new InteractionStream() {
      @Override
      public boolean hasNext() {
        return interactions.hasNext();
      }

      @Override
      public Interaction next() {
        return interactions.next();
      }

      @Override
      public SkippedRecords skipped() {
        return interactions.skipped();
      }

      @Override
      public void close() {
        try (current) {
          interactions.close();
        }
      }
    };
  }

  /** A {@code --since} option's value: empty when not given; a time as {@code --from} takes it. */
  public static Optional<Instant> since(String since) {
    return since == null ? Optional.empty() : Optional.of(KoreOptions.parseTime("--since", since));
  }

  /** How a report and a summary name the store read: {@code store LOCATION [since TIME]}. */
  public static String shown(ReadInteractionStorePort store, Optional<Instant> since) {
    return "store " + store.location() + since.map(s -> " since " + s).orElse("");
  }

  /** The records as JSON Lines, one record a line, exactly as stored. */
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
