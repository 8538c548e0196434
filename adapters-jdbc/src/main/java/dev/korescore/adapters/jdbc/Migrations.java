package dev.korescore.adapters.jdbc;

import dev.korescore.core.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The numbered SQL migrations ({@code migrations/DIALECT/V1.sql}, {@code V2.sql}, ...), applied in order
 * on open, each in its own transaction with its row in {@code korescore_migrations}. A store whose
 * version is newer than this build's is refused; a reader refuses a store that needs an upgrade.
 */
final class Migrations {
  /** What each migration does, by number (index 0 is V1). */
  private static final List<String> DESCRIPTIONS = List.of(
      "interactions, interaction_metrics, interaction_versions, verdicts, sync_runs, sync_state",
      "DuckDB: interactions, interaction_versions, verdicts without primary-key indexes");

  private Migrations() {}

  /** Brings the store to {@link Schema#VERSION}; returns the version it is at. */
  static int migrate(Connection connection, Dialect dialect, StoreLocation location) throws SQLException {
    int current = currentVersion(connection, location);
    if (current < 0) {
      if (hasOtherTables(connection)) {
        throw new StoreException.Unavailable(location.toString(), location
            + " is a database that korescore did not create (it has tables but no korescore_migrations);"
            + " give a new file or an empty database", null);
      }
      execute(connection, "CREATE TABLE korescore_migrations (version INTEGER PRIMARY KEY, description "
          + (dialect == Dialect.DUCKDB ? "VARCHAR" : "TEXT") + " NOT NULL, applied_at TIMESTAMPTZ NOT NULL)");
      current = 0;
    }
    refuseNewer(current, location);
    for (int version = current + 1; version <= Schema.VERSION; version++) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        for (String sql : statements(dialect, version)) {
          execute(connection, sql);
        }
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO korescore_migrations VALUES (?, ?, ?)")) {
          insert.setInt(1, version);
          insert.setString(2, DESCRIPTIONS.get(version - 1));
          insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
          insert.executeUpdate();
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
    return Schema.VERSION;
  }

  /** Checks, without changing anything, that a reader can use the store. */
  static int check(Connection connection, StoreLocation location) throws SQLException {
    int current = currentVersion(connection, location);
    if (current < 0) {
      throw new StoreException.Unavailable(location.toString(),
          location + " is not a korescore store (no korescore_migrations table)", null);
    }
    refuseNewer(current, location);
    if (current < Schema.VERSION) {
      throw new StoreException.Incompatible(location.toString(), "the store " + location + " has schema version "
          + current + " and this korescore needs " + Schema.VERSION + "; run 'korescore sync' on it once to upgrade it");
    }
    return current;
  }

  private static void refuseNewer(int current, StoreLocation location) {
    if (current > Schema.VERSION) {
      throw new StoreException.Incompatible(location.toString(), "the store " + location
          + " was written by a newer korescore (schema version " + current + "; this one knows up to "
          + Schema.VERSION + "); use that version or a newer one");
    }
  }

  /** The highest applied migration, 0 for none, -1 when there is no migrations table. */
  private static int currentVersion(Connection connection, StoreLocation location) throws SQLException {
    if (!tableExists(connection, "korescore_migrations")) {
      return -1;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT coalesce(max(version), 0) FROM korescore_migrations")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static boolean tableExists(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet rs = meta.getTables(null, null, table, new String[] {"TABLE", "BASE TABLE"})) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        if (schema == null || schema.equals("main") || schema.equals("public")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasOtherTables(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE", "BASE TABLE"})) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        if (schema == null || schema.equals("main") || schema.equals("public")) {
          return true;
        }
      }
    }
    return false;
  }

  static List<String> statements(Dialect dialect, int version) {
    String resource = dialect.migrations() + "V" + version + ".sql";
    String sql;
    try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("migration " + resource + " is missing from the build");
      }
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration " + resource, e);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\n")) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.strip().endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements.stream().filter(s -> !s.toLowerCase(Locale.ROOT).isBlank()).toList();
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
