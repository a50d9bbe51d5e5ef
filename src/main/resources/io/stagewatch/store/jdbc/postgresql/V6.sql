-- Notification channels: one outbox row per notice and channel, so that each channel retries and
-- fails on its own. Notices written before were all for Slack: they stay pending as Slack's.
ALTER TABLE notices ADD COLUMN channel VARCHAR(64) NOT NULL DEFAULT 'slack';
CREATE INDEX notices_by_channel ON notices (environment, channel, status, created_at);
-- A notice's id ends in its channel's name: room for a long one.
ALTER TABLE notices ALTER COLUMN notice_id TYPE VARCHAR(160);
