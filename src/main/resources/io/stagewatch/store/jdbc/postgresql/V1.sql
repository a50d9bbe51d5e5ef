-- Runs and their check results. Times are epoch milliseconds in both databases.
CREATE TABLE runs (
  run_id VARCHAR(64) PRIMARY KEY,
  environment TEXT NOT NULL,
  project TEXT,
  run_trigger VARCHAR(32) NOT NULL,
  label TEXT,
  started_at BIGINT NOT NULL,
  finished_at BIGINT,
  status VARCHAR(16) NOT NULL,
  total INTEGER NOT NULL DEFAULT 0,
  passed INTEGER NOT NULL DEFAULT 0,
  flaky INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  error INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE check_results (
  run_id VARCHAR(64) NOT NULL,
  check_id TEXT NOT NULL,
  suite TEXT NOT NULL,
  tags TEXT NOT NULL,
  status VARCHAR(16) NOT NULL,
  attempts INTEGER NOT NULL,
  duration_ms BIGINT NOT NULL,
  message TEXT,
  recorded_at BIGINT NOT NULL,
  PRIMARY KEY (run_id, check_id)
);
