-- V2: interactions, interaction_versions and verdicts without primary-key indexes (DuckDB only).
-- DuckDB keeps a primary key's index (an ART) in memory, whole: about 270 MB for three of them at
-- 1,000,000 conversations, more than a sync's memory budget, and inserting into it is most of a commit's
-- work (bench/store/README.md, fourth session). The keys stay keys: the single writer replaces a
-- conversation's current row (DELETE, then INSERT, in the window's transaction) and appends each
-- version once. DuckDB cannot drop a constraint, so each table is rebuilt, rows and column order kept.
CREATE TABLE interactions_v2 (
  conversation_id VARCHAR NOT NULL,
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
INSERT INTO interactions_v2 SELECT * FROM interactions;
DROP TABLE interactions;
ALTER TABLE interactions_v2 RENAME TO interactions;
CREATE TABLE interaction_versions_v2 (
  conversation_id VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  observed_at TIMESTAMPTZ NOT NULL,
  content_hash VARCHAR NOT NULL,
  kore_score INTEGER,
  is_passed BOOLEAN,
  change VARCHAR NOT NULL,
  changed_answers VARCHAR NOT NULL,
  run_id BIGINT NOT NULL,
  raw_json JSON NOT NULL
);
INSERT INTO interaction_versions_v2 SELECT * FROM interaction_versions;
DROP TABLE interaction_versions;
ALTER TABLE interaction_versions_v2 RENAME TO interaction_versions;
CREATE TABLE verdicts_v2 (
  conversation_id VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  verdict VARCHAR NOT NULL,
  computed_score DECIMAL(18, 6),
  computed_passed BOOLEAN,
  reasons VARCHAR NOT NULL,
  policy VARCHAR NOT NULL
);
INSERT INTO verdicts_v2 SELECT * FROM verdicts;
DROP TABLE verdicts;
ALTER TABLE verdicts_v2 RENAME TO verdicts;
