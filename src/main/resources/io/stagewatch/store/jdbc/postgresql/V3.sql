-- Slack notifications: each failing check's streak and whether it was announced, and the outbox
-- of notices, written with the run's end and then sent.
CREATE TABLE alert_state (
  environment TEXT NOT NULL,
  check_id TEXT NOT NULL,
  consecutive_failures INTEGER NOT NULL,
  alerting INTEGER NOT NULL,
  failing_since BIGINT NOT NULL,
  last_notice_at BIGINT,
  PRIMARY KEY (environment, check_id)
);
CREATE TABLE notices (
  notice_id VARCHAR(80) PRIMARY KEY,
  environment TEXT NOT NULL,
  run_id VARCHAR(64) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  checks TEXT NOT NULL,
  payload TEXT NOT NULL,
  status VARCHAR(16) NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  claimed_at BIGINT,
  settled_at BIGINT
);
CREATE INDEX notices_by_status ON notices (environment, status, created_at);
