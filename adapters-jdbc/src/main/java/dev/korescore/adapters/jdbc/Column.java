package dev.korescore.adapters.jdbc;

import static java.util.Objects.requireNonNull;

/** One column of a store table: its name and kind (the SQL type differs by dialect). */
record Column(String name, Kind kind) {
  enum Kind {
    TEXT,
    INT,
    BIGINT,
    BOOL,
    TIMESTAMP,
    DECIMAL,
    JSON
  }

  Column {
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
  }

  static Column of(String name, Kind kind) {
    return new Column(name, kind);
  }
}
