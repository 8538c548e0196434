-- V1: the store's tables (DuckDB). Column order is the documented one (Schema.java, README).
CREATE TABLE interactions (
  conversation_id VARCHAR PRIMARY KEY,
  start_time TIMESTAMPTZ,
  end_time TIMESTAMPTZ,
  channel VARCHAR,
  kore_score INTEGER,
  pass_score INTEGER,
  is_passed BOOLEAN,
  duration_status VARCHAR,
  evaluation_form VARCHAR,
  agent_id VARCHAR,
  agent_name VARCHAR,
  queue_id VARCHAR,
  queue_name VARCHAR,
  version INTEGER NOT NULL,
  content_hash VARCHAR NOT NULL,
  first_seen_at TIMESTAMPTZ NOT NULL,
  last_changed_at TIMESTAMPTZ NOT NULL,
  raw_json JSON NOT NULL
);
CREATE TABLE interaction_metrics (
  conversation_id VARCHAR NOT NULL,
  position INTEGER NOT NULL,
  metric_id VARCHAR,
  name VARCHAR NOT NULL,
  weight BIGINT NOT NULL,
  negative_weight BIGINT NOT NULL,
  qualification VARCHAR NOT NULL,
  fatal BOOLEAN NOT NULL
);
CREATE TABLE interaction_versions (
  conversation_id VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  observed_at TIMESTAMPTZ NOT NULL,
  content_hash VARCHAR NOT NULL,
  kore_score INTEGER,
  is_passed BOOLEAN,
  change VARCHAR NOT NULL,
  changed_answers VARCHAR NOT NULL,
  run_id BIGINT NOT NULL,
  raw_json JSON NOT NULL,
  PRIMARY KEY (conversation_id, version)
);
CREATE TABLE verdicts (
  conversation_id VARCHAR PRIMARY KEY,
  version INTEGER NOT NULL,
  verdict VARCHAR NOT NULL,
  computed_score DECIMAL(18, 6),
  computed_passed BOOLEAN,
  reasons VARCHAR NOT NULL,
  policy VARCHAR NOT NULL
);
CREATE TABLE sync_runs (
  run_id BIGINT NOT NULL,
  window_start TIMESTAMPTZ NOT NULL,
  window_end TIMESTAMPTZ NOT NULL,
  source VARCHAR NOT NULL,
  run_started_at TIMESTAMPTZ NOT NULL,
  committed_at TIMESTAMPTZ NOT NULL,
  total_reported BIGINT,
  received BIGINT NOT NULL,
  duplicates_dropped BIGINT NOT NULL,
  pages INTEGER NOT NULL,
  complete BOOLEAN NOT NULL,
  new_count BIGINT NOT NULL,
  rescored_count BIGINT NOT NULL,
  audit_added_count BIGINT NOT NULL,
  answers_changed_count BIGINT NOT NULL,
  other_changed_count BIGINT NOT NULL,
  unchanged_count BIGINT NOT NULL,
  notes VARCHAR NOT NULL,
  PRIMARY KEY (run_id, window_start)
);
CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  high_water_mark TIMESTAMPTZ NOT NULL
);
