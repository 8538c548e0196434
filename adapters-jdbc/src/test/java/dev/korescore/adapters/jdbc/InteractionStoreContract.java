package dev.korescore.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.core.fetch.DateWindow;
import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.Metric;
import dev.korescore.core.model.Qualification;
import dev.korescore.core.model.ConversationId;
import dev.korescore.core.store.ContentHash;
import dev.korescore.core.store.CurrentRecord;
import dev.korescore.core.store.ExportFormat;
import dev.korescore.core.store.ReadInteractionStorePort;
import dev.korescore.core.store.ScoredRecord;
import dev.korescore.core.store.StoreException;
import dev.korescore.core.store.StoreTable;
import dev.korescore.core.store.StoredVersion;
import dev.korescore.core.store.SyncRun;
import dev.korescore.core.store.VersionChange;
import dev.korescore.core.store.WeeklyChanges;
import dev.korescore.core.store.WindowResult;
import dev.korescore.core.store.WindowWrite;
import dev.korescore.core.store.WriteInteractionStorePort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every store passes: DuckDB ({@link DuckDbInteractionStoreTest}) and PostgreSQL ({@link
 * PostgresInteractionStoreTest}), each a real database.
 */
abstract class InteractionStoreContract {
  static final Instant OBSERVED = Instant.parse("2024-07-17T01:00:00Z");
  static final Instant LATER = Instant.parse("2024-07-25T01:00:00Z");

  @TempDir Path dir;

  /** A new, empty store's location (a file name or a JDBC URL). */
  abstract String newStore();

  /** A plain JDBC connection to {@code store}, for checks behind the adapter's back. */
  abstract Connection rawConnection(String store) throws Exception;

  private static SyncRun run(WriteInteractionStorePort store, Instant at) {
    return new SyncRun(store.nextRunId(), at, "http://127.0.0.1/qualityai/.../rawdata");
  }

  static WindowResult commit(WriteInteractionStorePort store, List<ScoredRecord> records, Instant at) {
    return store.commitWindow(run(store, at), StoreRecords.ledger(StoreRecords.WINDOW, records.size()), records, at,
        true);
  }

  @Test
  void aNewStoreIsEmptyAndHasNoHighWaterMark() {
    String location = newStore();
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(location)) {
      assertThat(store.syncState().highWaterMark()).isEmpty();
      assertThat(store.syncState().runs()).isZero();
      assertThat(store.nextRunId()).isEqualTo(1);
      try (Stream<CurrentRecord> current = store.current(Optional.empty())) {
        assertThat(current).isEmpty();
      }
    }
  }

  @Test
  void aWindowStoresEveryRecordOnceAsVersionOneAndAdvancesTheMark() {
    String location = newStore();
    List<ScoredRecord> records = StoreRecords.generated(50, 1);
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(location)) {
      WindowResult result = commit(store, records, OBSERVED);
      assertThat(result.count(VersionChange.NEW)).isEqualTo(50);
      assertThat(result.unchanged()).isZero();
      assertThat(store.syncState().highWaterMark()).contains(StoreRecords.TO);
      assertThat(store.syncState().runs()).isEqualTo(1);
      try (Stream<CurrentRecord> current = store.current(Optional.empty())) {
        List<CurrentRecord> all = current.toList();
        assertThat(all).hasSize(50).allSatisfy(r -> assertThat(r.version()).isEqualTo(1));
        assertThat(all.stream().map(r -> r.conversationId()).distinct()).hasSize(50);
      }
      ScoredRecord first = records.get(0);
      List<StoredVersion> history = store.history(first.conversationId());
      assertThat(history).singleElement().satisfies(v -> {
        assertThat(v.change()).isEqualTo(VersionChange.NEW);
        assertThat(v.contentHash()).isEqualTo(first.contentHash());
        assertThat(v.koreScore()).isEqualTo(first.interaction().koreScore().value());
        assertThat(v.observedAt()).isEqualTo(OBSERVED);
      });
    }
  }

  @Test
  void theSameRecordsAgainChangeNothing() throws Exception {
    String location = newStore();
    List<ScoredRecord> records = StoreRecords.generated(30, 2);
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(location)) {
      commit(store, records, OBSERVED);
      WindowResult again = commit(store, records, LATER);
      assertThat(again.unchanged()).isEqualTo(30);
      assertThat(again.count(VersionChange.NEW)).isZero();
      assertThat(again.changed()).isZero();
    }
    assertThat(count(location, "interaction_versions")).isEqualTo(30);
    assertThat(count(location, "interactions")).isEqualTo(30);
    assertThat(count(location, "verdicts")).isEqualTo(30);
    assertThat(count(location, "sync_runs")).isEqualTo(2);
    long metrics = records.stream().mapToLong(r -> r.interaction().metrics().size()).sum();
    assertThat(count(location, "interaction_metrics")).isEqualTo(metrics);
  }

  @Test
  void aRescoredRecordBecomesVersionTwoAndReplacesTheCurrentRow() throws Exception {
    String location = newStore();
    List<ScoredRecord> records = StoreRecords.generated(20, 3);
    ScoredRecord original = records.stream()
        .filter(r -> r.interaction().koreScore().value().isPresent() && !r.interaction().metrics().isEmpty())
        .findFirst().orElseThrow();
    ScoredRecord rescored = StoreRecords.rescored(original);
    List<ScoredRecord> second = new ArrayList<>(records);
    second.set(records.indexOf(original), rescored);
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(location)) {
      commit(store, records, OBSERVED);
      WindowResult result = commit(store, second, LATER);
      assertThat(result.count(VersionChange.RESCORED)).isEqualTo(1);
      assertThat(result.unchanged()).isEqualTo(19);
      List<StoredVersion> history = store.history(original.conversationId());
      assertThat(history).extracting(StoredVersion::version).containsExactly(1, 2);
      assertThat(history.get(1).change()).isEqualTo(VersionChange.RESCORED);
      assertThat(history.get(1).koreScore()).isEqualTo(rescored.interaction().koreScore().value());
      assertThat(history.get(1).observedAt()).isEqualTo(LATER);
      assertThat(history.get(1).rawJson()).contains("Kore Evaluation Score");
      List<WeeklyChanges> weeks = store.changesByWeek(Optional.empty());
      assertThat(weeks).singleElement().satisfies(w -> {
        assertThat(w.weekStart()).isEqualTo(java.time.LocalDate.parse("2024-07-22"));
        assertThat(w.rescored()).isEqualTo(1);
      });
    }
    try (Connection c = rawConnection(location); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, kore_score, is_passed, first_seen_at, last_changed_at"
            + " FROM interactions WHERE conversation_id = '" + original.conversationId() + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(2);
      assertThat(rs.getInt(2)).isEqualTo(rescored.interaction().koreScore().value().getAsInt());
      assertThat(rs.getBoolean(3)).isEqualTo(rescored.interaction().passed().orElseThrow());
      assertThat(JdbcInteractionStoreAdapter.instant(rs, 4)).contains(OBSERVED);
      assertThat(JdbcInteractionStoreAdapter.instant(rs, 5)).contains(LATER);
    }
    assertThat(count(location, "interaction_metrics WHERE conversation_id = '" + original.conversationId() + "'"))
        .isEqualTo(original.interaction().metrics().size());
    assertThat(count(location, "interaction_versions")).isEqualTo(21);
    assertThat(count(location, "interactions")).isEqualTo(20);
    assertThat(count(location, "verdicts")).isEqualTo(20);
    assertThat(count(location, "verdicts WHERE conversation_id = '" + original.conversationId() + "' AND version = 2"))
        .isEqualTo(1);
  }

  @Test
  void aManualAnswerGivenLaterIsAnAuditAndNamesTheMetric() {
    String location = newStore();
    Interaction before = Interaction.builder("c-audit")
        .startTime(Instant.parse("2024-07-15T10:00:00Z"))
        .koreScore(80).passScore(70).passed(true)
        .metrics(List.of(Metric.of("Greeting", 20, Qualification.Answer.YES),
            Metric.of("Compliance", 30, Qualification.Answer.MANUAL)))
        .build();
    Interaction after = before.toBuilder()
        .koreScore(90)
        .metrics(List.of(Metric.of("Greeting", 20, Qualification.Answer.YES),
            Metric.of("Compliance", 30, Qualification.Answer.NO)))
        .build();
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(location)) {
      commit(store, List.of(StoreRecords.scored(before)), OBSERVED);
      WindowResult result = commit(store, List.of(StoreRecords.scored(after)), LATER);
      assertThat(result.count(VersionChange.AUDIT_ADDED)).isEqualTo(1);
      StoredVersion second = store.history(before.conversationId()).get(1);
      assertThat(second.change()).isEqualTo(VersionChange.AUDIT_ADDED);
      assertThat(second.changedAnswers()).containsExactly("Compliance: - -> NO");
    }
  }

  @Test
  void currentVersionsCanStartAtATime() {
    String location = newStore();
    List<ScoredRecord> records = StoreRecords.generated(40, 4);
    Instant since = Instant.parse("2024-07-16T00:00:00Z");
    long expected = records.stream().filter(r -> !r.interaction().startTime().orElseThrow().isBefore(since)).count();
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(location)) {
      commit(store, records, OBSERVED);
    }
    try (ReadInteractionStorePort reader = JdbcInteractionStoreAdapter.openReader(location);
        Stream<CurrentRecord> current = reader.current(Optional.of(since))) {
      assertThat(current.count()).isEqualTo(expected).isPositive().isLessThan(40);
    }
  }

  @Test
  void aWindowAddedInChunksStoresWhatOneAddStores() throws Exception {
    String chunked = newStore();
    String whole = newStore();
    List<ScoredRecord> records = StoreRecords.generated(30, 6);
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(chunked)) {
      WindowResult result;
      try (WindowWrite window = store.beginWindow(run(store, OBSERVED), OBSERVED)) {
        window.add(records.subList(0, 7));
        window.add(List.of());
        window.add(records.subList(7, 30));
        result = window.commit(StoreRecords.ledger(StoreRecords.WINDOW, 30), OBSERVED, true);
      }
      assertThat(result.count(VersionChange.NEW)).isEqualTo(30);
      assertThat(store.syncState().highWaterMark()).contains(StoreRecords.TO);
    }
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(whole)) {
      commit(store, records, OBSERVED);
    }
    for (String table : List.of("interactions", "interaction_metrics", "interaction_versions", "verdicts",
        "sync_runs")) {
      assertThat(count(chunked, table)).as(table).isEqualTo(count(whole, table)).isPositive();
    }
  }

  @Test
  void aWindowClosedWithoutCommitLeavesTheStoreAsItWas() throws Exception {
    String location = newStore();
    List<ScoredRecord> records = StoreRecords.generated(12, 7);
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(location)) {
      commit(store, records.subList(0, 4), OBSERVED);
      try (WindowWrite window = store.beginWindow(run(store, LATER), LATER)) {
        window.add(records.subList(4, 12));
        assertThatThrownBy(() -> store.beginWindow(run(store, LATER), LATER))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("is open");
      }
      assertThat(store.syncState().runs()).isEqualTo(1);
      WindowResult again = commit(store, records, LATER);
      assertThat(again.count(VersionChange.NEW)).isEqualTo(8);
      assertThat(again.unchanged()).isEqualTo(4);
    }
    assertThat(count(location, "interactions")).isEqualTo(12);
    assertThat(count(location, "interaction_versions")).isEqualTo(12);
  }

  @Test
  void skipUnchangedCountsTheStoredRecordsAndReturnsTheOthers() throws Exception {
    String location = newStore();
    List<ScoredRecord> records = StoreRecords.generated(10, 8);
    ScoredRecord rescored = StoreRecords.rescored(records.get(3));
    ScoredRecord fresh = StoreRecords.generated(1, 9).get(0);
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(location)) {
      commit(store, records.subList(0, 8), OBSERVED);
      Map<ConversationId, ContentHash> hashes = new HashMap<>();
      records.subList(0, 8).forEach(r -> hashes.put(r.conversationId(), r.contentHash()));
      hashes.put(rescored.conversationId(), rescored.contentHash());
      hashes.put(fresh.conversationId(), fresh.contentHash());
      WindowResult result;
      try (WindowWrite window = store.beginWindow(run(store, LATER), LATER)) {
        assertThat(window.skipUnchanged(hashes)).containsExactlyInAnyOrder(rescored.conversationId(),
            fresh.conversationId());
        assertThatThrownBy(() -> window.add(List.of(records.get(0))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("appears twice");
      }
      try (WindowWrite window = store.beginWindow(run(store, LATER), LATER)) {
        window.skipUnchanged(hashes);
        window.add(List.of(rescored, fresh));
        result = window.commit(StoreRecords.ledger(StoreRecords.WINDOW, 9), LATER, true);
      }
      assertThat(result.unchanged()).isEqualTo(7);
      assertThat(result.count(VersionChange.RESCORED)).isEqualTo(1);
      assertThat(result.count(VersionChange.NEW)).isEqualTo(1);
    }
    assertThat(count(location, "interactions")).isEqualTo(9);
    assertThat(count(location, "interaction_versions")).isEqualTo(10);
  }

  @Test
  void aChunkMayBeLookedUpBeforeThePreviousOneIsAdded() throws Exception {
    String location = newStore();
    List<ScoredRecord> records = StoreRecords.generated(12, 10);
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(location)) {
      commit(store, records.subList(0, 10), OBSERVED);
      // two chunks as a sync sends them: the second's look-up goes ahead of the first's add
      List<ScoredRecord> first = List.of(StoreRecords.rescored(records.get(1)), records.get(2), records.get(10));
      List<ScoredRecord> second = List.of(records.get(4), StoreRecords.rescored(records.get(5)), records.get(11));
      WindowResult result;
      try (WindowWrite window = store.beginWindow(run(store, LATER), LATER)) {
        assertThat(window.skipUnchanged(hashes(first))).containsExactlyInAnyOrder(first.get(0).conversationId(),
            first.get(2).conversationId());
        assertThat(window.skipUnchanged(hashes(second))).containsExactlyInAnyOrder(second.get(1).conversationId(),
            second.get(2).conversationId());
        window.add(List.of(first.get(0), first.get(2)));
        window.add(List.of(second.get(1), second.get(2)));
        result = window.commit(StoreRecords.ledger(StoreRecords.WINDOW, 6), LATER, true);
      }
      assertThat(result.unchanged()).isEqualTo(2);
      assertThat(result.count(VersionChange.RESCORED)).isEqualTo(2);
      assertThat(result.count(VersionChange.NEW)).isEqualTo(2);
      assertThat(store.history(records.get(5).conversationId())).extracting(StoredVersion::version)
          .containsExactly(1, 2);
    }
    assertThat(count(location, "interactions")).isEqualTo(12);
    assertThat(count(location, "verdicts")).isEqualTo(12);
    assertThat(count(location, "interaction_versions")).isEqualTo(14);
  }

  private static Map<ConversationId, ContentHash> hashes(List<ScoredRecord> records) {
    Map<ConversationId, ContentHash> hashes = new HashMap<>();
    records.forEach(r -> hashes.put(r.conversationId(), r.contentHash()));
    return hashes;
  }

  @Test
  void aFailedWindowLeavesTheStoreAsItWas() throws Exception {
    String location = newStore();
    List<ScoredRecord> records = StoreRecords.generated(10, 5);
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(location)) {
      commit(store, records, OBSERVED);
      List<ScoredRecord> twice = new ArrayList<>(records);
      twice.add(StoreRecords.rescored(records.get(0)));
      assertThatThrownBy(() -> commit(store, twice, LATER))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("appears twice");
      assertThat(commit(store, records, LATER).unchanged()).isEqualTo(10);
    }
    assertThat(count(location, "interaction_versions")).isEqualTo(10);
  }

  @Test
  void aStoreWrittenByANewerKorescoreIsRefused() throws Exception {
    String location = newStore();
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(location)) {
      assertThat(store.syncState().runs()).isZero();
    }
    try (Connection c = rawConnection(location); Statement s = c.createStatement()) {
      s.execute("INSERT INTO korescore_migrations VALUES (99, 'from the future', CAST('2030-01-01T00:00:00Z' AS TIMESTAMPTZ))");
    }
    assertThatThrownBy(() -> JdbcInteractionStoreAdapter.openWriter(location).close())
        .isInstanceOf(StoreException.Incompatible.class)
        .hasMessageContaining("newer korescore (schema version 99; this one knows up to " + Schema.VERSION);
    assertThatThrownBy(() -> JdbcInteractionStoreAdapter.openReader(location).close())
        .isInstanceOf(StoreException.Incompatible.class);
  }

  @Test
  void theTablesHaveTheDocumentedColumnsInOrder() throws Exception {
    String location = newStore();
    JdbcInteractionStoreAdapter.openWriter(location).close();
    try (Connection c = rawConnection(location)) {
      for (StoreTable table : StoreTable.values()) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table.sqlName())) {
          List<String> names = new ArrayList<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            names.add(rs.getMetaData().getColumnName(i));
          }
          assertThat(names).as(table.sqlName()).containsExactlyElementsOf(
              Schema.columns(table).stream().map(col -> col.name()).toList());
        }
      }
    }
  }

  @Test
  void exportWritesEveryTableInEveryFormatWithTheSchemaVersionFirst() throws Exception {
    String location = newStore();
    List<ScoredRecord> records = StoreRecords.generated(25, 6);
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(location)) {
      commit(store, records, OBSERVED);
    }
    try (ReadInteractionStorePort reader = JdbcInteractionStoreAdapter.openReader(location)) {
      Path jsonl = dir.resolve("interactions.jsonl");
      assertThat(reader.export(StoreTable.INTERACTIONS, ExportFormat.JSONL, Optional.empty(), jsonl)).isEqualTo(25);
      List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
      assertThat(lines).hasSize(25);
      assertThat(lines.get(0)).startsWith("{\"schema_version\":" + Schema.VERSION + ",\"conversation_id\":\"")
          .contains("\"raw_json\":{");
      Path csv = dir.resolve("versions.csv");
      assertThat(reader.export(StoreTable.INTERACTION_VERSIONS, ExportFormat.CSV, Optional.empty(), csv)).isEqualTo(25);
      assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8).get(0)).isEqualTo("schema_version,"
          + String.join(",", Schema.INTERACTION_VERSIONS.stream().map(col -> col.name()).toList()));
      Path parquet = dir.resolve("metrics.parquet");
      long metrics = records.stream().mapToLong(r -> r.interaction().metrics().size()).sum();
      assertThat(reader.export(StoreTable.INTERACTION_METRICS, ExportFormat.PARQUET, Optional.empty(), parquet))
          .isEqualTo(metrics);
      try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
          Statement s = duck.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*), min(schema_version) FROM read_parquet('" + parquet + "')")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(metrics);
        assertThat(rs.getInt(2)).isEqualTo(Schema.VERSION);
      }
      assertThat(reader.export(StoreTable.INTERACTIONS, ExportFormat.JSONL, Optional.of(LATER), jsonl)).isZero();
      assertThat(dir.resolve(".interactions.jsonl.partial")).doesNotExist();
    }
  }

  long count(String location, String tableAndWhere) throws Exception {
    try (Connection c = rawConnection(location); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + tableAndWhere)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static DateWindow window(String from, String to) {
    return new DateWindow(Instant.parse(from), Instant.parse(to));
  }
}
