package dev.korescore.adapters.jdbc;

import dev.korescore.core.store.ScoredRecord;
import dev.korescore.core.store.StoreException;
import dev.korescore.core.store.SyncRun;
import dev.korescore.core.store.WriteInteractionStorePort;
import java.time.Instant;
import java.util.List;

/**
 * A writer for the full-disk test, run in a process whose files may not grow past a limit ({@code ulimit
 * -f}): commits windows of generated records until a write fails, then prints how many windows were
 * committed and the failure's message, and exits 3 (or 0 if the limit was never reached).
 */
public final class FillStore {
  private FillStore() {}

  /** Each record with a long, incompressible note (40,000 random letters), so that the store grows fast. */
  static List<ScoredRecord> padded(List<ScoredRecord> records, int seed) {
    java.util.Random random = new java.util.Random(seed);
    return records.stream().map(r -> {
      StringBuilder note = new StringBuilder(40_000);
      for (int i = 0; i < 40_000; i++) {
        note.append((char) ('a' + random.nextInt(26)));
      }
      return StoreRecords.scored(r.interaction(), "{\"Notes\":\"" + note + "\"," + r.raw().json().substring(1));
    }).toList();
  }

  public static void main(String[] args) {
    int committed = 0;
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(args[0])) {
      for (int window = 0; window < 200; window++) {
        List<ScoredRecord> records = padded(StoreRecords.generated(200, 1000 + window), window);
        SyncRun run = new SyncRun(store.nextRunId(), Instant.now(), "fill");
        store.commitWindow(run, StoreRecords.ledger(StoreRecords.WINDOW, records.size()), records, Instant.now(), true);
        committed++;
        System.out.println("committed " + committed);
        System.out.flush();
      }
    } catch (StoreException e) {
      System.out.println("failed after " + committed + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
      System.exit(3);
    }
  }
}
