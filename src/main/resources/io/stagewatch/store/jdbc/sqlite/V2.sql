-- The version that recorded a run, who holds each environment's run lock, and the index the
-- history queries need.
ALTER TABLE runs ADD COLUMN runner_version TEXT;
CREATE INDEX runs_by_environment ON runs (environment, started_at);
CREATE TABLE run_lock_holders (
  environment TEXT PRIMARY KEY,
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  run_id TEXT,
  since INTEGER NOT NULL
);
