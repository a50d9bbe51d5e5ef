-- Notification channels: one outbox row per notice and channel, so that each channel retries and
-- fails on its own. Notices written before were all for Slack: they stay pending as Slack's.
ALTER TABLE notices ADD COLUMN channel TEXT NOT NULL DEFAULT 'slack';
CREATE INDEX notices_by_channel ON notices (environment, channel, status, created_at);
