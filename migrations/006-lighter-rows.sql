-- kehoach schema migration 6 (PRAGMA user_version = 6): lighter measurement rows, no periods
-- index.
--
-- An import's rows were the bulk of every write, and each carried what its import's own row in
-- `imports` says already: who recorded it and when (some thirty bytes of a row's seventy-five).
-- And every flow row went into a second b-tree, the periods index, in (indicator, unit) order,
-- so a day's file touched nearly every leaf page of it. Measured at 1M rows, SQLite alone:
-- INSERT ... SELECT of the rows took 0.92 s, 0.82 s without the index, 0.68 s without both.
-- Now:
-- - a row written by an import has recorded_at NULL and takes who and when from its import's
--   row; a row whose recorder differs from its import's (a file's "Người nhập" column) keeps
--   both, as does every row `record` writes;
-- - the periods index is gone: the overlap check seeks the day-first key on the days
--   `indicator_days` lists (src/store/records.rs), which is needed only for a period that
--   begins on or before a day already held;
-- - `indicator_days` counts, for each indicator and day, the rows without a period and the
--   ward's own values, so a flow's window is continued from its kept figure without reading
--   the year's rows (src/store/streams.rs). The program fills them in right after this script;
-- - `latest_figures` keeps one row per indicator (values, baselines) holding every unit's
--   latest figure, packed (src/store/summaries.rs, `FIGURE_BYTES`): a day's file rewrote a
--   row for every unit of every indicator, 36,000 of them in the city's plan. The program packs
--   the rows kept so far right after this script, and drops them.

CREATE TABLE measurements_lighter (
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
    recorded_by  TEXT,                                -- read only when recorded_at is not NULL
    recorded_at  TEXT,                                -- NULL: who and when are its import's
    import_id    INTEGER REFERENCES imports (id),
    CHECK ((numerator IS NULL) = (denominator IS NULL)),
    CHECK (recorded_at IS NOT NULL OR (import_id IS NOT NULL AND recorded_by IS NULL)),
    PRIMARY KEY (day, indicator, unit, baseline, revision)
) WITHOUT ROWID;

INSERT INTO measurements_lighter
SELECT m.day, m.indicator, m.unit, m.baseline, m.revision, m.period_start, m.value, m.numerator,
       m.denominator, m.id, m.note,
       CASE WHEN own THEN NULL ELSE m.recorded_by END,
       CASE WHEN own THEN NULL ELSE m.recorded_at END,
       m.import_id
FROM (SELECT m.*, (i.id IS NOT NULL AND m.recorded_by IS i.recorded_by
                   AND m.recorded_at = i.recorded_at) AS own
      FROM measurements m LEFT JOIN imports i ON i.id = m.import_id) m
ORDER BY m.day, m.indicator, m.unit, m.baseline, m.revision;

DROP VIEW current_measurements;
DROP TRIGGER measurements_append_only_update;
DROP TRIGGER measurements_append_only_delete;
DROP INDEX measurements_periods;
DROP TABLE measurements;
ALTER TABLE measurements_lighter RENAME TO measurements;

CREATE TRIGGER measurements_append_only_update BEFORE UPDATE ON measurements
BEGIN SELECT RAISE(ABORT, 'measurements are append-only: record a correction instead'); END;
CREATE TRIGGER measurements_append_only_delete BEFORE DELETE ON measurements
BEGIN SELECT RAISE(ABORT, 'measurements are append-only: record a correction instead'); END;

-- The current revision of each measurement, by code, who and when read through its import as
-- above: for scripts and spreadsheets that read the file directly, with the same columns.
CREATE VIEW current_measurements AS
SELECT m.id, i.code AS indicator, u.code AS unit, m.day AS date, m.value, m.numerator,
       m.denominator, m.baseline, m.revision, m.note,
       CASE WHEN m.recorded_at IS NULL THEN imp.recorded_by ELSE m.recorded_by END AS recorded_by,
       coalesce(m.recorded_at, imp.recorded_at) AS recorded_at, m.import_id, m.period_start
FROM measurements m
JOIN indicators i ON i.id = m.indicator
JOIN units u ON u.id = m.unit
LEFT JOIN imports imp ON imp.id = m.import_id
WHERE m.revision = (
    SELECT max(n.revision) FROM measurements n
    WHERE n.day = m.day AND n.indicator = m.indicator AND n.unit = m.unit AND n.baseline = m.baseline
);

ALTER TABLE indicator_days ADD COLUMN without_period INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_days ADD COLUMN ward_values INTEGER NOT NULL DEFAULT 0;

ALTER TABLE latest_figures RENAME TO latest_figures_by_unit;
CREATE TABLE latest_figures (
    indicator INTEGER NOT NULL,
    baseline  INTEGER NOT NULL CHECK (baseline IN (0, 1)),
    figures   BLOB NOT NULL,                          -- every unit's, by unit id (FIGURE_BYTES each)
    PRIMARY KEY (indicator, baseline)
);
