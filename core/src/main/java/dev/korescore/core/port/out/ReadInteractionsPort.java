package dev.korescore.core.port.out;

import java.io.InputStream;

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
}
