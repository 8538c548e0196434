package dev.korescore.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.core.store.CurrentRecord;
import dev.korescore.core.store.ScoredRecord;
import dev.korescore.core.store.StoreException;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The store contract on a real DuckDB file in a temporary directory, and what only DuckDB stores do. */
class DuckDbInteractionStoreTest extends InteractionStoreContract {
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
  void aVersionOneStoreLosesItsPrimaryKeyIndexesAndItsSecondCopyOfTheJsonAndKeepsEveryRow() throws Exception {
    List<ScoredRecord> records = StoreRecords.generated(12, 7);
    String location = versionOneStore(records);
    assertThat(primaryKeys(location)).containsExactlyInAnyOrder("interactions", "interaction_versions", "verdicts",
        "sync_runs", "sync_state", "korescore_migrations");

    ScoredRecord original = records.stream()
        .filter(r -> r.interaction().koreScore().value().isPresent()).findFirst().orElseThrow();
    List<ScoredRecord> second = new ArrayList<>(records);
    second.set(records.indexOf(original), StoreRecords.rescored(original));
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(location)) {
      assertThat(((JdbcInteractionStoreAdapter) store).schemaVersion()).isEqualTo(2);
      try (Stream<CurrentRecord> current = store.current(Optional.empty())) {
        assertThat(current.map(CurrentRecord::rawJson))
            .containsExactlyInAnyOrderElementsOf(records.stream().map(r -> r.raw().json()).toList());
      }
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
        + "' AND version = 2 AND CAST(raw_json AS VARCHAR) = '"
        + second.get(records.indexOf(original)).raw().json().replace("'", "''") + "'")).isEqualTo(1);
    try (Connection c = rawConnection(location); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT table_type FROM information_schema.tables WHERE table_name = 'interactions'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("VIEW");
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.columns"
          + " WHERE table_name = 'interactions_current' AND column_name = 'raw_json'")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  @Test
  void aVersionOneStoreWhoseCurrentRowLacksItsVersionIsNotUpgradedAndStaysAsItWas() throws Exception {
    List<ScoredRecord> records = StoreRecords.generated(5, 8);
    String location = versionOneStore(records);
    String missing = records.get(2).conversationId().value();
    try (Connection c = rawConnection(location); Statement s = c.createStatement()) {
      s.execute("DELETE FROM interaction_versions WHERE conversation_id = '" + missing + "'");
    }
    assertThatThrownBy(() -> JdbcInteractionStoreAdapter.openWriter(location).close())
        .isInstanceOf(StoreException.class)
        .hasMessage("cannot open the store " + location + ": the store's interaction " + missing + " has no row for its"
            + " current version in interaction_versions (korescore always writes both); the store was not upgraded"
            + " and is unchanged");
    assertThat(count(location, "korescore_migrations WHERE version = 2")).isZero();
    assertThat(count(location, "interactions WHERE raw_json IS NOT NULL")).isEqualTo(5);
    assertThat(primaryKeys(location)).contains("interactions");
  }

  /** A store as korescore 1 left it (the V1 tables, their primary keys) holding {@code records}, committed once. */
  private String versionOneStore(List<ScoredRecord> records) throws Exception {
    String written = newStore();
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(written)) {
      commit(store, records);
    }
    String location = newStore();
    try (Connection c = rawConnection(location); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE korescore_migrations (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL,"
          + " applied_at TIMESTAMPTZ NOT NULL)");
      for (String sql : Migrations.statements(Dialect.DUCKDB, 1)) {
        s.execute(sql);
      }
      s.execute("INSERT INTO korescore_migrations VALUES (1, 'V1', now())");
      s.execute("ATTACH '" + written + "' AS written (READ_ONLY)");
      for (String table : List.of("interactions", "interaction_metrics", "interaction_versions", "verdicts",
          "sync_runs", "sync_state")) {
        s.execute("INSERT INTO " + table + " SELECT * FROM written." + table);
      }
      s.execute("DETACH written");
    }
    return location;
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
