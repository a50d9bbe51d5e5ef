-- Silences: while one is active, the checks it selects (in its environment; its suites and tag
-- expression, none for all) still run and are recorded, but no notice is sent about them. Each
-- result keeps why it was silenced, for the pages and metrics read back from the store.
CREATE TABLE silences (
  silence_id TEXT PRIMARY KEY,
  environment TEXT NOT NULL,
  suites TEXT NOT NULL,
  tags TEXT,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  ended_early INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL
);
CREATE INDEX silences_by_end ON silences (environment, ends_at);
ALTER TABLE check_results ADD COLUMN silence_reason TEXT;
