-- kehoach database schema, version 1 (PRAGMA user_version = 1).
--
-- The plan (units, contents, phases, indicators, tasks) is loaded from a seed and may be
-- reloaded; what people record (measurements, task events, imports) is append-only: a
-- correction is a new row, and triggers refuse UPDATE and DELETE on those tables.
-- Dates are ISO text 'YYYY-MM-DD' so they sort and compare as text.

CREATE TABLE plan (
    id            INTEGER PRIMARY KEY CHECK (id = 1),   -- one plan per database file
    number        TEXT NOT NULL,
    date          TEXT NOT NULL,
    issuer        TEXT NOT NULL,
    issuer_parent TEXT,
    place         TEXT,
    title         TEXT NOT NULL,
    start         TEXT NOT NULL,
    end           TEXT NOT NULL CHECK (start <= end),
    signer_title  TEXT,
    signer_name   TEXT,
    recipients    TEXT NOT NULL DEFAULT '[]',           -- JSON array of text
    fingerprint   TEXT NOT NULL,                        -- of the seed as loaded: re-init is a no-op when equal
    loaded_at     TEXT NOT NULL
);

CREATE TABLE units (
    code      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    parent    TEXT REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,
    aliases   TEXT NOT NULL DEFAULT '[]',               -- JSON array of other names
    position  INTEGER NOT NULL,
    retired   INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

CREATE TABLE contents (
    code       TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('focal', 'further')),
    title      TEXT NOT NULL,
    lead       TEXT NOT NULL REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,
    objectives TEXT NOT NULL DEFAULT '[]',              -- JSON array of text
    position   INTEGER NOT NULL,
    retired    INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

CREATE TABLE phases (
    content TEXT NOT NULL REFERENCES contents(code) DEFERRABLE INITIALLY DEFERRED,
    number  INTEGER NOT NULL CHECK (number BETWEEN 1 AND 5),
    name    TEXT NOT NULL,
    start   TEXT NOT NULL,
    end     TEXT NOT NULL CHECK (start <= end),
    PRIMARY KEY (content, number)
) WITHOUT ROWID;

CREATE TABLE indicators (
    code            TEXT PRIMARY KEY,
    content         TEXT NOT NULL REFERENCES contents(code) DEFERRABLE INITIALLY DEFERRED,
    text            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('percent', 'count', 'reduction', 'growth')),
    comparator      TEXT NOT NULL CHECK (comparator IN ('>=', '>', '<=', '<', '=')),
    target          REAL NOT NULL,
    unit_of_measure TEXT NOT NULL,
    deadline        TEXT NOT NULL,
    baseline_year   INTEGER,
    baseline_value  REAL,
    note            TEXT,
    position        INTEGER NOT NULL,
    retired         INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

-- Responsible units of an indicator (position 0 is the lead).
CREATE TABLE indicator_units (
    indicator TEXT NOT NULL REFERENCES indicators(code) DEFERRABLE INITIALLY DEFERRED,
    unit      TEXT NOT NULL REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,
    position  INTEGER NOT NULL,
    PRIMARY KEY (indicator, unit)
) WITHOUT ROWID;

-- A unit's own share of an indicator's target ("3/2/3/2 by unit").
CREATE TABLE unit_targets (
    indicator TEXT NOT NULL REFERENCES indicators(code) DEFERRABLE INITIALLY DEFERRED,
    unit      TEXT NOT NULL REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,
    target    REAL NOT NULL,
    position  INTEGER NOT NULL,
    PRIMARY KEY (indicator, unit)
) WITHOUT ROWID;

CREATE TABLE checkpoints (
    indicator TEXT NOT NULL REFERENCES indicators(code) DEFERRABLE INITIALLY DEFERRED,
    date      TEXT NOT NULL,
    target    REAL NOT NULL,
    PRIMARY KEY (indicator, date)
) WITHOUT ROWID;

CREATE TABLE tasks (
    code      TEXT PRIMARY KEY,
    content   TEXT NOT NULL,
    phase     INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 5),
    text      TEXT NOT NULL,
    lead      TEXT NOT NULL REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,
    output    TEXT,
    deadline  TEXT NOT NULL,
    position  INTEGER NOT NULL,
    retired   INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    FOREIGN KEY (content, phase) REFERENCES phases(content, number) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE task_units (
    task     TEXT NOT NULL REFERENCES tasks(code) DEFERRABLE INITIALLY DEFERRED,
    unit     TEXT NOT NULL REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    PRIMARY KEY (task, unit)
) WITHOUT ROWID;

-- Every value ever recorded. A correction is a new row with the next revision of the same
-- (indicator, unit, date, baseline); the highest revision is the current value.
CREATE TABLE measurements (
    id          INTEGER PRIMARY KEY,
    indicator   TEXT NOT NULL REFERENCES indicators(code),
    unit        TEXT NOT NULL REFERENCES units(code),
    date        TEXT NOT NULL,
    value       REAL NOT NULL,
    numerator   REAL,
    denominator REAL CHECK (denominator IS NULL OR denominator > 0),
    baseline    INTEGER NOT NULL DEFAULT 0 CHECK (baseline IN (0, 1)),
    revision    INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    note        TEXT,
    recorded_by TEXT,
    recorded_at TEXT NOT NULL,
    import_id   INTEGER REFERENCES imports(id),
    CHECK ((numerator IS NULL) = (denominator IS NULL)),
    UNIQUE (indicator, unit, date, baseline, revision)
);
-- The unique constraint's index serves "current revision of this key" (one seek per imported
-- row) and the report's scan of current measurements in key order (no sort, no subquery).
-- measurements_by_unit serves history --unit and init's "does this unit hold data?" check
-- (SEARCH measurements USING COVERING INDEX measurements_by_unit (unit=?)); without it, a
-- reloaded seed of 700 units would scan a million rows 700 times.
CREATE INDEX measurements_by_unit ON measurements (unit, indicator, date);

CREATE TRIGGER measurements_append_only_update BEFORE UPDATE ON measurements
BEGIN SELECT RAISE(ABORT, 'measurements are append-only: record a correction instead'); END;
CREATE TRIGGER measurements_append_only_delete BEFORE DELETE ON measurements
BEGIN SELECT RAISE(ABORT, 'measurements are append-only: record a correction instead'); END;

-- Every change of a task's status.
CREATE TABLE task_events (
    id          INTEGER PRIMARY KEY,
    task        TEXT NOT NULL REFERENCES tasks(code),
    action      TEXT NOT NULL CHECK (action IN ('start', 'done', 'reopen', 'cancel')),
    date        TEXT NOT NULL,
    note        TEXT,
    recorded_by TEXT,
    recorded_at TEXT NOT NULL,
    import_id   INTEGER REFERENCES imports(id)
);
CREATE INDEX task_events_by_task ON task_events (task, date);

CREATE TRIGGER task_events_append_only_update BEFORE UPDATE ON task_events
BEGIN SELECT RAISE(ABORT, 'task events are append-only'); END;
CREATE TRIGGER task_events_append_only_delete BEFORE DELETE ON task_events
BEGIN SELECT RAISE(ABORT, 'task events are append-only'); END;

-- Every imported file.
CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    rows_read   INTEGER NOT NULL,
    imported    INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    corrected   INTEGER NOT NULL,
    rejected    INTEGER NOT NULL,
    recorded_by TEXT,
    recorded_at TEXT NOT NULL
);

-- The current revision of each measurement key.
CREATE VIEW current_measurements AS
SELECT m.* FROM measurements m
WHERE m.revision = (
    SELECT max(n.revision) FROM measurements n
    WHERE n.indicator = m.indicator AND n.unit = m.unit AND n.date = m.date AND n.baseline = m.baseline
);
