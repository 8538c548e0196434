package dev.korescore.adapters.jdbc;

import static dev.korescore.adapters.jdbc.Column.Kind.BIGINT;
import static dev.korescore.adapters.jdbc.Column.Kind.BOOL;
import static dev.korescore.adapters.jdbc.Column.Kind.DECIMAL;
import static dev.korescore.adapters.jdbc.Column.Kind.INT;
import static dev.korescore.adapters.jdbc.Column.Kind.JSON;
import static dev.korescore.adapters.jdbc.Column.Kind.TEXT;
import static dev.korescore.adapters.jdbc.Column.Kind.TIMESTAMP;

import dev.korescore.core.store.StoreTable;
import java.util.List;
import java.util.Map;

/**
 * The store's public tables, column by column in their documented order: the one place the column order
 * lives (the migrations create them in this order; a test checks that they agree; export writes it).
 */
final class Schema {
  /** The newest schema version this build knows (the highest migration). */
  static final int VERSION = 2;

  static final List<Column> INTERACTIONS = List.of(
      Column.of("conversation_id", TEXT),
      Column.of("start_time", TIMESTAMP),
      Column.of("end_time", TIMESTAMP),
      Column.of("channel", TEXT),
      Column.of("kore_score", INT),
      Column.of("pass_score", INT),
      Column.of("is_passed", BOOL),
      Column.of("duration_status", TEXT),
      Column.of("evaluation_form", TEXT),
      Column.of("agent_id", TEXT),
      Column.of("agent_name", TEXT),
      Column.of("queue_id", TEXT),
      Column.of("queue_name", TEXT),
      Column.of("version", INT),
      Column.of("content_hash", TEXT),
      Column.of("first_seen_at", TIMESTAMP),
      Column.of("last_changed_at", TIMESTAMP),
      Column.of("raw_json", JSON));

  static final List<Column> INTERACTION_METRICS = List.of(
      Column.of("conversation_id", TEXT),
      Column.of("position", INT),
      Column.of("metric_id", TEXT),
      Column.of("name", TEXT),
      Column.of("weight", BIGINT),
      Column.of("negative_weight", BIGINT),
      Column.of("qualification", TEXT),
      Column.of("fatal", BOOL));

  static final List<Column> INTERACTION_VERSIONS = List.of(
      Column.of("conversation_id", TEXT),
      Column.of("version", INT),
      Column.of("observed_at", TIMESTAMP),
      Column.of("content_hash", TEXT),
      Column.of("kore_score", INT),
      Column.of("is_passed", BOOL),
      Column.of("change", TEXT),
      Column.of("changed_answers", TEXT),
      Column.of("run_id", BIGINT),
      Column.of("raw_json", JSON));

  static final List<Column> VERDICTS = List.of(
      Column.of("conversation_id", TEXT),
      Column.of("version", INT),
      Column.of("verdict", TEXT),
      Column.of("computed_score", DECIMAL),
      Column.of("computed_passed", BOOL),
      Column.of("reasons", TEXT),
      Column.of("policy", TEXT));

  static final List<Column> SYNC_RUNS = List.of(
      Column.of("run_id", BIGINT),
      Column.of("window_start", TIMESTAMP),
      Column.of("window_end", TIMESTAMP),
      Column.of("source", TEXT),
      Column.of("run_started_at", TIMESTAMP),
      Column.of("committed_at", TIMESTAMP),
      Column.of("total_reported", BIGINT),
      Column.of("received", BIGINT),
      Column.of("duplicates_dropped", BIGINT),
      Column.of("pages", INT),
      Column.of("complete", BOOL),
      Column.of("new_count", BIGINT),
      Column.of("rescored_count", BIGINT),
      Column.of("audit_added_count", BIGINT),
      Column.of("answers_changed_count", BIGINT),
      Column.of("other_changed_count", BIGINT),
      Column.of("unchanged_count", BIGINT),
      Column.of("notes", TEXT));

  private static final Map<StoreTable, List<Column>> TABLES = Map.of(
      StoreTable.INTERACTIONS, INTERACTIONS,
      StoreTable.INTERACTION_METRICS, INTERACTION_METRICS,
      StoreTable.INTERACTION_VERSIONS, INTERACTION_VERSIONS,
      StoreTable.VERDICTS, VERDICTS,
      StoreTable.SYNC_RUNS, SYNC_RUNS);

  private Schema() {}

  static List<Column> columns(StoreTable table) {
    return TABLES.get(table);
  }

  /** {@code a, b, c}. */
  static String names(List<Column> columns) {
    return String.join(", ", columns.stream().map(Column::name).toList());
  }
}
