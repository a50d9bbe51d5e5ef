-- Series: the schedule that names a run's selection (or adhoc), and the selection itself (its
-- suites and tag expression in one canonical line), by which the signals group runs. Runs recorded
-- before have neither and belong to no series.
ALTER TABLE runs ADD COLUMN series TEXT;
ALTER TABLE runs ADD COLUMN selection TEXT;
CREATE INDEX runs_by_series ON runs (environment, selection, started_at);
