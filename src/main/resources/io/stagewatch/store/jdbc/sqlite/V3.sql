-- Slack notifications: each failing check's streak and whether it was announced, and the outbox
-- of notices, written with the run's end and then sent.
CREATE TABLE alert_state (
  environment TEXT NOT NULL,
  check_id TEXT NOT NULL,
  consecutive_failures INTEGER NOT NULL,
  alerting INTEGER NOT NULL,
  failing_since INTEGER NOT NULL,
  last_notice_at INTEGER,
  PRIMARY KEY (environment, check_id)
) WITHOUT ROWID;
CREATE TABLE notices (
  notice_id TEXT PRIMARY KEY,
  environment TEXT NOT NULL,
  run_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  checks TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  claimed_at INTEGER,
  settled_at INTEGER
);
CREATE INDEX notices_by_status ON notices (environment, status, created_at);
