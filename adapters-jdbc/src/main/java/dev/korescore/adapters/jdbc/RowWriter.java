package dev.korescore.adapters.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Appends rows to one table (a staging table or one of the store's), value by value in the table's column order: DuckDB's Appender
 * (batched {@code PreparedStatement}s are hundreds of times slower there), or a batched insert on
 * PostgreSQL. {@link #close()} flushes.
 */
abstract class RowWriter implements AutoCloseable {
  abstract void text(String value) throws SQLException;

  abstract void integer(OptionalInt value) throws SQLException;

  abstract void bigint(OptionalLong value) throws SQLException;

  abstract void bool(Optional<Boolean> value) throws SQLException;

  abstract void timestamp(Optional<Instant> value) throws SQLException;

  abstract void decimal(Optional<BigDecimal> value) throws SQLException;

  abstract void json(String value) throws SQLException;

  abstract void endRow() throws SQLException;

  @Override
  public abstract void close() throws SQLException;

  void optionalText(Optional<String> value) throws SQLException {
    text(value.orElse(null));
  }

  void bigint(long value) throws SQLException {
    bigint(OptionalLong.of(value));
  }

  void integer(int value) throws SQLException {
    integer(OptionalInt.of(value));
  }

  void bool(boolean value) throws SQLException {
    bool(Optional.of(value));
  }

  void timestamp(Instant value) throws SQLException {
    timestamp(Optional.of(value));
  }

  static BigDecimal scaled(BigDecimal value) {
    return value.setScale(6, RoundingMode.DOWN);
  }

  static RowWriter duckdb(Connection connection, String table, boolean temporary) throws SQLException {
    DuckDBConnection duckdb = connection.unwrap(DuckDBConnection.class);
    return new Appending(temporary ? duckdb.createAppender("temp", "main", table)
        : duckdb.createAppender("main", table));
  }

  static RowWriter batched(Connection connection, String table, List<Column> columns) throws SQLException {
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" VALUES (");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(columns.get(i).kind() == Column.Kind.JSON ? "CAST(? AS jsonb)" : "?");
    }
    return new Batched(connection.prepareStatement(sql.append(')').toString()));
  }

  /** DuckDB's Appender. */
  private static final class Appending extends RowWriter {
    private final DuckDBAppender appender;
    private boolean inRow;

    Appending(DuckDBAppender appender) {
      this.appender = appender;
    }

    private DuckDBAppender row() throws SQLException {
      if (!inRow) {
        appender.beginRow();
        inRow = true;
      }
      return appender;
    }

    @Override
    void text(String value) throws SQLException {
      if (value == null) {
        row().appendNull();
      } else {
        row().append(value);
      }
    }

    @Override
    void integer(OptionalInt value) throws SQLException {
      if (value.isPresent()) {
        row().append(value.getAsInt());
      } else {
        row().appendNull();
      }
    }

    @Override
    void bigint(OptionalLong value) throws SQLException {
      if (value.isPresent()) {
        row().append(value.getAsLong());
      } else {
        row().appendNull();
      }
    }

    @Override
    void bool(Optional<Boolean> value) throws SQLException {
      if (value.isPresent()) {
        row().append(value.get().booleanValue());
      } else {
        row().appendNull();
      }
    }

    @Override
    void timestamp(Optional<Instant> value) throws SQLException {
      if (value.isPresent()) {
        row().append(OffsetDateTime.ofInstant(value.get(), ZoneOffset.UTC));
      } else {
        row().appendNull();
      }
    }

    @Override
    void decimal(Optional<BigDecimal> value) throws SQLException {
      if (value.isPresent()) {
        row().append(scaled(value.get()));
      } else {
        row().appendNull();
      }
    }

    @Override
    void json(String value) throws SQLException {
      row().append(value);
    }

    @Override
    void endRow() throws SQLException {
      row().endRow();
      inRow = false;
    }

    @Override
    public void close() throws SQLException {
      appender.close();
    }
  }

  /** A batched {@code INSERT} (PostgreSQL). */
  private static final class Batched extends RowWriter {
    private static final int BATCH = 1000;
    private final PreparedStatement statement;
    private int parameter = 1;
    private int rows;

    Batched(PreparedStatement statement) {
      this.statement = statement;
    }

    @Override
    void text(String value) throws SQLException {
      statement.setString(parameter++, value);
    }

    @Override
    void integer(OptionalInt value) throws SQLException {
      if (value.isPresent()) {
        statement.setInt(parameter++, value.getAsInt());
      } else {
        statement.setNull(parameter++, Types.INTEGER);
      }
    }

    @Override
    void bigint(OptionalLong value) throws SQLException {
      if (value.isPresent()) {
        statement.setLong(parameter++, value.getAsLong());
      } else {
        statement.setNull(parameter++, Types.BIGINT);
      }
    }

    @Override
    void bool(Optional<Boolean> value) throws SQLException {
      if (value.isPresent()) {
        statement.setBoolean(parameter++, value.get());
      } else {
        statement.setNull(parameter++, Types.BOOLEAN);
      }
    }

    @Override
    void timestamp(Optional<Instant> value) throws SQLException {
      if (value.isPresent()) {
        statement.setObject(parameter++, OffsetDateTime.ofInstant(value.get(), ZoneOffset.UTC));
      } else {
        statement.setNull(parameter++, Types.TIMESTAMP_WITH_TIMEZONE);
      }
    }

    @Override
    void decimal(Optional<BigDecimal> value) throws SQLException {
      if (value.isPresent()) {
        statement.setBigDecimal(parameter++, scaled(value.get()));
      } else {
        statement.setNull(parameter++, Types.NUMERIC);
      }
    }

    @Override
    void json(String value) throws SQLException {
      statement.setString(parameter++, value);
    }

    @Override
    void endRow() throws SQLException {
      statement.addBatch();
      parameter = 1;
      if (++rows % BATCH == 0) {
        statement.executeBatch();
      }
    }

    @Override
    public void close() throws SQLException {
      try (statement) {
        if (rows % BATCH != 0) {
          statement.executeBatch();
        }
      }
    }
  }

}
