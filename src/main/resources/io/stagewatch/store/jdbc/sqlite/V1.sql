-- Runs and their check results. Times are epoch milliseconds in both databases.
CREATE TABLE runs (
  run_id TEXT PRIMARY KEY,
  environment TEXT NOT NULL,
  project TEXT,
  run_trigger TEXT NOT NULL,
  label TEXT,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  status TEXT NOT NULL,
  total INTEGER NOT NULL DEFAULT 0,
  passed INTEGER NOT NULL DEFAULT 0,
  flaky INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  error INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE check_results (
  run_id TEXT NOT NULL,
  check_id TEXT NOT NULL,
  suite TEXT NOT NULL,
  tags TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  message TEXT,
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (run_id, check_id)
) WITHOUT ROWID;
