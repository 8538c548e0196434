-- V2 (DuckDB only): no primary-key indexes on the per-conversation tables, and the raw JSON kept once.
-- DuckDB keeps a primary key's index (an ART) in memory, whole: about 270 MB for three of them at
-- 1,000,000 conversations, more than a sync's memory budget, and inserting into it is much of a commit's
-- work; the current version's raw JSON was written twice (interactions and interaction_versions), half
-- of the store's bytes (bench/store/README.md, fourth session). The keys stay keys: the single writer
-- replaces a conversation's current row (DELETE, then INSERT, in the window's transaction) and appends
-- each version once. `interactions` becomes a view, with the same columns in the same order, of
-- `interactions_current` (the current rows without their JSON) and the current version's raw JSON.
-- DuckDB cannot drop a constraint, so the tables are rebuilt, rows and column order kept.
-- First a check, as the JSON is dropped from interactions: each current row's JSON is its version's.
CREATE TEMP TABLE v2_check AS SELECT error('the store''s interaction ' || i.conversation_id
    || ' has no row for its current version in interaction_versions (korescore always writes both);'
    || ' the store was not upgraded and is unchanged') AS failed
  FROM interactions i
  WHERE NOT EXISTS (SELECT 1 FROM interaction_versions v WHERE v.conversation_id = i.conversation_id
    AND v.version = i.version AND CAST(v.raw_json AS VARCHAR) = CAST(i.raw_json AS VARCHAR));
DROP TABLE v2_check;
CREATE TABLE interactions_current (
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
  last_changed_at TIMESTAMPTZ NOT NULL
);
INSERT INTO interactions_current SELECT * EXCLUDE (raw_json) FROM interactions;
DROP TABLE interactions;
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
CREATE VIEW interactions AS
SELECT c.conversation_id, c.start_time, c.end_time, c.channel, c.kore_score, c.pass_score, c.is_passed,
  c.duration_status, c.evaluation_form, c.agent_id, c.agent_name, c.queue_id, c.queue_name, c.version,
  c.content_hash, c.first_seen_at, c.last_changed_at, v.raw_json
FROM interactions_current c
JOIN interaction_versions v ON v.conversation_id = c.conversation_id AND v.version = c.version;
