-- A pass slower than its check's degradedResponseTime is kept as degraded, so that the status page
-- and /api/status show it from the store as well as from the runs the daemon made itself.
ALTER TABLE check_results ADD COLUMN degraded INTEGER NOT NULL DEFAULT 0;
