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
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Writes one table to a file: JSON Lines and CSV by our own writer (column order as documented,
 * {@code schema_version} first, spreadsheet formulas defused), Parquet by DuckDB's {@code COPY ... (FORMAT
 * parquet)} (from a PostgreSQL store, through an in-memory DuckDB). The file appears only when complete.
 */
final class TableExport {
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
        rows = copyToParquet(connection, select(table, since, true), temporary);
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
        + where + " ORDER BY " + order;
  }

  private static long copyToParquet(Connection duckdb, String select, Path file) throws SQLException {
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("COPY (" + select + ") TO '" + file.toString().replace("'", "''")
          + "' (FORMAT parquet, COMPRESSION zstd)");
      try (ResultSet rs = statement.executeQuery(
          "SELECT count(*) FROM read_parquet('" + file.toString().replace("'", "''") + "')")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long parquetThroughDuckdb(StoreTable table, Optional<Instant> since, Path file) throws SQLException {
    List<Column> columns = Schema.columns(table);
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
      StringBuilder ddl = new StringBuilder("CREATE TEMP TABLE export (schema_version INTEGER");
      for (Column column : columns) {
        ddl.append(", ").append(column.name()).append(' ').append(duckdbType(column.kind()));
      }
      try (Statement statement = duckdb.createStatement()) {
        statement.execute(ddl.append(')').toString());
      }
      try (PreparedStatement query = prepare(table, since);
          ResultSet rs = query.executeQuery();
          RowWriter rows = RowWriter.duckdb(duckdb, "export", true)) {
        while (rs.next()) {
          rows.integer(rs.getInt(1));
          for (int i = 0; i < columns.size(); i++) {
            int index = i + 2;
            switch (columns.get(i).kind()) {
              case TEXT -> rows.text(rs.getString(index));
              case JSON -> rows.json(rs.getString(index));
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
        }
      }
      return copyToParquet(duckdb, "SELECT * FROM export", file);
    }
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
