package dev.korescore.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One {@code sync} run, as its windows are recorded in {@code sync_runs}.
 *
 * @param id the run's number in this store ({@link WriteInteractionStorePort#nextRunId()})
 * @param startedAt when the run started
 * @param source what was synced, safe to store and print: the endpoint with ids only, never a secret
 */
public record SyncRun(long id, Instant startedAt, String source) {
  public SyncRun {
    if (id < 1) {
      throw new IllegalArgumentException("run id must be >= 1, was " + id);
    }
    requireNonNull(startedAt, "startedAt");
    requireNonNull(source, "source");
  }
}
