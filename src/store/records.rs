//! Measurements and task events: appended, never changed.

use super::{day, iso};
use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::plan::compliance::{TaskAction, TaskEvent};
use crate::plan::measure::Measurement;

/// A value about to be recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMeasurement {
    pub indicator: String,
    pub unit: String,
    pub date: NaiveDate,
    /// A flow's period begins here; `date` is its last day.
    pub period_start: Option<NaiveDate>,
    pub value: f64,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub baseline: bool,
    /// 1 for a new key, the stored revision + 1 for a correction: the caller has just read
    /// the current row in the same write transaction, so no one can have added another.
    pub revision: i64,
    pub note: Option<String>,
    pub recorded_by: Option<String>,
    pub import_id: Option<i64>,
}

/// A task event about to be recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct NewTaskEvent {
    pub task: String,
    pub action: TaskAction,
    pub date: NaiveDate,
    pub note: Option<String>,
    pub recorded_by: Option<String>,
    pub import_id: Option<i64>,
}

/// The current time as stored in `recorded_at` (UTC, to the second).
///
/// `KEHOACH_NOW` (e.g. `2026-11-25T08:00:00Z`) fixes it, for tests and reproducible examples.
pub fn now() -> String {
    // One run is one moment: every row an import writes carries the same time, read once.
    static NOW: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    NOW.get_or_init(|| {
        std::env::var("KEHOACH_NOW")
            .ok()
            .filter(|now| !now.is_empty())
            .unwrap_or_else(|| chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string())
    })
    .clone()
}

const MEASUREMENT_COLUMNS: &str =
    "id, indicator, unit, date, value, numerator, denominator, baseline,
     revision, note, recorded_by, recorded_at, period_start";

fn measurement(row: &Row) -> rusqlite::Result<Measurement> {
    Ok(Measurement {
        id: row.get(0)?,
        indicator: row.get(1)?,
        unit: row.get(2)?,
        date: day(row.get(3)?)?,
        value: row.get(4)?,
        numerator: row.get(5)?,
        denominator: row.get(6)?,
        baseline: row.get(7)?,
        revision: row.get(8)?,
        note: row.get(9)?,
        recorded_by: row.get(10)?,
        recorded_at: row.get(11)?,
        period_start: row.get::<_, Option<String>>(12)?.map(day).transpose()?,
    })
}

/// The current value of one (indicator, unit, date, baseline), if any: one seek per imported
/// row. EXPLAIN QUERY PLAN: `SEARCH measurements USING INDEX sqlite_autoindex_measurements_1
/// (indicator=? AND unit=? AND date=? AND baseline=?)`, the UNIQUE constraint's index.
pub fn current_measurement(
    conn: &Connection,
    indicator: &str,
    unit: &str,
    date: NaiveDate,
    baseline: bool,
) -> rusqlite::Result<Option<Measurement>> {
    conn.prepare_cached(&format!(
        "SELECT {MEASUREMENT_COLUMNS} FROM measurements
         WHERE indicator = ?1 AND unit = ?2 AND date = ?3 AND baseline = ?4
         ORDER BY revision DESC LIMIT 1"
    ))?
    .query_row(params![indicator, unit, iso(date), baseline], measurement)
    .optional()
}

/// Appends a measurement as a revision of its key; returns its id. The UNIQUE constraint on
/// (indicator, unit, date, baseline, revision) refuses a revision that is already there.
pub fn insert_measurement(conn: &Connection, m: &NewMeasurement) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO measurements (indicator, unit, date, value, numerator, denominator, baseline,
                                   revision, note, recorded_by, recorded_at, import_id, period_start)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        m.indicator,
        m.unit,
        iso(m.date),
        m.value,
        m.numerator,
        m.denominator,
        m.baseline,
        m.revision,
        m.note,
        m.recorded_by,
        now(),
        m.import_id,
        m.period_start.map(iso)
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The periods (first day, last day) of an indicator's values for one unit, baseline or not,
/// that touch `from..=to`: what a new period must not overlap. Values recorded before periods
/// existed have none and give way to the periods recorded since (see `plan::flow`).
pub fn periods_touching(
    conn: &Connection,
    indicator: &str,
    unit: &str,
    baseline: bool,
    from: NaiveDate,
    to: NaiveDate,
) -> rusqlite::Result<Vec<(NaiveDate, NaiveDate)>> {
    conn.prepare_cached(
        "SELECT DISTINCT period_start, date FROM measurements
         WHERE indicator = ?1 AND unit = ?2 AND baseline = ?3 AND date >= ?4
           AND period_start IS NOT NULL AND period_start <= ?5",
    )?
    .query_map(
        params![indicator, unit, baseline, iso(from), iso(to)],
        |r| Ok((day(r.get(0)?)?, day(r.get(1)?)?)),
    )?
    .collect()
}

/// Every revision of every measurement matching the filters, oldest first.
pub fn measurement_history(
    conn: &Connection,
    indicator: Option<&str>,
    unit: Option<&str>,
    since: Option<NaiveDate>,
) -> rusqlite::Result<Vec<Measurement>> {
    conn.prepare_cached(&format!(
        "SELECT {MEASUREMENT_COLUMNS} FROM measurements
         WHERE (?1 IS NULL OR indicator = ?1) AND (?2 IS NULL OR unit = ?2) AND (?3 IS NULL OR date >= ?3)
         ORDER BY date, indicator, unit, baseline, revision"
    ))?
    .query_map(params![indicator, unit, since.map(iso)], measurement)?
    .collect()
}

/// The current revisions of all measurements, by indicator code, each unit's oldest first,
/// without their notes and recorders (the compliance rules read neither).
///
/// The scan follows the UNIQUE (indicator, unit, date, baseline, revision) index, so it needs
/// neither a sort nor the view's per-row subquery: the last revision of each key is current.
/// EXPLAIN QUERY PLAN: `SCAN measurements USING INDEX sqlite_autoindex_measurements_1`.
pub fn current_measurements(
    conn: &Connection,
) -> rusqlite::Result<HashMap<String, Vec<Measurement>>> {
    let mut by_indicator: HashMap<String, Vec<Measurement>> = HashMap::new();
    // The rules read neither the note nor who recorded a value: those columns are left out,
    // which spares a million strings on a large database.
    let mut statement = conn.prepare_cached(
        "SELECT id, indicator, unit, date, value, numerator, denominator, baseline, revision,
                NULL, NULL, '', period_start FROM measurements
         ORDER BY indicator, unit, date, baseline, revision",
    )?;
    let mut rows = statement.query([])?;
    let mut pending: Option<Measurement> = None;
    let same_key = |a: &Measurement, b: &Measurement| {
        a.indicator == b.indicator
            && a.unit == b.unit
            && a.date == b.date
            && a.baseline == b.baseline
    };
    while let Some(row) = rows.next()? {
        let m = measurement(row)?;
        if let Some(previous) = pending.take() {
            if !same_key(&previous, &m) {
                by_indicator
                    .entry(previous.indicator.clone())
                    .or_default()
                    .push(previous);
            }
        }
        pending = Some(m);
    }
    if let Some(last) = pending {
        by_indicator
            .entry(last.indicator.clone())
            .or_default()
            .push(last);
    }
    Ok(by_indicator)
}

/// The current revisions of one indicator's measurements, oldest first.
pub fn current_measurements_of(
    conn: &Connection,
    indicator: &str,
) -> rusqlite::Result<Vec<Measurement>> {
    conn.prepare_cached(&format!(
        "SELECT {MEASUREMENT_COLUMNS} FROM current_measurements WHERE indicator = ?1 ORDER BY date, unit"
    ))?
    .query_map([indicator], measurement)?
    .collect()
}

fn task_event(row: &Row) -> rusqlite::Result<TaskEvent> {
    let action: String = row.get(2)?;
    Ok(TaskEvent {
        id: row.get(0)?,
        task: row.get(1)?,
        action: TaskAction::parse(&action).unwrap_or(TaskAction::Start),
        date: day(row.get(3)?)?,
        note: row.get(4)?,
        recorded_by: row.get(5)?,
        recorded_at: row.get(6)?,
    })
}

/// Appends a task event; returns its id.
pub fn insert_task_event(conn: &Connection, e: &NewTaskEvent) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO task_events (task, action, date, note, recorded_by, recorded_at, import_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        e.task,
        e.action.as_str(),
        iso(e.date),
        e.note,
        e.recorded_by,
        now(),
        e.import_id
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Every task event, by task code, in recording order.
pub fn task_events(conn: &Connection) -> rusqlite::Result<HashMap<String, Vec<TaskEvent>>> {
    let mut by_task: HashMap<String, Vec<TaskEvent>> = HashMap::new();
    let rows = conn
        .prepare_cached(
            "SELECT id, task, action, date, note, recorded_by, recorded_at FROM task_events ORDER BY id",
        )?
        .query_map([], task_event)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for e in rows {
        by_task.entry(e.task.clone()).or_default().push(e);
    }
    Ok(by_task)
}

/// Everything recorded, as the compliance rules read it.
pub struct Recorded {
    pub measurements: HashMap<String, Vec<Measurement>>,
    pub task_events: HashMap<String, Vec<TaskEvent>>,
}

impl Recorded {
    /// The borrowed view the rules take.
    pub fn records(&self) -> crate::plan::compliance::Records<'_> {
        crate::plan::compliance::Records {
            measurements: &self.measurements,
            task_events: &self.task_events,
        }
    }
}

/// Current measurements and all task events.
pub fn recorded(conn: &Connection) -> rusqlite::Result<Recorded> {
    Ok(Recorded {
        measurements: current_measurements(conn)?,
        task_events: task_events(conn)?,
    })
}

/// One task's events in recording order.
pub fn task_events_of(conn: &Connection, task: &str) -> rusqlite::Result<Vec<TaskEvent>> {
    conn.prepare_cached(
        "SELECT id, task, action, date, note, recorded_by, recorded_at FROM task_events
         WHERE task = ?1 ORDER BY id",
    )?
    .query_map([task], task_event)?
    .collect()
}

/// One imported file, as logged.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ImportLog {
    pub id: i64,
    pub file_name: String,
    pub sha256: String,
    pub rows_read: i64,
    pub imported: i64,
    pub unchanged: i64,
    pub corrected: i64,
    pub rejected: i64,
    pub recorded_by: Option<String>,
    pub recorded_at: String,
}

/// Logs an import as it starts; its counts are filled in by [`finish_import`].
pub fn start_import(
    conn: &Connection,
    file_name: &str,
    sha256: &str,
    by: Option<&str>,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO imports (file_name, sha256, rows_read, imported, unchanged, corrected, rejected, recorded_by, recorded_at)
         VALUES (?1, ?2, 0, 0, 0, 0, 0, ?3, ?4)",
        params![file_name, sha256, by, now()],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Writes an import's final counts.
pub fn finish_import(conn: &Connection, id: i64, counts: [i64; 5]) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE imports SET rows_read = ?2, imported = ?3, unchanged = ?4, corrected = ?5, rejected = ?6 WHERE id = ?1",
        params![id, counts[0], counts[1], counts[2], counts[3], counts[4]],
    )?;
    Ok(())
}

/// Every logged import, oldest first.
pub fn import_log(conn: &Connection) -> rusqlite::Result<Vec<ImportLog>> {
    conn.prepare(
        "SELECT id, file_name, sha256, rows_read, imported, unchanged, corrected, rejected, recorded_by, recorded_at
         FROM imports ORDER BY id",
    )?
    .query_map([], |r| {
        Ok(ImportLog {
            id: r.get(0)?,
            file_name: r.get(1)?,
            sha256: r.get(2)?,
            rows_read: r.get(3)?,
            imported: r.get(4)?,
            unchanged: r.get(5)?,
            corrected: r.get(6)?,
            rejected: r.get(7)?,
            recorded_by: r.get(8)?,
            recorded_at: r.get(9)?,
        })
    })?
    .collect()
}
