package dev.korescore.adapters.jdbc;

import dev.korescore.core.store.StoreException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

/** What differs between the two databases: connecting, the writer lock, staging, upserts, errors. */
enum Dialect {
  DUCKDB {
    @Override
    Connection connect(StoreLocation location, boolean writer) throws SQLException {
      if (!writer && !Files.isRegularFile(location.file())) {
        throw new StoreException.Unavailable(location.toString(),
            "no store at " + location + "; create one with 'korescore sync --store " + location + " --from DATE'", null);
      }
      if (writer && location.file().getParent() != null && !Files.isDirectory(location.file().getParent())) {
        throw new StoreException.Unavailable(location.toString(),
            "cannot create the store " + location + ": the directory " + location.file().getParent()
                + " does not exist", null);
      }
      Properties properties = new Properties();
      if (!writer) {
        properties.setProperty("duckdb.read_only", "true");
      }
      properties.setProperty("jdbc_stream_results", "true");
      try {
        Class.forName("org.duckdb.DuckDBDriver");
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("the DuckDB JDBC driver is not on the class path", e);
      }
      return DriverManager.getConnection(location.jdbcUrl(), properties);
    }

    /**
     * First a checkpoint: a writer that stopped half-way (killed, or a full disk) leaves its committed
     * windows in the write-ahead log, which DuckDB replays into memory on open; written to the file they can
     * leave memory, whereas under the writer's cap they could not (a store reopened after a full disk failed
     * its next commit: "failed to pin block", DuckDbStoreFaultsTest). Then the writer's memory cap.
     */
    @Override
    void configureWriter(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CHECKPOINT");
        statement.execute("SET memory_limit = '" + memoryLimit() + "'");
        statement.execute("SET checkpoint_threshold = '" + CHECKPOINT_THRESHOLD + "'");
      }
    }

    /**
     * DuckDB works on 2,048 rows at a time and holds such a batch of a record's JSON in memory it cannot
     * spill: records of 20 KB failed a commit under a 48 MB cap, 40 KB under 96 MB (bench/store/README.md,
     * fifth session). So the default cap grows, for the rest of this writer, to 2,048 of the largest record
     * and a half again, plus 16 MB; a cap the user set ({@link #MEMORY_LIMIT_PROPERTY}) is kept.
     */
    @Override
    long roomFor(Connection connection, long largestRecordChars, long cap) throws SQLException {
      long needed = VECTOR_ROWS * largestRecordChars * 3 / 2 + VECTOR_BASE;
      if (needed <= cap || memoryLimitSet()) {
        return cap;
      }
      long mebibytes = (needed + (1 << 20) - 1) >> 20;
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET memory_limit = '" + mebibytes + "MiB'");
      }
      return mebibytes << 20;
    }

    /**
     * The cap of a reader (the current versions, an export): {@link #MEMORY_LIMIT_PROPERTY}'s, else {@link
     * #READER_MEMORY_LIMIT}. They stream (see {@link #orderBy}), but DuckDB holds 2,048 records' JSON at a time
     * and a reader does not know the largest before it reads: 256 MB is room for records of about 40 KB (80 KB
     * records failed under it; bench/store/README.md, seventh session).
     */
    @Override
    void capReading(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET memory_limit = '" + readerMemoryLimit() + "'");
      }
    }

    /**
     * None: DuckDB sorts rows with their JSON in memory it cannot spill (`audit --store` of 200,000 peaked at
     * 850 MB, an export to Parquet at 1.5 GB; under a cap the sort failed), whereas a plain scan streams. The
     * rows come in the order they were stored, the same for the same store.
     */
    @Override
    String orderBy(String columns) {
      return "";
    }

    @Override
    void lockForWriting(Connection connection, StoreLocation location) {
      // DuckDB locks the file itself: a second writer's connect fails (translated to InUse).
    }

    @Override
    String createStage(String stage, String table) {
      return "CREATE TEMP TABLE " + stage + " AS SELECT * FROM " + table + " LIMIT 0";
    }

    /** Since schema version 2 the JSON is kept once, in interaction_versions; interactions is a view. */
    @Override
    String currentTable() {
      return "interactions_current";
    }

    @Override
    RowWriter rowWriter(Connection connection, String table, boolean temporary, List<Column> columns)
        throws SQLException {
      return RowWriter.duckdb(connection, table, temporary);
    }

    /** No primary-key index on DuckDB (migration V2): the rows with the stage's keys go, then the stage's come. */
    @Override
    List<String> upsert(String table, String stage, List<Column> columns, List<String> keys) {
      String same = keys.stream().map(k -> "s." + k + " = " + table + "." + k).collect(Collectors.joining(" AND "));
      return List.of("DELETE FROM " + table + " WHERE EXISTS (SELECT 1 FROM " + stage + " s WHERE " + same + ")",
          "INSERT INTO " + table + " SELECT * FROM " + stage);
    }

    @Override
    StoreException translate(StoreLocation location, boolean writer, String doing, SQLException e) {
      String message = String.valueOf(e.getMessage());
      String lower = message.toLowerCase(Locale.ROOT);
      String store = location.toString();
      if (lower.contains("could not set lock") || lower.contains("conflicting lock")) {
        String pid = pid(message);
        return new StoreException.InUse(store, "the store " + store + " is in use by another korescore process"
            + pid + "; one process may write to a store at a time: wait for it to finish, then rerun", e);
      }
      if (lower.contains("not a valid duckdb database") || lower.contains("unable to open database")
          && lower.contains("not a valid")) {
        return new StoreException.Unavailable(store, store + " is not a DuckDB database; give a new file name,"
            + " or a korescore store (.duckdb)", e);
      }
      if (lower.contains("version number") || lower.contains("newer version")
          || lower.contains("serialization") && lower.contains("version")) {
        return new StoreException.Incompatible(store, "the DuckDB file " + store
            + " was written by a different DuckDB version than this korescore reads: " + firstLine(message));
      }
      if (lower.contains("permission denied") || lower.contains("read-only file system")
          || lower.contains("cannot open file") || lower.contains("read only")) {
        return new StoreException.Unavailable(store, "cannot " + doing + " the store " + store + ": "
            + cause(message), e);
      }
      // "Invalid result set": what DuckDB's JDBC driver said twice when a sync outgrew the limit (schema
      // version 1's primary-key indexes grew past it: 64 MB at 200,000 interactions, 256 MB at 1,000,000)
      if (lower.contains("out of memory") || lower.contains("failed to pin block")
          || lower.contains("could not allocate") || lower.contains("invalid result set")) {
        String raise = "raise the limit, e.g. KORESCORE_JAVA_OPTS=-D" + MEMORY_LIMIT_PROPERTY + "=1GB";
        if (!writer) {
          return new StoreException.OutOfMemory(store, "cannot " + doing + " the store " + store
              + ": DuckDB ran out of memory (a reader's limit is " + readerMemoryLimit() + "; DuckDB holds 2,048"
              + " records at a time, and 256MB is room for records of about 40 KB): " + raise, e);
        }
        return new StoreException.OutOfMemory(store, "cannot " + doing + " the store " + store
            + ": DuckDB ran out of memory (its limit is " + memoryLimit() + "; past it DuckDB spills to " + store
            + ".tmp, which needs free disk space); nothing of this window was written: free disk space, or " + raise, e);
      }
      if (lower.contains("no space left") || lower.contains("disk full") || lower.contains("could not write")) {
        return new StoreException.Failed(store, "cannot " + doing + " the store " + store
            + ": the disk is full (nothing of this window was written; free space and rerun)", e);
      }
      return new StoreException.Failed(store, "cannot " + doing + " the store " + store + ": "
          + withoutErrorClass(firstLine(message)), e);
    }
  },

  POSTGRESQL {
    /** The advisory lock key: the bytes of "korescor" as a long. */
    private static final long LOCK_KEY = 0x6b6f726573636f72L;

    @Override
    Connection connect(StoreLocation location, boolean writer) throws SQLException {
      try {
        Class.forName("org.postgresql.Driver");
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("the PostgreSQL JDBC driver is not on the class path", e);
      }
      Connection connection = DriverManager.getConnection(location.jdbcUrl());
      if (!writer) {
        connection.setReadOnly(true);
      }
      return connection;
    }

    @Override
    void configureWriter(Connection connection) {
      // the server's own settings
    }

    @Override
    void lockForWriting(Connection connection, StoreLocation location) throws SQLException {
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw new StoreException.InUse(location.toString(), "the store " + location
              + " is in use by another korescore process (it holds the store's advisory lock); one process may"
              + " write to a store at a time: wait for it to finish, then rerun", null);
        }
      }
    }

    @Override
    String createStage(String stage, String table) {
      return "CREATE TEMP TABLE " + stage + " (LIKE " + table + ")";
    }

    @Override
    String currentTable() {
      return "interactions";
    }

    @Override
    RowWriter rowWriter(Connection connection, String table, boolean temporary, List<Column> columns)
        throws SQLException {
      return RowWriter.batched(connection, table, columns);
    }

    @Override
    List<String> upsert(String table, String stage, List<Column> columns, List<String> keys) {
      String updates = columns.stream()
          .filter(c -> !keys.contains(c.name()))
          .map(c -> c.name() + " = EXCLUDED." + c.name())
          .collect(Collectors.joining(", "));
      return List.of("INSERT INTO " + table + " SELECT * FROM " + stage + " ON CONFLICT (" + String.join(", ", keys)
          + ") DO UPDATE SET " + updates);
    }

    @Override
    StoreException translate(StoreLocation location, boolean writer, String doing, SQLException e) {
      String store = location.toString();
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      String message = StoreLocation.redact(firstLine(String.valueOf(e.getMessage())));
      if (state.startsWith("08")) {
        return new StoreException.Unavailable(store, "cannot connect to the store " + store + ": " + message, e);
      }
      if (state.equals("28P01") || state.equals("28000") || state.equals("3D000")) {
        return new StoreException.Unavailable(store, "cannot open the store " + store + ": " + message, e);
      }
      if (state.equals("53100")) {
        return new StoreException.Failed(store, "cannot " + doing + " the store " + store
            + ": the database's disk is full (nothing of this window was written)", e);
      }
      return new StoreException.Failed(store, "cannot " + doing + " the store " + store + ": " + message, e);
    }
  };

  /**
   * DuckDB's memory cap for the writer (its default is 80% of RAM): a window is staged in chunks, and
   * what does not fit spills to {@code STORE.tmp} beside the store. DuckDB fills the cap with the rows no
   * checkpoint has written yet ({@code duckdb_memory()}'s {@code IN_MEMORY_TABLE}: 480 MB of a 512 MB cap in a
   * sync of 200,000), so the cap is most of a sync's resident memory. Since schema version 2 the store has no
   * primary-key index, which DuckDB kept in memory whole and which grew with the store (about 330 bytes per
   * interaction: on version 1, 256 MB failed the seventh one-day window of a 1,000,000-interaction sync), so the
   * cap no longer has to grow with the store. 48 MB completed 1,000,000 interactions in one-day windows of
   * 142,857 with the same CPU time as 64 MB, and a sync's peak resident memory fell with the cap (200,000: 327
   * to 338 MiB at 128 MB, 277 to 281 at 64, 258 at 48; 1,000,000 at 48 MB: 279 MiB; bench/store/README.md,
   * fifth session). It grows for records over about 10 KB ({@link #roomFor}); {@link #MEMORY_LIMIT_PROPERTY}
   * sets it instead, kept as given.
   */
  static final String MEMORY_LIMIT = "48MB";

  /** DuckDB's memory cap for a reader ({@code audit --store}, {@code whatif --store}, {@code export}): see capReading. */
  static final String READER_MEMORY_LIMIT = "256MB";

  /**
   * The system property that sets the writer's {@code memory_limit} instead of {@link #MEMORY_LIMIT}, a DuckDB
   * size ({@code 512MB}, {@code 2GB}): for a sync that runs out of it (exit 5 says so), or one that may use
   * more memory to spill less.
   */
  static final String MEMORY_LIMIT_PROPERTY = "korescore.store.memoryLimit";

  private static final java.util.regex.Pattern SIZE =
      java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]i?B)?", java.util.regex.Pattern.CASE_INSENSITIVE);

  /** The writer's {@code memory_limit}: the test hook's, else {@link #MEMORY_LIMIT_PROPERTY}'s, else {@link #MEMORY_LIMIT}. */
  static String memoryLimit() {
    String limit = MEMORY_LIMIT_FOR_TESTS.get();
    if (limit != null) {
      return limit;
    }
    return memoryLimit(System.getProperty(MEMORY_LIMIT_PROPERTY));
  }

  /** A reader's {@code memory_limit}: the one set ({@link #MEMORY_LIMIT_PROPERTY} or the test hook), else {@link #READER_MEMORY_LIMIT}. */
  static String readerMemoryLimit() {
    return memoryLimitSet() ? memoryLimit() : READER_MEMORY_LIMIT;
  }

  /** Whether the writer's cap was set ({@link #MEMORY_LIMIT_PROPERTY} or the test hook), not the default. */
  static boolean memoryLimitSet() {
    String property = System.getProperty(MEMORY_LIMIT_PROPERTY);
    return MEMORY_LIMIT_FOR_TESTS.get() != null || property != null && !property.isBlank();
  }

  /** The {@code memory_limit} {@link #MEMORY_LIMIT_PROPERTY} set to {@code property} (null: not set) means. */
  static String memoryLimit(String property) {
    if (property == null || property.isBlank()) {
      return MEMORY_LIMIT;
    }
    if (!SIZE.matcher(property.strip()).matches()) {
      throw new IllegalArgumentException(MEMORY_LIMIT_PROPERTY + " must be a size such as 512MB or 2GB, was '"
          + property + "'");
    }
    return property.strip();
  }

  /**
   * A different {@code memory_limit} for writers opened on this thread (tests that make DuckDB run out of
   * memory for real); null for {@link #MEMORY_LIMIT}.
   */
  static final ThreadLocal<String> MEMORY_LIMIT_FOR_TESTS = new ThreadLocal<>();

  /**
   * The write-ahead log's size that makes DuckDB checkpoint (its default, 16 MB, checkpointed at nearly
   * every window's commit); the last checkpoint happens when the store is closed.
   */
  static final String CHECKPOINT_THRESHOLD = "256MB";

  abstract Connection connect(StoreLocation location, boolean writer) throws SQLException;

  /** The writer connection's settings, before the first window. */
  abstract void configureWriter(Connection connection) throws SQLException;

  /**
   * Caps the memory a reader's connection may use (set once, when a reader opens; a writer has its own cap,
   * {@link #configureWriter}). Nothing to do but on DuckDB.
   */
  void capReading(Connection connection) throws SQLException {
    // the server's own settings
  }

  /**
   * The {@code ORDER BY} of a reading of many rows ({@code ReadInteractionStorePort#current}, an export) by
   * {@code columns}: the server sorts, spilling to its own disk; DuckDB returns the rows as stored instead.
   */
  String orderBy(String columns) {
    return " ORDER BY " + columns;
  }

  /** Rows DuckDB works on at a time (its vector size). */
  static final long VECTOR_ROWS = 2048;
  /** What a writer needs besides a batch of records: 16 MB. */
  static final long VECTOR_BASE = 16L << 20;

  /**
   * Makes room under the writer's memory cap, {@code cap} bytes, for records of up to {@code largestRecordChars}
   * characters of JSON; returns the cap now. Nothing to do but on DuckDB.
   */
  long roomFor(Connection connection, long largestRecordChars, long cap) throws SQLException {
    return cap;
  }

  /** The bytes a DuckDB size such as {@code 48MB}, {@code 1.5GiB} or {@code 512} (bytes) means. */
  static long bytes(String size) {
    java.util.regex.Matcher m = SIZE.matcher(size.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size such as 512MB or 2GB: '" + size + "'");
    }
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(java.util.Locale.ROOT);
    double base = unit.contains("I") ? 1024 : 1000;
    int power = "BKMGT".indexOf(unit.charAt(0));
    return (long) (Double.parseDouble(m.group(1)) * Math.pow(base, power));
  }

  /** Makes this connection the store's only writer, or throws {@link StoreException.InUse}. */
  abstract void lockForWriting(Connection connection, StoreLocation location) throws SQLException;

  abstract String createStage(String stage, String table);

  /** The table the writer keeps the current rows in: {@code interactions} itself, or what its view reads. */
  abstract String currentTable();

  /**
   * Whether {@link #currentTable()} has {@code raw_json}: where it is {@code interactions} itself; else
   * {@code interactions} is a view that takes the JSON from the current version.
   */
  boolean currentHoldsRawJson() {
    return currentTable().equals("interactions");
  }

  /** The columns of {@link #currentTable()}, in order. */
  List<Column> currentColumns() {
    return currentHoldsRawJson() ? Schema.INTERACTIONS
        : Schema.INTERACTIONS.stream().filter(c -> !c.name().equals("raw_json")).toList();
  }

  /** Appends rows to {@code table}: a staging table ({@code temporary}) or one of the store's. */
  abstract RowWriter rowWriter(Connection connection, String table, boolean temporary, List<Column> columns)
      throws SQLException;

  /**
   * The statements that insert every row of {@code stage} into {@code table}, replacing the rows with the
   * same {@code keys}, in one transaction.
   */
  abstract List<String> upsert(String table, String stage, List<Column> columns, List<String> keys);

  /**
   * A failed {@code doing} ("open", "write to", "read") as a {@link StoreException} in the user's words;
   * {@code writer}: whether the connection is a writer's (whose memory cap and failures are a window's).
   */
  abstract StoreException translate(StoreLocation location, boolean writer, String doing, SQLException e);

  /** Where this dialect's migrations are, on the class path. */
  String migrations() {
    return "migrations/" + name().toLowerCase(Locale.ROOT) + "/";
  }

  static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message.strip() : message.substring(0, newline).strip();
  }

  /** DuckDB's message without its error-class prefix and without the file path repeated. */
  static String cause(String message) {
    String line = firstLine(message);
    int colon = line.lastIndexOf(": ");
    return colon < 0 ? line : line.substring(colon + 2);
  }

  /** DuckDB's line without the class of error it starts with ({@code Invalid Input Error: }, ...). */
  static String withoutErrorClass(String line) {
    return line.replaceFirst("^[A-Z][A-Za-z]*( [A-Z][A-Za-z]*)* Error: ", "");
  }

  static String pid(String message) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("PID (\\d+)").matcher(message);
    return m.find() ? " (PID " + m.group(1) + ")" : "";
  }
}
