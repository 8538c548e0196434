package dev.korescore.adapters.jdbc;

import dev.korescore.core.store.ExportFormat;
import dev.korescore.core.store.StoreTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Writes one table to a file: JSON Lines and CSV by our own writer (column order as documented,
 * {@code schema_version} first, spreadsheet formulas defused), Parquet by DuckDB's {@code COPY ... (FORMAT
 * parquet)} (from a PostgreSQL store, through an in-memory DuckDB). The file appears only when complete.
 */
final class TableExport {
  /**
   * DuckDB's Parquet options: row groups of about 16 MB, since DuckDB holds a row group per thread while it
   * writes, and its default (122,880 rows) is about 240 MB of Kore's records, past a reader's cap.
   */
  private static final String PARQUET = " (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE_BYTES '16MB')";
  /** Characters of text and JSON an in-memory DuckDB holds before they go to a part file (PostgreSQL to Parquet). */
  private static final long PART_CHARS = 32L << 20;
  /** What a row's numbers, times and flags count for beside its text, in characters, toward {@link #PART_CHARS}. */
  private static final long ROW_OVERHEAD_CHARS = 64;

  private final Connection connection;
  private final Dialect dialect;
  private final int schemaVersion;

  TableExport(Connection connection, Dialect dialect, int schemaVersion) {
    this.connection = connection;
    this.dialect = dialect;
    this.schemaVersion = schemaVersion;
  }

  long export(StoreTable table, ExportFormat format, Optional<Instant> since, Path out) throws SQLException {
    Path target = out.toAbsolutePath().normalize();
    Path temporary = target.resolveSibling("." + target.getFileName() + ".partial");
    try {
      Files.deleteIfExists(temporary);
      long rows;
      if (format == ExportFormat.PARQUET && dialect == Dialect.DUCKDB) {
        rows = copyToParquet(connection, select(table, since, true), temporary, false);
      } else if (format == ExportFormat.PARQUET) {
        rows = parquetThroughDuckdb(table, since, temporary);
      } else {
        rows = writeText(table, format, since, temporary);
      }
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return rows;
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    } catch (SQLException | RuntimeException e) {
      deleteQuietly(temporary);
      throw e;
    }
  }

  /** The query, {@code schema_version} first; with {@code inline}, the time bound is a literal (for COPY). */
  private String select(StoreTable table, Optional<Instant> since, boolean inline) {
    List<Column> columns = Schema.columns(table);
    String bound = since.map(s -> inline ? "CAST('" + s + "' AS TIMESTAMPTZ)" : "?").orElse(null);
    String where;
    String order;
    switch (table) {
      case INTERACTIONS -> {
        where = bound == null ? "" : " WHERE last_changed_at >= " + bound;
        order = "conversation_id";
      }
      case INTERACTION_METRICS -> {
        where = bound == null ? "" : " WHERE conversation_id IN (SELECT conversation_id FROM interactions"
            + " WHERE last_changed_at >= " + bound + ")";
        order = "conversation_id, position";
      }
      case INTERACTION_VERSIONS -> {
        where = bound == null ? "" : " WHERE observed_at >= " + bound;
        order = "conversation_id, version";
      }
      case VERDICTS -> {
        where = bound == null ? "" : " WHERE conversation_id IN (SELECT conversation_id FROM interactions"
            + " WHERE last_changed_at >= " + bound + ")";
        order = "conversation_id";
      }
      case SYNC_RUNS -> {
        where = bound == null ? "" : " WHERE committed_at >= " + bound;
        order = "run_id, window_start";
      }
      default -> throw new IllegalArgumentException("unknown table " + table);
    }
    return "SELECT " + schemaVersion + " AS schema_version, " + Schema.names(columns) + " FROM " + table.sqlName()
        + where + dialect.orderBy(order);
  }

  /**
   * DuckDB's {@code COPY} of {@code select} to a Parquet {@code file}. Unless {@code ordered}, DuckDB may write
   * the rows in any order: a thread then need not hold its row group until the one before it is written, and a
   * store's records of 40 KB fit a reader's cap of 256 MB (in their order they did not: bench/store/README.md,
   * seventh session; DuckDbStoreFaultsTest exports such records).
   */
  private static long copyToParquet(Connection duckdb, String select, Path file, boolean ordered) throws SQLException {
    try (Statement statement = duckdb.createStatement()) {
      if (ordered) {
        statement.execute("COPY (" + select + ") TO " + literal(file) + PARQUET);
      } else {
        statement.execute("SET preserve_insertion_order = false");
        SQLException failed = null;
        try {
          statement.execute("COPY (" + select + ") TO " + literal(file) + PARQUET);
        } catch (SQLException e) {
          failed = e;
        }
        try (Statement reset = duckdb.createStatement()) { // DuckDB closes a statement that failed
          reset.execute("RESET preserve_insertion_order");
        } catch (SQLException e) {
          if (failed == null) {
            throw e;
          }
          failed.addSuppressed(e);
        }
        if (failed != null) {
          throw failed;
        }
      }
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM read_parquet(" + literal(file) + ")")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * From PostgreSQL: the rows, in order, go to an in-memory DuckDB under a reader's cap, {@link #PART_CHARS}
   * of text at a time; each such part is written to a Parquet file beside the target, and DuckDB joins the
   * parts into the target in their order (reading them streams). So memory holds one part, not the table.
   * The parts are deleted whatever happens.
   */
  private long parquetThroughDuckdb(StoreTable table, Optional<Instant> since, Path file)
      throws SQLException, IOException {
    List<Column> columns = Schema.columns(table);
    StringBuilder ddl = new StringBuilder("CREATE TEMP TABLE export (schema_version INTEGER");
    for (Column column : columns) {
      ddl.append(", ").append(column.name()).append(' ').append(duckdbType(column.kind()));
    }
    String create = ddl.append(')').toString();
    Path parts = file.resolveSibling(file.getFileName() + ".parts");
    boolean autoCommit = connection.getAutoCommit();
    if (autoCommit) {
      connection.setAutoCommit(false); // PostgreSQL's driver honours the fetch size only in a transaction
    }
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
      Dialect.DUCKDB.capReading(duckdb);
      try (Statement statement = duckdb.createStatement()) {
        statement.execute("SET threads = 1"); // in order, one row group at a time; PostgreSQL is the slower side
        statement.execute(create);
      }
      Files.createDirectories(parts);
      List<Path> written = new ArrayList<>();
      try (PreparedStatement query = prepare(table, since); ResultSet rs = query.executeQuery()) {
        long chars = 0;
        RowWriter rows = RowWriter.duckdb(duckdb, "export", true);
        try {
          while (rs.next()) {
            chars += appendRow(rs, columns, rows);
            if (chars >= PART_CHARS) {
              rows.close();
              written.add(flushPart(duckdb, create, parts, written.size()));
              rows = RowWriter.duckdb(duckdb, "export", true);
              chars = 0;
            }
          }
        } finally {
          rows.close();
        }
      }
      if (written.isEmpty()) {
        return copyToParquet(duckdb, "SELECT * FROM export", file, true);
      }
      written.add(flushPart(duckdb, create, parts, written.size()));
      return copyToParquet(duckdb, "SELECT * FROM read_parquet(["
          + String.join(", ", written.stream().map(TableExport::literal).toList()) + "])", file, true);
    } finally {
      deleteTree(parts);
      if (autoCommit) {
        connection.setAutoCommit(true); // as writeText: ends the reading transaction
      }
    }
  }

  /** Appends the result's current row to {@code rows}; returns the characters of its text and JSON. */
  private static long appendRow(ResultSet rs, List<Column> columns, RowWriter rows) throws SQLException {
    long chars = 0;
    rows.integer(rs.getInt(1));
    for (int i = 0; i < columns.size(); i++) {
      int index = i + 2;
      switch (columns.get(i).kind()) {
        case TEXT -> {
          String v = rs.getString(index);
          chars += v == null ? 0 : v.length();
          rows.text(v);
        }
        case JSON -> {
          String v = rs.getString(index);
          chars += v == null ? 0 : v.length();
          rows.json(v);
        }
        case INT -> {
          int v = rs.getInt(index);
          rows.integer(rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(v));
        }
        case BIGINT -> rows.bigint(JdbcInteractionStoreAdapter.optionalLong(rs, index));
        case BOOL -> {
          boolean v = rs.getBoolean(index);
          rows.bool(rs.wasNull() ? Optional.empty() : Optional.of(v));
        }
        case TIMESTAMP -> rows.timestamp(JdbcInteractionStoreAdapter.instant(rs, index));
        case DECIMAL -> rows.decimal(Optional.ofNullable(rs.getBigDecimal(index)));
        default -> throw new IllegalStateException("unknown column kind " + columns.get(i).kind());
      }
    }
    rows.endRow();
    return chars + ROW_OVERHEAD_CHARS;
  }

  /** Writes the rows held so far to the next part file and empties the table for the next part. */
  private static Path flushPart(Connection duckdb, String create, Path parts, int number) throws SQLException {
    Path part = parts.resolve(String.format("part-%06d.parquet", number));
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("COPY (SELECT * FROM export) TO " + literal(part) + PARQUET);
      statement.execute("DROP TABLE export");
      statement.execute(create);
    }
    return part;
  }

  private static String literal(Path file) {
    return "'" + file.toString().replace("'", "''") + "'";
  }

  private static void deleteTree(Path directory) {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> files = Files.list(directory)) {
      files.forEach(TableExport::deleteQuietly);
    } catch (IOException ignored) {
      // best effort, like the partial file's
    }
    deleteQuietly(directory);
  }

  private static String duckdbType(Column.Kind kind) {
    return switch (kind) {
      case TEXT -> "VARCHAR";
      case JSON -> "JSON";
      case INT -> "INTEGER";
      case BIGINT -> "BIGINT";
      case BOOL -> "BOOLEAN";
      case TIMESTAMP -> "TIMESTAMPTZ";
      case DECIMAL -> "DECIMAL(18, 6)";
    };
  }

  private PreparedStatement prepare(StoreTable table, Optional<Instant> since) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(select(table, since, false));
    if (dialect == Dialect.POSTGRESQL) {
      statement.setFetchSize(1000);
    }
    if (since.isPresent()) {
      statement.setObject(1, JdbcInteractionStoreAdapter.utc(since.get()));
    }
    return statement;
  }

  private long writeText(StoreTable table, ExportFormat format, Optional<Instant> since, Path file)
      throws SQLException, IOException {
    List<Column> columns = Schema.columns(table);
    long rows = 0;
    boolean autoCommit = connection.getAutoCommit();
    if (dialect == Dialect.POSTGRESQL && autoCommit) {
      connection.setAutoCommit(false);
    }
    try (PreparedStatement query = prepare(table, since);
        ResultSet rs = query.executeQuery();
        Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      if (format == ExportFormat.CSV) {
        out.write("schema_version");
        for (Column column : columns) {
          out.write(',');
          out.write(column.name());
        }
        out.write("\r\n");
      }
      while (rs.next()) {
        if (format == ExportFormat.CSV) {
          csvRow(rs, columns, out);
        } else {
          jsonRow(rs, columns, out);
        }
        rows++;
      }
    } finally {
      if (dialect == Dialect.POSTGRESQL && autoCommit) {
        connection.setAutoCommit(true);
      }
    }
    return rows;
  }

  private static void jsonRow(ResultSet rs, List<Column> columns, Writer out) throws SQLException, IOException {
    out.write("{\"schema_version\":");
    out.write(Integer.toString(rs.getInt(1)));
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      out.write(",\"");
      out.write(column.name());
      out.write("\":");
      Optional<String> value = value(rs, i + 2, column.kind());
      if (value.isEmpty()) {
        out.write("null");
      } else if (column.kind() == Column.Kind.TEXT || column.kind() == Column.Kind.TIMESTAMP) {
        JsonText.writeString(value.get(), out);
      } else if (column.kind() == Column.Kind.JSON) {
        out.write(JsonText.oneLine(value.get()));
      } else {
        out.write(value.get());
      }
    }
    out.write("}\n");
  }

  private static void csvRow(ResultSet rs, List<Column> columns, Writer out) throws SQLException, IOException {
    out.write(Integer.toString(rs.getInt(1)));
    for (int i = 0; i < columns.size(); i++) {
      out.write(',');
      Column column = columns.get(i);
      Optional<String> value = value(rs, i + 2, column.kind());
      if (value.isPresent()) {
        boolean text = column.kind() == Column.Kind.TEXT || column.kind() == Column.Kind.JSON;
        out.write(CsvText.cell(value.get(), text));
      }
    }
    out.write("\r\n");
  }

  /** The cell's text: numbers plain, booleans {@code true}/{@code false}, times ISO-8601 UTC. */
  private static Optional<String> value(ResultSet rs, int index, Column.Kind kind) throws SQLException {
    switch (kind) {
      case INT, BIGINT -> {
        OptionalLong v = JdbcInteractionStoreAdapter.optionalLong(rs, index);
        return v.isPresent() ? Optional.of(Long.toString(v.getAsLong())) : Optional.empty();
      }
      case BOOL -> {
        boolean v = rs.getBoolean(index);
        return rs.wasNull() ? Optional.empty() : Optional.of(Boolean.toString(v));
      }
      case TIMESTAMP -> {
        return JdbcInteractionStoreAdapter.instant(rs, index).map(Instant::toString);
      }
      case DECIMAL -> {
        BigDecimal v = rs.getBigDecimal(index);
        return v == null ? Optional.empty() : Optional.of(v.stripTrailingZeros().toPlainString());
      }
      default -> {
        return Optional.ofNullable(rs.getString(index));
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the export's own failure is what the user needs
    }
  }
}
