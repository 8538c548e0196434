package dev.korescore.core.store;

import dev.korescore.core.fetch.WindowLedger;
import dev.korescore.core.model.ConversationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One window's open transaction in a store: the window's records are added chunk by chunk as they are
 * fetched and scored (so that a large window is never held whole), and {@link #commit} makes all of them,
 * the window's ledger and the high-water mark visible at once. Closing it without a commit rolls back:
 * the store stays at the end of the last committed window. One window is open at a time per store.
 *
 * <pre>{@code
 * try (WindowWrite window = store.beginWindow(run, clock.instant())) {
 *   for (List<ScoredRecord> chunk : chunks) {
 *     window.add(chunk);
 *   }
 *   WindowResult result = window.commit(ledger, clock.instant(), ledger.complete());
 * }
 * }</pre>
 */
public interface WindowWrite extends AutoCloseable {

  /**
   * Counts as unchanged, in this window, each record whose content hash equals its stored current
   * version's, and returns the ids of the others: only those need parsing, auditing and {@link #add
   * adding}. A window that is mostly unchanged (the lookback of every sync) is then neither parsed nor
   * audited where it did not change. A record counted here must not be added too.
   *
   * @param hashes the next records' content hashes by conversation id
   * @return the ids of {@code hashes} that are new or changed
   * @throws IllegalArgumentException when a conversation was already counted or added in this window
   */
  Set<ConversationId> skipUnchanged(Map<ConversationId, ContentHash> hashes);

  /**
   * Adds records to the window, in the window's transaction: a record whose content hash equals the
   * current version's changes nothing; another becomes a new version.
   *
   * @param records the next records of the window; a conversation id appears at most once in a window
   * @throws IllegalArgumentException when a conversation was already added to this window (nothing of
   *     the window is then kept)
   * @throws IllegalStateException after {@link #commit} or {@link #close}
   */
  void add(List<ScoredRecord> records);

  /**
   * Records the window's ledger and counts in {@code sync_runs}, with {@code advance} moves the
   * high-water mark to the window's end when that is later, and commits the window's transaction.
   *
   * @param committedAt the time recorded as the window's {@code committed_at}
   */
  WindowResult commit(WindowLedger ledger, Instant committedAt, boolean advance);

  /** Rolls the window back unless it was committed. */
  @Override
  void close();
}
