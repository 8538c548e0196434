package dev.korescore.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Where syncing stands: the end of the latest window committed (the high-water mark; empty for a store
 * never synced), and how many runs have committed a window.
 */
public record SyncState(Optional<Instant> highWaterMark, long runs) {
  public SyncState {
    requireNonNull(highWaterMark, "highWaterMark");
    if (runs < 0) {
      throw new IllegalArgumentException("runs must be >= 0, was " + runs);
    }
  }

  /** The state of a store never synced: no high-water mark, no runs. */
  public static SyncState empty() {
    return new SyncState(Optional.empty(), 0);
  }
}
