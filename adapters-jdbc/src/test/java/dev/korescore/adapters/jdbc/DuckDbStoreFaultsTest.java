package dev.korescore.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.core.store.StoreException;
import dev.korescore.core.store.WriteInteractionStorePort;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DuckDB store that cannot be used gives a clear, typed error and is left as it was. */
class DuckDbStoreFaultsTest {
  @TempDir Path dir;

  @Test
  void aFileThatIsNotADuckdbDatabaseIsRefusedAndLeftUnchanged() throws Exception {
    Path file = dir.resolve("notes.duckdb");
    byte[] content = "these are my notes, not a database\n".repeat(200).getBytes(StandardCharsets.UTF_8);
    Files.write(file, content);
    assertThatThrownBy(() -> JdbcInteractionStoreAdapter.openWriter(file.toString()).close())
        .isInstanceOf(StoreException.Unavailable.class)
        .hasMessage(file + " is not a DuckDB database; give a new file name, or a korescore store (.duckdb)");
    assertThat(Files.readAllBytes(file)).isEqualTo(content);
    assertThat(dir.resolve("notes.duckdb.wal")).doesNotExist();
  }

  @Test
  void aDuckdbDatabaseKorescoreDidNotCreateIsRefused() throws Exception {
    Path file = dir.resolve("other.duckdb");
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file); var s = c.createStatement()) {
      s.execute("CREATE TABLE interactions (id INTEGER)");
    }
    assertThatThrownBy(() -> JdbcInteractionStoreAdapter.openWriter(file.toString()).close())
        .isInstanceOf(StoreException.Unavailable.class)
        .hasMessageContaining("a database that korescore did not create");
  }

  @Test
  void aLocationThatCannotBeWrittenIsNamed() {
    assertThatThrownBy(() -> JdbcInteractionStoreAdapter.openWriter("/proc/korescore-test.duckdb").close())
        .isInstanceOf(StoreException.Unavailable.class)
        .hasMessageStartingWith("cannot open the store /proc/korescore-test.duckdb: ");
    assertThatThrownBy(() -> JdbcInteractionStoreAdapter.openWriter(dir.resolve("missing/dir/k.duckdb").toString()))
        .isInstanceOf(StoreException.Unavailable.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void readingAStoreThatDoesNotExistSaysHowToCreateOne() {
    Path file = dir.resolve("none.duckdb");
    assertThatThrownBy(() -> JdbcInteractionStoreAdapter.openReader(file.toString()))
        .isInstanceOf(StoreException.Unavailable.class)
        .hasMessage("no store at " + file + "; create one with 'korescore sync --store " + file + " --from DATE'");
    assertThat(file).doesNotExist();
  }

  @Test
  void aSecondWriterProcessIsRefusedWithAClearMessage() throws Exception {
    Path file = dir.resolve("busy.duckdb");
    JdbcInteractionStoreAdapter.openWriter(file.toString()).close();
    byte[] before = Files.readAllBytes(file);
    Process holder = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), HoldStore.class.getName(), file.toString()))
        .redirectErrorStream(true)
        .start();
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = lines.readLine();
      } while (line != null && !line.startsWith("holding "));
      assertThat(line).as("the holder process started").isNotNull();
      assertThatThrownBy(() -> JdbcInteractionStoreAdapter.openWriter(file.toString()).close())
          .isInstanceOf(StoreException.InUse.class)
          .hasMessageStartingWith("the store " + file + " is in use by another korescore process (PID " + holder.pid() + ")")
          .hasMessageEndingWith("one process may write to a store at a time: wait for it to finish, then rerun");
    } finally {
      holder.destroyForcibly();
      holder.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(file.toString())) {
      assertThat(store.syncState().runs()).isZero();
    }
  }

  @Test
  void aLocationMustNameAStore() {
    assertThatThrownBy(() -> JdbcInteractionStoreAdapter.openWriter("jdbc:mysql://db/qa"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use a DuckDB file (korescore.duckdb) or jdbc:postgresql://HOST/DB");
    assertThatThrownBy(() -> JdbcInteractionStoreAdapter.openWriter("jdbc:duckdb::memory:"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
