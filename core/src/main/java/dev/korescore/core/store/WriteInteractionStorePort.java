package dev.korescore.core.store;

import dev.korescore.core.fetch.WindowLedger;
import java.time.Instant;
import java.util.List;

/**
 * Writes a versioned interaction store: the single writer of a store ({@link StoreException.InUse}
 * for a second one). Each window's records, their versions and verdicts, and the advance of the
 * high-water mark commit in one transaction: a process killed at any moment leaves the store at the end
 * of a committed window, and re-syncing a window records nothing twice.
 */
public interface WriteInteractionStorePort extends ReadInteractionStorePort {

  /** The number the next run gets (one more than the last run recorded). */
  long nextRunId();

  /**
   * Opens one window's transaction, for records added chunk by chunk ({@link WindowWrite}).
   *
   * @param observedAt the time recorded as the window's versions' {@code observed_at}
   * @throws IllegalStateException when another window of this store is open
   */
  WindowWrite beginWindow(SyncRun run, Instant observedAt);

  /**
   * Upserts one window's records in one transaction ({@link #beginWindow}, one {@link WindowWrite#add},
   * {@link WindowWrite#commit}): a record whose content hash equals the current
   * version's changes nothing; another becomes a new version (the current row, metrics and verdict are
   * replaced, the version is appended to the history); the window's ledger and counts go to {@code
   * sync_runs}; with {@code advance}, the high-water mark moves to the window's end when that is later.
   *
   * @param records the window's records, each conversation id at most once
   * @param observedAt the time recorded as the versions' {@code observed_at}
   * @param advance whether this window moves the high-water mark (the caller passes false after an
   *     incomplete window, so that the next sync reads it again)
   */
  default WindowResult commitWindow(
      SyncRun run, WindowLedger ledger, List<ScoredRecord> records, Instant observedAt, boolean advance) {
    try (WindowWrite window = beginWindow(run, observedAt)) {
      window.add(records);
      return window.commit(ledger, observedAt, advance);
    }
  }
}
