package dev.korescore.core.store;

import dev.korescore.core.model.ConversationId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a versioned interaction store: the current version of every interaction, one interaction's
 * history, the sync state, weekly changes, and table exports. Many readers may share a store. Every
 * method throws {@link StoreException} when the store cannot answer. Close it to release the store.
 */
public interface ReadInteractionStorePort extends AutoCloseable {

  /** The store, safe to print (a path, or a JDBC URL without its password). */
  String location();

  /** The high-water mark and the number of runs. */
  SyncState syncState();

  /**
   * The current version of every interaction that started at or after {@code startedSince} (all when
   * empty), each once, lazily: memory does not grow with the store. The order is the same for the same
   * store: by start time then conversation id where the store can sort without holding the records
   * (PostgreSQL), else the order the versions were stored (DuckDB). Close the stream.
   */
  Stream<CurrentRecord> current(Optional<Instant> startedSince);

  /** Every version of one interaction, oldest first; empty when the store has never seen it. */
  List<StoredVersion> history(ConversationId conversationId);

  /** Versions after the first, by the ISO week they were observed in (UTC), oldest week first. */
  List<WeeklyChanges> changesByWeek(Optional<Instant> observedSince);

  /**
   * Writes {@code table} to {@code out} in {@code format}, columns in the documented order and a
   * {@code schema_version} column first; {@code changedSince} keeps the rows whose interaction changed
   * (or run finished) at or after it. {@code out} is written to a temporary file beside it and moved into
   * place when complete. Memory stays bounded whatever the table's size; so the rows are sorted only where
   * the store can sort them without holding them (a server, by the table's key), and otherwise come in the
   * order they were stored (text) or in no set order (Parquet written on several threads).
   *
   * @return the rows written
   */
  long export(StoreTable table, ExportFormat format, Optional<Instant> changedSince, Path out);

  @Override
  void close();
}
