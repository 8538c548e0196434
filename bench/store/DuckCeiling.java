// The ceiling of DuckDB's own write work on this machine, outside korescore: N generated interactions
// appended with DuckDB's Appender in chunks of 2,000 (a commit every 10,000, checkpoint at 256 MB of WAL, as
// the store does), in store-like tables of several shapes, from the lightest (no keys, the raw JSON once,
// VARCHAR) to the store's V1 shape (three primary keys, JSON twice). Prints wall and process CPU time for
// the writes and the closing checkpoint, DuckDB's memory by tag, and the time of 20 look-ups of 2,000
// conversations (a staging table joined on conversation_id, as a sync chunk does). Two more shapes bound the
// rest: `plain-nojson` writes "{}" instead of each record's JSON (what the rows cost without it), and
// `plain-csv` loads each chunk with DuckDB's own CSV reader (`COPY ... FROM` a file written per chunk)
// instead of the Appender. Run through ./run.sh ceiling N [ROUNDS]; -Dshapes=a,b picks shapes.
import dev.korescore.testkit.generator.InteractionGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

public class DuckCeiling {
  /**
   * pk: primary keys on interactions, versions, verdicts; json: JSON columns (else VARCHAR); twice: raw JSON in
   * interactions too; nojson: "{}" for every record's JSON; csv: loaded by COPY from CSV instead of the Appender.
   */
  static final List<String> SHAPES = System.getProperty("shapes") != null
      ? List.of(System.getProperty("shapes").split(","))
      : List.of("plain", "plain-nojson", "plain-csv", "twice", "json-twice", "pk-json-twice");

  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Instant from = Instant.parse("2024-07-15T00:00:00Z");
    List<String[]> records = new ArrayList<>();
    InteractionGenerator.builder().seed(42).count(n).between(from, from.plus(Duration.ofDays(20))).build().stream()
        .forEach(g -> records.add(new String[] {g.conversationId().value(), g.wireJson()}));
    System.out.printf("%,d interactions; shapes interleaved, %d rounds%n", n, rounds);
    for (int round = 1; round <= rounds; round++) {
      for (String shape : SHAPES) {
        run(data.resolve("ceiling.duckdb"), records, shape, round);
      }
    }
  }

  static void run(Path file, List<String[]> records, String shape, int round) throws Exception {
    Files.deleteIfExists(file);
    Files.deleteIfExists(Path.of(file + ".wal"));
    int n = records.size();
    boolean pk = shape.contains("pk");
    String raw = shape.contains("json") ? "JSON" : "VARCHAR";
    boolean twice = shape.contains("twice");
    boolean noJson = shape.contains("nojson");
    boolean csv = shape.contains("csv");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
      s.execute("SET memory_limit = '256MB'");
      s.execute("SET checkpoint_threshold = '256MB'");
      s.execute("CREATE TABLE interactions (conversation_id VARCHAR" + (pk ? " PRIMARY KEY" : "")
          + ", start_time TIMESTAMPTZ, end_time TIMESTAMPTZ, channel VARCHAR, kore_score INTEGER, pass_score INTEGER,"
          + " is_passed BOOLEAN, agent_id VARCHAR, agent_name VARCHAR, queue_id VARCHAR, queue_name VARCHAR,"
          + " version INTEGER, content_hash VARCHAR" + (twice ? ", raw_json " + raw : "") + ")");
      s.execute("CREATE TABLE interaction_metrics (conversation_id VARCHAR, position INTEGER, metric_id VARCHAR,"
          + " name VARCHAR, weight BIGINT, negative_weight BIGINT, qualification VARCHAR, fatal BOOLEAN)");
      s.execute("CREATE TABLE interaction_versions (conversation_id VARCHAR, version INTEGER, observed_at TIMESTAMPTZ,"
          + " content_hash VARCHAR, change VARCHAR, raw_json " + raw + (pk ? ", PRIMARY KEY (conversation_id, version)" : "") + ")");
      s.execute("CREATE TABLE verdicts (conversation_id VARCHAR" + (pk ? " PRIMARY KEY" : "")
          + ", version INTEGER, verdict VARCHAR, reasons VARCHAR)");
      c.setAutoCommit(false);
      DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
      OffsetDateTime t = OffsetDateTime.now(ZoneOffset.UTC);
      String hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
      long wall = System.nanoTime();
      long cpu = cpu();
      Path csvDirectory = csv ? Files.createTempDirectory(file.getParent(), "ceiling-csv") : null;
      for (int i = 0; i < n; i += 2000) {
        List<String[]> chunk = records.subList(i, Math.min(n, i + 2000));
        if (csv) {
          copyChunk(s, csvDirectory, chunk, t.toString(), hash, twice, noJson);
          if ((i / 2000) % 5 == 4) {
            c.commit();
          }
          continue;
        }
        try (DuckDBAppender a = duck.createAppender("main", "interactions")) {
          for (String[] r : chunk) {
            a.beginRow();
            a.append(r[0]);
            a.append(t);
            a.append(t);
            a.append("voice");
            a.append(80);
            a.append(70);
            a.append(true);
            a.append("agent-0001234567");
            a.append("Some Agent Name");
            a.append("queue-000123456");
            a.append("Queue Name Here");
            a.append(1);
            a.append(hash);
            if (twice) {
              a.append(noJson ? "{}" : r[1]);
            }
            a.endRow();
          }
        }
        try (DuckDBAppender a = duck.createAppender("main", "interaction_metrics")) {
          for (String[] r : chunk) {
            for (int m = 1; m <= 5; m++) {
              a.beginRow();
              a.append(r[0]);
              a.append(m);
              a.append("metric-000000" + m);
              a.append("Greeting metric " + m);
              a.append(10L);
              a.append(0L);
              a.append("YES");
              a.append(false);
              a.endRow();
            }
          }
        }
        try (DuckDBAppender a = duck.createAppender("main", "interaction_versions")) {
          for (String[] r : chunk) {
            a.beginRow();
            a.append(r[0]);
            a.append(1);
            a.append(t);
            a.append(hash);
            a.append("new");
            a.append(noJson ? "{}" : r[1]);
            a.endRow();
          }
        }
        try (DuckDBAppender a = duck.createAppender("main", "verdicts")) {
          for (String[] r : chunk) {
            a.beginRow();
            a.append(r[0]);
            a.append(1);
            a.append("MATCH");
            a.append("");
            a.endRow();
          }
        }
        if ((i / 2000) % 5 == 4) {
          c.commit();
        }
      }
      if (csvDirectory != null) {
        Files.delete(csvDirectory);
      }
      c.commit();
      double writeWall = (System.nanoTime() - wall) / 1e9;
      double writeCpu = (cpu() - cpu) / 1e9;
      StringBuilder memory = new StringBuilder();
      try (ResultSet rs = s.executeQuery("SELECT tag, memory_usage_bytes FROM duckdb_memory()"
          + " WHERE memory_usage_bytes >= 1000000 ORDER BY tag")) {
        while (rs.next()) {
          memory.append(' ').append(rs.getString(1)).append(' ').append(rs.getLong(2) / 1_000_000).append(" MB");
        }
      }
      s.execute("CREATE TEMP TABLE k (conversation_id VARCHAR, content_hash VARCHAR)");
      long lookWall = System.nanoTime();
      long lookCpu = cpu();
      Random random = new Random(1);
      for (int q = 0; q < 20; q++) {
        s.execute("DELETE FROM k");
        try (DuckDBAppender a = duck.createAppender("temp", "main", "k")) {
          for (int r = 0; r < 2000; r++) {
            a.beginRow();
            a.append(records.get(random.nextInt(n))[0]);
            a.append(hash);
            a.endRow();
          }
        }
        try (ResultSet rs = s.executeQuery("SELECT i.conversation_id, i.content_hash, i.version FROM k"
            + " JOIN interactions i ON i.conversation_id = k.conversation_id")) {
          while (rs.next()) {
            // drained, as the store reads them
          }
        }
      }
      double lookups = (cpu() - lookCpu) / 1e9;
      double lookupsWall = (System.nanoTime() - lookWall) / 1e9;
      c.commit();
      long closeWall = System.nanoTime();
      long closeCpu = cpu();
      c.close();
      double closed = (System.nanoTime() - closeWall) / 1e9;
      double closedCpu = (cpu() - closeCpu) / 1e9;
      System.out.printf("round %d %-14s writes %6.2f s wall %6.2f s CPU, close %5.2f s wall %5.2f s CPU:"
          + " %,7.0f interactions/s wall, %,7.0f per CPU-s; 20 look-ups %.2f s wall %.2f s CPU; file %.0f MB;"
          + " DuckDB memory:%s%n", round, shape, writeWall, writeCpu, closed, closedCpu, n / (writeWall + closed),
          n / (writeCpu + closedCpu), lookupsWall, lookups, Files.size(file) / 1e6, memory);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(Path.of(file + ".wal"));
    }
  }

  /** The chunk's rows of the four tables as CSV files, each loaded by DuckDB's own reader, then deleted. */
  static void copyChunk(Statement s, Path directory, List<String[]> chunk, String time, String hash, boolean twice,
      boolean noJson) throws Exception {
    StringBuilder interactions = new StringBuilder();
    StringBuilder metrics = new StringBuilder();
    StringBuilder versions = new StringBuilder();
    StringBuilder verdicts = new StringBuilder();
    for (String[] r : chunk) {
      String json = quoted(noJson ? "{}" : r[1]);
      interactions.append(r[0]).append(',').append(time).append(',').append(time)
          .append(",voice,80,70,true,agent-0001234567,Some Agent Name,queue-000123456,Queue Name Here,1,").append(hash);
      if (twice) {
        interactions.append(',').append(json);
      }
      interactions.append('\n');
      for (int m = 1; m <= 5; m++) {
        metrics.append(r[0]).append(',').append(m).append(",metric-000000").append(m).append(",Greeting metric ")
            .append(m).append(",10,0,YES,false\n");
      }
      versions.append(r[0]).append(",1,").append(time).append(',').append(hash).append(",new,").append(json).append('\n');
      verdicts.append(r[0]).append(",1,MATCH,\n");
    }
    String[][] tables = {{"interactions", interactions.toString()}, {"interaction_metrics", metrics.toString()},
        {"interaction_versions", versions.toString()}, {"verdicts", verdicts.toString()}};
    for (String[] table : tables) {
      Path csv = directory.resolve(table[0] + ".csv");
      Files.writeString(csv, table[1]);
      s.execute("COPY " + table[0] + " FROM '" + csv + "' (FORMAT csv, HEADER false, QUOTE '\"', ESCAPE '\"',"
          + " AUTO_DETECT false)");
      Files.delete(csv);
    }
  }

  /** A CSV field: quoted, its quotes doubled. */
  static String quoted(String value) {
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
