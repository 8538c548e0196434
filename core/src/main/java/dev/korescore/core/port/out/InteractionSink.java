package dev.korescore.core.port.out;

import dev.korescore.core.model.Interaction;

/**
 * Where interactions go, one at a time (a JSON Lines file, CSV tables, a database). Failures to write
 * are {@link java.io.UncheckedIOException}s.
 */
public interface InteractionSink extends AutoCloseable {

  /** Writes one interaction. */
  void write(Interaction interaction);

  /** Flushes and releases what the sink holds. */
  @Override
  void close();
}
