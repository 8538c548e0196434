/**
 * The versioned interaction store on plain JDBC (no ORM), in two dialects: DuckDB, the embedded default
 * (one file, written through the Appender into staging tables and merged with one {@code INSERT OR
 * REPLACE ... SELECT} per table), and PostgreSQL for teams (an advisory lock for the single writer,
 * {@code jsonb} for the raw record). Numbered SQL migrations are applied on open. Entry point: {@link
 * dev.korescore.adapters.jdbc.JdbcInteractionStoreAdapter}.
 */
package dev.korescore.adapters.jdbc;
