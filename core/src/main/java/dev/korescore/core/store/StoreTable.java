package dev.korescore.core.store;

import java.util.Locale;

/** The store's public tables, as {@code export --table} names them. */
public enum StoreTable {
  INTERACTIONS,
  INTERACTION_METRICS,
  INTERACTION_VERSIONS,
  VERDICTS,
  SYNC_RUNS;

  /** The SQL table name: {@code interactions}, {@code interaction_metrics}, ... */
  public String sqlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The table called {@code name} (case-insensitive). */
  public static StoreTable parse(String name) {
    for (StoreTable table : values()) {
      if (table.sqlName().equalsIgnoreCase(name.strip())) {
        return table;
      }
    }
    throw new IllegalArgumentException("unknown table '" + name
        + "'; the tables are interactions, interaction_metrics, interaction_versions, verdicts, sync_runs");
  }
}
