package dev.korescore.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.korescore.core.store.CurrentRecord;
import dev.korescore.core.store.ExportFormat;
import dev.korescore.core.store.ReadInteractionStorePort;
import dev.korescore.core.store.StoreException;
import dev.korescore.core.store.StoreTable;
import dev.korescore.core.store.WriteInteractionStorePort;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
  void aWindowTooLargeForDuckdbsMemoryLimitIsATypedErrorAndLeavesTheStoreAsItWas() throws Exception {
    Path file = dir.resolve("small.duckdb");
    List<dev.korescore.core.store.ScoredRecord> records = StoreRecords.generated(3000, 7);
    Dialect.MEMORY_LIMIT_FOR_TESTS.set("2MB");
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(file.toString())) {
      assertThatThrownBy(() -> store.commitWindow(
              new dev.korescore.core.store.SyncRun(store.nextRunId(), StoreRecords.FROM, "test"),
              StoreRecords.ledger(StoreRecords.WINDOW, records.size()), records, StoreRecords.TO, true))
          .isInstanceOf(StoreException.OutOfMemory.class)
          .hasMessage("cannot write to the store " + file + ": DuckDB ran out of memory (its limit is 2MB; past it"
              + " DuckDB spills to " + file + ".tmp, which needs free disk space); nothing of this window was written:"
              + " free disk space, or raise the limit, e.g. KORESCORE_JAVA_OPTS=-Dkorescore.store.memoryLimit=1GB");
    } finally {
      Dialect.MEMORY_LIMIT_FOR_TESTS.remove();
    }
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(file.toString())) {
      assertThat(store.syncState().runs()).isZero();
      assertThat(store.syncState().highWaterMark()).isEmpty();
    }
  }

  @Test
  void theMemoryLimitPropertyTakesADuckdbSizeAndNothingElse() {
    assertThat(Dialect.memoryLimit(null)).isEqualTo(Dialect.MEMORY_LIMIT);
    assertThat(Dialect.memoryLimit(" ")).isEqualTo(Dialect.MEMORY_LIMIT);
    assertThat(Dialect.memoryLimit("1GB")).isEqualTo("1GB");
    assertThat(Dialect.memoryLimit(" 1.5 GiB ")).isEqualTo("1.5 GiB");
    assertThatThrownBy(() -> Dialect.memoryLimit("1GB'; DROP TABLE interactions; --"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("korescore.store.memoryLimit must be a size such as 512MB or 2GB, was ");
  }

  @Test
  void aSizeIsReadInDuckdbsUnits() {
    assertThat(Dialect.bytes("48MB")).isEqualTo(48_000_000L);
    assertThat(Dialect.bytes("48MiB")).isEqualTo(48L << 20);
    assertThat(Dialect.bytes(" 1.5 GiB ")).isEqualTo(3L << 29);
    assertThat(Dialect.bytes("2kb")).isEqualTo(2_000L);
    assertThat(Dialect.bytes("512")).isEqualTo(512L);
    assertThatThrownBy(() -> Dialect.bytes("lots")).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Records of 40 KB under the default cap: DuckDB holds 2,048 of a column's values at a time, 80 MB here, in
   * memory it cannot spill (a commit failed under 48 MB), so the writer makes room for the largest record.
   * New ones go through the Appender, re-scored ones through the staging tables: both in one window each.
   */
  @Test
  void bigRecordsFitUnderTheDefaultCapGrownForThemAndAReaderStreamsThem() throws Exception {
    assertThat(Dialect.memoryLimitSet()).isFalse();
    Path file = dir.resolve("big.duckdb");
    List<dev.korescore.core.store.ScoredRecord> records = FillStore.padded(StoreRecords.generated(2100, 11), 1);
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(file.toString())) {
      for (var window : List.of(records, FillStore.padded(StoreRecords.generated(2100, 11), 2))) {
        store.commitWindow(new dev.korescore.core.store.SyncRun(store.nextRunId(), Instant.now(), "big"),
            StoreRecords.ledger(StoreRecords.WINDOW, window.size()), window, Instant.now(), true);
      }
    }
    // a reader streams them under the same cap: their JSON (86 MB) would not fit it sorted
    try (ReadInteractionStorePort reader = JdbcInteractionStoreAdapter.openReader(file.toString());
        Stream<CurrentRecord> current = reader.current(Optional.empty())) {
      long[] seen = new long[2];
      current.forEach(r -> {
        seen[0]++;
        seen[1] += r.rawJson().length();
      });
      assertThat(seen[0]).isEqualTo(2100);
      assertThat(seen[1]).isGreaterThan(2100L * 40_000);
    }
    // an export streams too: every version once, under a cap smaller than their JSON (172 MB)
    Dialect.MEMORY_LIMIT_FOR_TESTS.set("256MB"); // the default reader cap, set: records of 40 KB, 172 MB in all
    try {
      try (ReadInteractionStorePort reader = JdbcInteractionStoreAdapter.openReader(file.toString())) {
        Path parquet = dir.resolve("versions.parquet");
        assertThat(reader.export(StoreTable.INTERACTION_VERSIONS, ExportFormat.PARQUET, Optional.empty(), parquet))
            .isEqualTo(4200);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT (conversation_id, version)),"
                + " min(length(CAST(raw_json AS VARCHAR))) FROM read_parquet('" + parquet + "')")) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(4200);
          assertThat(rs.getLong(2)).isEqualTo(4200);
          assertThat(rs.getLong(3)).isGreaterThan(40_000);
        }
        Path jsonl = dir.resolve("versions.jsonl");
        assertThat(reader.export(StoreTable.INTERACTION_VERSIONS, ExportFormat.JSONL, Optional.empty(), jsonl))
            .isEqualTo(4200);
        try (Stream<String> lines = Files.lines(jsonl)) {
          assertThat(lines.map(l -> l.substring(0, l.indexOf(",\"observed_at\""))).distinct().count()).isEqualTo(4200);
        }
      }
      // the cap is the export's (a reader's, set when it opens): under 4 MB DuckDB cannot even start
      Dialect.MEMORY_LIMIT_FOR_TESTS.set("4MB");
      try (ReadInteractionStorePort reader = JdbcInteractionStoreAdapter.openReader(file.toString())) {
        Path refused = dir.resolve("refused.parquet");
        assertThatThrownBy(() -> reader.export(StoreTable.INTERACTION_VERSIONS, ExportFormat.PARQUET, Optional.empty(),
            refused))
            .isInstanceOf(StoreException.OutOfMemory.class)
            .hasMessage("cannot export from the store " + file + ": DuckDB ran out of memory (a reader's limit is 4MB;"
                + " DuckDB holds 2,048 records at a time, and 256MB is room for records of about 40 KB): raise the limit,"
                + " e.g. KORESCORE_JAVA_OPTS=-Dkorescore.store.memoryLimit=1GB");
        assertThat(refused).doesNotExist();
        assertThat(dir.resolve(".refused.parquet.partial")).doesNotExist();
      }
    } finally {
      Dialect.MEMORY_LIMIT_FOR_TESTS.remove();
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT conversation_id), min(version),"
            + " min(length(CAST(raw_json AS VARCHAR))), (SELECT count(*) FROM interaction_versions) FROM interactions")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(2100);
      assertThat(rs.getLong(2)).isEqualTo(2100);
      assertThat(rs.getInt(3)).isEqualTo(2);
      assertThat(rs.getLong(4)).isGreaterThan(40_000);
      assertThat(rs.getLong(5)).isEqualTo(4200);
    }
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

  /**
   * A real write failure: a process that may not grow any file past a limit ({@code ulimit -f}: room for
   * the JVM's copy of DuckDB's library, not for the store's write-ahead log) fills the store. Its DuckDB
   * may use 256 MB, so that the store's own file reaches the limit before DuckDB must spill past its cap
   * (the next test is that case).
   */
  @Test
  void aFullDiskStopsTheWindowWithAClearMessageAndKeepsEveryCommittedWindow() throws Exception {
    Path file = dir.resolve("full.duckdb");
    int committed = fillUntilAWriteFails(file, "256MB", "Failed",
        "cannot write to the store " + file + ": the disk is full (nothing of this window was written; free space and rerun)");
    assertTheCommittedWindowsAreKeptAndTheStoreCanBeWritten(file, committed);
  }

  /**
   * The same limit with the shipped memory cap: DuckDB holds the rows no checkpoint has written yet, must
   * spill them past its cap to {@code STORE.tmp}, cannot, and says it ran out of memory; the message says
   * that spilling needs free disk.
   */
  @Test
  void aFullDiskMetWhileDuckdbSpillsPastItsCapSaysBothRemedies() throws Exception {
    Path file = dir.resolve("spill.duckdb");
    int committed = fillUntilAWriteFails(file, Dialect.MEMORY_LIMIT, "OutOfMemory",
        "cannot write to the store " + file + ": DuckDB ran out of memory (its limit is " + Dialect.MEMORY_LIMIT
            + "; past it DuckDB spills to " + file + ".tmp, which needs free disk space); nothing of this window was"
            + " written: free disk space, or raise the limit, e.g. KORESCORE_JAVA_OPTS=-Dkorescore.store.memoryLimit=1GB");
    assertTheCommittedWindowsAreKeptAndTheStoreCanBeWritten(file, committed);
  }

  /**
   * Runs {@link FillStore} on {@code file} in a child whose files may not grow past DuckDB's library and 16
   * MB, with DuckDB's memory limit {@code memoryLimit}; asserts the write that failed failed with the
   * exception {@code kind} and {@code message}, and returns how many windows were committed before it.
   */
  private static int fillUntilAWriteFails(Path file, String memoryLimit, String kind, String message) throws Exception {
    long library = DuckDbStoreFaultsTest.class.getResource("/libduckdb_java.so_linux_amd64") != null
        ? DuckDbStoreFaultsTest.class.getResource("/libduckdb_java.so_linux_amd64").openConnection().getContentLengthLong()
        : 100_000_000L;
    long limitKb = library / 1024 + 16 * 1024;
    Process filler = new ProcessBuilder(List.of("bash", "-c", "ulimit -f " + limitKb + " && exec \"$0\" -D"
            + Dialect.MEMORY_LIMIT_PROPERTY + "=\"$3\" -cp \"$1\" " + FillStore.class.getName() + " \"$2\"",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), System.getProperty("java.class.path"),
            file.toString(), memoryLimit))
        .redirectErrorStream(true)
        .start();
    String output = new String(filler.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(filler.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(filler.exitValue()).as(output).isEqualTo(3);
    Matcher failed = Pattern.compile("failed after (\\d+): (\\w+): (.*)").matcher(output);
    assertThat(failed.find()).as(output).isTrue();
    int committed = Integer.parseInt(failed.group(1));
    assertThat(committed).as(output).isPositive();
    assertThat(failed.group(2)).as(output).isEqualTo(kind);
    assertThat(failed.group(3)).isEqualTo(message);
    return committed;
  }

  /**
   * Every window committed before the failure is there once, and the store takes a window again (in this JVM,
   * under the shipped memory cap, after DuckDB replayed the failed writer's log: the writer checkpoints it on
   * open, else this commit ran out of memory).
   */
  private static void assertTheCommittedWindowsAreKeptAndTheStoreCanBeWritten(Path file, int committed) throws Exception {
    try (WriteInteractionStorePort store = JdbcInteractionStoreAdapter.openWriter(file.toString())) {
      assertThat(store.syncState().runs()).isEqualTo(committed);
      var records = StoreRecords.generated(10, 1);
      store.commitWindow(new dev.korescore.core.store.SyncRun(store.nextRunId(), Instant.now(), "after"),
          StoreRecords.ledger(StoreRecords.WINDOW, records.size()), records, Instant.now(), true);
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT conversation_id) FROM interactions")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(committed * 200L + 10);
      assertThat(rs.getLong(2)).isEqualTo(committed * 200L + 10);
    }
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
