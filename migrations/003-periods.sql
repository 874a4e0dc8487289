-- kehoach schema migration 3 (PRAGMA user_version = 3): flows and their periods.
-- An indicator is a level (the latest value counts) or a flow (values cover periods and add
-- up); a baseline is a fixed year, the year before, or a plan figure. A flow's measurement
-- covers period_start..date; NULL for a level, or for a flow recorded before this version
-- (read as the year to its date).
ALTER TABLE indicators ADD COLUMN accumulation TEXT NOT NULL DEFAULT 'level'
    CHECK (accumulation IN ('level', 'flow'));
ALTER TABLE indicators ADD COLUMN baseline_against TEXT NOT NULL DEFAULT 'year'
    CHECK (baseline_against IN ('year', 'previous_year', 'plan'));
ALTER TABLE measurements ADD COLUMN period_start TEXT CHECK (period_start IS NULL OR period_start <= date);
-- Reductions and growth compare periods: what a database made before this version holds.
UPDATE indicators SET accumulation = 'flow' WHERE kind IN ('reduction', 'growth');
