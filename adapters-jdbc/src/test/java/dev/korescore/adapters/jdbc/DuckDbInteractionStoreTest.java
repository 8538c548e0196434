package dev.korescore.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.korescore.core.store.ScoredRecord;
import dev.korescore.core.store.StoredVersion;
import dev.korescore.core.store.SyncRun;
import dev.korescore.core.store.VersionChange;
import dev.korescore.core.store.WindowResult;
import dev.korescore.core.store.WriteInteractionStorePort;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The store contract on a real DuckDB file in a temporary directory, and what only DuckDB stores do. */
class DuckDbInteractionStoreTest extends InteractionStoreContract {
  private static final List<String> REBUILT = List.of("interactions", "interaction_versions", "verdicts");

  private final AtomicInteger stores = new AtomicInteger();

  @Override
  String newStore() {
    return dir.resolve("store-" + stores.incrementAndGet() + ".duckdb").toString();
  }

  @Override
  Connection rawConnection(String store) throws Exception {
    return DriverManager.getConnection("jdbc:duckdb:" + store);
  }

  @Test
  void aVersionOneStoreLosesItsPrimaryKeyIndexesAndKeepsEveryRowAndItsKeys() throws Exception {
    String location = newStore();
    List<ScoredRecord> records = StoreRecords.generated(12, 7);
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(location)) {
      commit(store, records);
    }
    // the store as version 1 left it: the same rows in the V1 tables, primary keys included
    try (Connection c = rawConnection(location); Statement s = c.createStatement()) {
      List<String> v1 = Migrations.statements(Dialect.DUCKDB, 1);
      for (String table : REBUILT) {
        s.execute("ALTER TABLE " + table + " RENAME TO " + table + "_old");
        s.execute(v1.stream().filter(sql -> sql.startsWith("CREATE TABLE " + table + " (")).findFirst().orElseThrow());
        s.execute("INSERT INTO " + table + " SELECT * FROM " + table + "_old");
        s.execute("DROP TABLE " + table + "_old");
      }
      s.execute("DELETE FROM korescore_migrations WHERE version > 1");
    }
    assertThat(primaryKeys(location)).containsExactlyInAnyOrder("interactions", "interaction_versions", "verdicts",
        "sync_runs", "sync_state", "korescore_migrations");

    ScoredRecord original = records.stream()
        .filter(r -> r.interaction().koreScore().value().isPresent()).findFirst().orElseThrow();
    List<ScoredRecord> second = new ArrayList<>(records);
    second.set(records.indexOf(original), StoreRecords.rescored(original));
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(location)) {
      assertThat(((JdbcInteractionStoreAdapter) store).schemaVersion()).isEqualTo(2);
      WindowResult result = commit(store, second);
      assertThat(result.unchanged()).isEqualTo(11);
      assertThat(result.count(VersionChange.RESCORED)).isEqualTo(1);
      assertThat(store.history(original.conversationId())).extracting(StoredVersion::version).containsExactly(1, 2);
    }
    assertThat(primaryKeys(location)).containsExactlyInAnyOrder("sync_runs", "sync_state", "korescore_migrations");
    assertThat(count(location, "korescore_migrations WHERE version = 2")).isEqualTo(1);
    assertThat(count(location, "interactions")).isEqualTo(12);
    assertThat(count(location, "verdicts")).isEqualTo(12);
    assertThat(count(location, "interaction_versions")).isEqualTo(13);
    assertThat(count(location, "interactions WHERE conversation_id = '" + original.conversationId()
        + "' AND version = 2")).isEqualTo(1);
    try (Connection c = rawConnection(location); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns"
            + " WHERE table_name = 'interactions' ORDER BY ordinal_position")) {
      List<String> columns = new ArrayList<>();
      while (rs.next()) {
        columns.add(rs.getString(1));
      }
      assertThat(columns).containsExactlyElementsOf(Schema.INTERACTIONS.stream().map(Column::name).toList());
    }
  }

  private static WindowResult commit(WriteInteractionStorePort store, List<ScoredRecord> records) {
    SyncRun run = new SyncRun(store.nextRunId(), OBSERVED, "http://127.0.0.1/qualityai/.../rawdata");
    return store.commitWindow(run, StoreRecords.ledger(StoreRecords.WINDOW, records.size()), records, OBSERVED, true);
  }

  /** The tables that have a primary key. */
  private List<String> primaryKeys(String location) throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection c = rawConnection(location); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }
}
