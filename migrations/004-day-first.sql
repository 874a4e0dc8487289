-- kehoach schema migration 4 (PRAGMA user_version = 4): the day-first store.
--
-- Department files arrive day by day; the measurements were keyed (indicator, unit, date), so
-- every day's rows touched every leaf page of two text indexes, and reports read every row to
-- find each unit's latest figure. Now:
-- - units and indicators have integer ids, the keys measurements use (the codes stay the
--   plan's keys; the ids never change once given);
-- - measurements are keyed (day, indicator, unit, baseline, revision), WITHOUT ROWID, so a
--   day's rows are appended together, and there is no second index but a partial one over the
--   flows' periods (the overlap check);
-- - four summaries, kept up to date in the same transaction as every write (see
--   src/store/summaries.rs): which days hold rows of each indicator (and how many), which days
--   each unit sent something on, each unit's latest figure, and the ward's figure on each
--   measured day as the rules make it. The program fills them
--   in right after this script, in the same transaction.

ALTER TABLE units ADD COLUMN id INTEGER;
UPDATE units SET id = rowid;
CREATE UNIQUE INDEX units_by_id ON units (id);

ALTER TABLE indicators ADD COLUMN id INTEGER;
UPDATE indicators SET id = rowid;
CREATE UNIQUE INDEX indicators_by_id ON indicators (id);

-- Every value ever recorded. A correction is a new row with the next revision of the same
-- (day, indicator, unit, baseline); the highest revision is the current value.
CREATE TABLE measurements_by_day (
    day          TEXT NOT NULL,                       -- the day the figure describes (a flow: its period's last)
    indicator    INTEGER NOT NULL REFERENCES indicators (id),
    unit         INTEGER NOT NULL REFERENCES units (id),
    baseline     INTEGER NOT NULL CHECK (baseline IN (0, 1)),
    revision     INTEGER NOT NULL CHECK (revision >= 1),
    period_start TEXT CHECK (period_start IS NULL OR period_start <= day),
    value        REAL NOT NULL,
    numerator    REAL,
    denominator  REAL CHECK (denominator IS NULL OR denominator > 0),
    id           INTEGER NOT NULL,                    -- recording order (exports), from `sequences`
    note         TEXT,
    recorded_by  TEXT,
    recorded_at  TEXT NOT NULL,
    import_id    INTEGER REFERENCES imports (id),
    CHECK ((numerator IS NULL) = (denominator IS NULL)),
    PRIMARY KEY (day, indicator, unit, baseline, revision)
) WITHOUT ROWID;

INSERT INTO measurements_by_day
SELECT m.date, i.id, u.id, m.baseline, m.revision, m.period_start, m.value, m.numerator,
       m.denominator, m.id, m.note, m.recorded_by, m.recorded_at, m.import_id
FROM measurements m
-- LEFT: a row whose indicator or unit is missing (written behind kehoach's back) fails the
-- NOT NULL above and the whole conversion with it, rather than being left behind.
LEFT JOIN indicators i ON i.code = m.indicator
LEFT JOIN units u ON u.code = m.unit;

DROP VIEW current_measurements;
DROP TRIGGER measurements_append_only_update;
DROP TRIGGER measurements_append_only_delete;
DROP INDEX measurements_by_unit;
DROP TABLE measurements;
ALTER TABLE measurements_by_day RENAME TO measurements;

-- A flow's new period must not overlap another of the same indicator, unit and baseline:
-- found by this index, which holds only the rows that have a period.
CREATE INDEX measurements_periods ON measurements (indicator, unit, baseline, day)
    WHERE period_start IS NOT NULL;

CREATE TRIGGER measurements_append_only_update BEFORE UPDATE ON measurements
BEGIN SELECT RAISE(ABORT, 'measurements are append-only: record a correction instead'); END;
CREATE TRIGGER measurements_append_only_delete BEFORE DELETE ON measurements
BEGIN SELECT RAISE(ABORT, 'measurements are append-only: record a correction instead'); END;

-- The next measurement id: read once per write, not looked up per row.
CREATE TABLE sequences (
    name TEXT PRIMARY KEY,
    next INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO sequences (name, next)
VALUES ('measurements', (SELECT coalesce(max(id), 0) + 1 FROM measurements));

-- Summary: the days that hold rows (values or baselines) of each indicator, so one indicator's
-- rows, or one unit's, are found by seeks on the day-first key; and how many rows (every
-- revision) and corrections each holds, so a week is counted without reading its rows.
CREATE TABLE indicator_days (
    indicator   INTEGER NOT NULL,
    day         TEXT NOT NULL,
    rows        INTEGER NOT NULL,
    corrections INTEGER NOT NULL,
    PRIMARY KEY (indicator, day)
) WITHOUT ROWID;
INSERT INTO indicator_days (indicator, day, rows, corrections)
SELECT indicator, day, count(*), sum(revision > 1) FROM measurements GROUP BY indicator, day;

-- Summary: the days each unit sent something on (the weekly report's units that sent nothing).
CREATE TABLE unit_days (
    day  TEXT NOT NULL,
    unit INTEGER NOT NULL,
    PRIMARY KEY (day, unit)
) WITHOUT ROWID;
INSERT INTO unit_days (day, unit) SELECT DISTINCT day, unit FROM measurements;

-- Summary: each unit's latest figure (current revision) of each indicator, values and
-- baselines apart: where the next day's ward figure starts from.
CREATE TABLE latest_figures (
    indicator   INTEGER NOT NULL,
    baseline    INTEGER NOT NULL,
    unit        INTEGER NOT NULL,
    day         TEXT NOT NULL,
    value       REAL NOT NULL,
    numerator   REAL,
    denominator REAL,
    PRIMARY KEY (indicator, baseline, unit)
) WITHOUT ROWID;

-- Summary: the ward's figure at the end of each day a value of the indicator is dated, as the
-- rules make it (JSON of plan::summary::DayFigure; NULL when there is none).
CREATE TABLE ward_days (
    indicator INTEGER NOT NULL,
    day       TEXT NOT NULL,
    figure    TEXT,
    PRIMARY KEY (indicator, day)
) WITHOUT ROWID;

-- The current revision of each measurement, by code, with the columns it had before this
-- version: for scripts and spreadsheets that read the file directly.
CREATE VIEW current_measurements AS
SELECT m.id, i.code AS indicator, u.code AS unit, m.day AS date, m.value, m.numerator,
       m.denominator, m.baseline, m.revision, m.note, m.recorded_by, m.recorded_at, m.import_id,
       m.period_start
FROM measurements m
JOIN indicators i ON i.id = m.indicator
JOIN units u ON u.id = m.unit
WHERE m.revision = (
    SELECT max(n.revision) FROM measurements n
    WHERE n.day = m.day AND n.indicator = m.indicator AND n.unit = m.unit AND n.baseline = m.baseline
);
