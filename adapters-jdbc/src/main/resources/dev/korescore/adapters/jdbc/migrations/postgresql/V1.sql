-- V1: the store's tables (PostgreSQL). Column order is the documented one (Schema.java, README).
CREATE TABLE interactions (
  conversation_id TEXT PRIMARY KEY,
  start_time TIMESTAMPTZ,
  end_time TIMESTAMPTZ,
  channel TEXT,
  kore_score INTEGER,
  pass_score INTEGER,
  is_passed BOOLEAN,
  duration_status TEXT,
  evaluation_form TEXT,
  agent_id TEXT,
  agent_name TEXT,
  queue_id TEXT,
  queue_name TEXT,
  version INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  first_seen_at TIMESTAMPTZ NOT NULL,
  last_changed_at TIMESTAMPTZ NOT NULL,
  raw_json JSONB NOT NULL
);
CREATE TABLE interaction_metrics (
  conversation_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  metric_id TEXT,
  name TEXT NOT NULL,
  weight BIGINT NOT NULL,
  negative_weight BIGINT NOT NULL,
  qualification TEXT NOT NULL,
  fatal BOOLEAN NOT NULL
);
CREATE TABLE interaction_versions (
  conversation_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  observed_at TIMESTAMPTZ NOT NULL,
  content_hash TEXT NOT NULL,
  kore_score INTEGER,
  is_passed BOOLEAN,
  change TEXT NOT NULL,
  changed_answers TEXT NOT NULL,
  run_id BIGINT NOT NULL,
  raw_json JSONB NOT NULL,
  PRIMARY KEY (conversation_id, version)
);
CREATE TABLE verdicts (
  conversation_id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  verdict TEXT NOT NULL,
  computed_score NUMERIC(18, 6),
  computed_passed BOOLEAN,
  reasons TEXT NOT NULL,
  policy TEXT NOT NULL
);
CREATE TABLE sync_runs (
  run_id BIGINT NOT NULL,
  window_start TIMESTAMPTZ NOT NULL,
  window_end TIMESTAMPTZ NOT NULL,
  source TEXT NOT NULL,
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
  notes TEXT NOT NULL,
  PRIMARY KEY (run_id, window_start)
);
CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  high_water_mark TIMESTAMPTZ NOT NULL
);
CREATE INDEX interaction_metrics_by_conversation ON interaction_metrics (conversation_id);
CREATE INDEX interactions_by_start_time ON interactions (start_time);
