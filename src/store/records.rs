//! Measurements and task events: appended, never changed.

use super::{day, iso};
use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::plan::compliance::{TaskAction, TaskEvent};
use crate::plan::measure::{Measurement, WeekCount};

/// A value about to be recorded, borrowing its texts (a file's rows are written a million at
/// a time).
#[derive(Debug, Clone, PartialEq)]
pub struct NewMeasurement<'a> {
    pub indicator: &'a str,
    pub unit: &'a str,
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
    pub note: Option<&'a str>,
    pub recorded_by: Option<&'a str>,
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
    now_text().to_string()
}

/// [`now`] without a copy, for the writer's rows.
pub(crate) fn now_text() -> &'static str {
    // One run is one moment: every row an import writes carries the same time, read once.
    static NOW: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    NOW.get_or_init(|| {
        std::env::var("KEHOACH_NOW")
            .ok()
            .filter(|now| !now.is_empty())
            .unwrap_or_else(|| chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string())
    })
}

/// The columns of a measurement as [`measurement`] reads them, codes joined from the plan's
/// tables (`m` measurements, `i` indicators, `u` units), who and when from its import's row
/// (`imp`) when the row does not say them itself (schema.sql's migration 6).
pub(super) const MEASUREMENT_COLUMNS: &str = "m.id, i.code, u.code, m.day, m.value, m.numerator,
     m.denominator, m.baseline, m.revision, m.note,
     CASE WHEN m.recorded_at IS NULL THEN imp.recorded_by ELSE m.recorded_by END,
     coalesce(m.recorded_at, imp.recorded_at), m.period_start";

/// The joins that give a measurement's codes, and its import.
pub(super) const CODES: &str = "JOIN indicators i ON i.id = m.indicator
     JOIN units u ON u.id = m.unit LEFT JOIN imports imp ON imp.id = m.import_id";

pub(super) fn measurement(row: &Row) -> rusqlite::Result<Measurement> {
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

/// The current value of one (indicator, unit, date, baseline), if any: one seek on the
/// day-first key (`SEARCH m USING PRIMARY KEY (day=? AND indicator=? AND unit=? AND
/// baseline=?)`).
pub fn current_measurement(
    conn: &Connection,
    indicator: &str,
    unit: &str,
    date: NaiveDate,
    baseline: bool,
) -> rusqlite::Result<Option<Measurement>> {
    conn.prepare_cached(&format!(
        "SELECT {MEASUREMENT_COLUMNS} FROM measurements m {CODES}
         WHERE m.day = ?3 AND m.indicator = (SELECT id FROM indicators WHERE code = ?1)
           AND m.unit = (SELECT id FROM units WHERE code = ?2) AND m.baseline = ?4
         ORDER BY m.revision DESC LIMIT 1"
    ))?
    .query_row(params![indicator, unit, iso(date), baseline], measurement)
    .optional()
}

/// Every revision of every measurement matching the filters, by date, indicator, unit,
/// baseline and revision.
///
/// An indicator or a unit is found through `indicator_days` (the days that hold its rows)
/// and seeks on the day-first key, never a scan of the whole table: CROSS JOIN keeps
/// `indicator_days` the outer loop (for one unit, SQLite would otherwise scan every row).
pub fn measurement_history(
    conn: &Connection,
    indicator: Option<&str>,
    unit: Option<&str>,
    since: Option<NaiveDate>,
) -> rusqlite::Result<Vec<Measurement>> {
    // Each filter adds its own condition, so the query planner sees the filters that apply,
    // not "?1 IS NULL OR ..." (which can use no index).
    let mut conditions = vec!["1".to_string()];
    let mut values: Vec<String> = Vec::new();
    let mut bind = |condition: &str, value: String| {
        values.push(value);
        conditions.push(condition.replace('?', &format!("?{}", values.len())));
    };
    if let Some(code) = indicator {
        bind(
            "d.indicator = (SELECT id FROM indicators WHERE code = ?)",
            code.to_string(),
        );
    }
    if let Some(code) = unit {
        bind(
            "m.unit = (SELECT id FROM units WHERE code = ?)",
            code.to_string(),
        );
    }
    if let Some(since) = since {
        bind("d.day >= ?", iso(since));
    }
    conn.prepare_cached(&format!(
        "SELECT {MEASUREMENT_COLUMNS} FROM indicator_days d
         CROSS JOIN measurements m ON m.day = d.day AND m.indicator = d.indicator {CODES}
         WHERE {}
         ORDER BY m.day, i.code, u.code, m.baseline, m.revision",
        conditions.join(" AND ")
    ))?
    .query_map(rusqlite::params_from_iter(values), measurement)?
    .collect()
}

/// The last `limit` revisions of one indicator dated on or before `up_to`, oldest first, and
/// how many there are in all (`show` lists the latest, not 50,000 of them).
pub fn recent_history(
    conn: &Connection,
    indicator: &str,
    up_to: NaiveDate,
    limit: usize,
) -> rusqlite::Result<(Vec<Measurement>, usize)> {
    let mut rows: Vec<Measurement> = conn
        .prepare_cached(&format!(
            "SELECT {MEASUREMENT_COLUMNS} FROM indicator_days d
             CROSS JOIN measurements m ON m.day = d.day AND m.indicator = d.indicator {CODES}
             WHERE d.indicator = (SELECT id FROM indicators WHERE code = ?1) AND d.day <= ?2
             ORDER BY d.day DESC, u.code DESC, m.baseline DESC, m.revision DESC LIMIT ?3"
        ))?
        .query_map(params![indicator, iso(up_to), limit as i64], measurement)?
        .collect::<rusqlite::Result<_>>()?;
    rows.reverse();
    let total: i64 = conn.query_row(
        "SELECT coalesce(sum(rows), 0) FROM indicator_days
         WHERE indicator = (SELECT id FROM indicators WHERE code = ?1) AND day <= ?2",
        params![indicator, iso(up_to)],
        |r| r.get(0),
    )?;
    Ok((rows, total as usize))
}

/// The current revisions of one indicator's measurements, by date and unit.
pub fn current_measurements_of(
    conn: &Connection,
    indicator: &str,
) -> rusqlite::Result<Vec<Measurement>> {
    let all = measurement_history(conn, Some(indicator), None, None)?;
    Ok(current_only(all))
}

/// Keeps the last revision of each (indicator, unit, date, baseline) of rows in key order.
fn current_only(rows: Vec<Measurement>) -> Vec<Measurement> {
    let mut current: Vec<Measurement> = Vec::with_capacity(rows.len());
    for m in rows {
        match current.last_mut() {
            Some(last)
                if last.indicator == m.indicator
                    && last.unit == m.unit
                    && last.date == m.date
                    && last.baseline == m.baseline =>
            {
                *last = m
            }
            _ => current.push(m),
        }
    }
    current
}

/// Every revision of every measurement dated from `from` to `to`: a range of the day-first
/// key (weekly's week), never the rest of the history.
pub fn measurements_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> rusqlite::Result<Vec<Measurement>> {
    conn.prepare_cached(&format!(
        "SELECT {MEASUREMENT_COLUMNS} FROM measurements m {CODES}
         WHERE m.day BETWEEN ?1 AND ?2
         ORDER BY m.day, i.code, u.code, m.baseline, m.revision"
    ))?
    .query_map(params![iso(from), iso(to)], measurement)?
    .collect()
}

/// Counts the values dated from `from` to `to` from the summaries (`indicator_days`,
/// `unit_days`): a few thousand rows, not the week's own.
pub fn count_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> rusqlite::Result<WeekCount> {
    let (from, to) = (iso(from), iso(to));
    let by_indicator: Vec<(String, usize, usize)> = conn
        .prepare_cached(
            "SELECT i.code, sum(d.rows), sum(d.corrections)
             FROM indicator_days d JOIN indicators i ON i.id = d.indicator
             WHERE d.day BETWEEN ?1 AND ?2 GROUP BY d.indicator ORDER BY i.code",
        )?
        .query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let units = conn
        .prepare_cached(
            "SELECT u.code FROM units u WHERE u.id IN
                 (SELECT unit FROM unit_days WHERE day BETWEEN ?1 AND ?2)",
        )?
        .query_map(params![from, to], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(WeekCount {
        values: by_indicator.iter().map(|(_, n, _)| n).sum(),
        by_indicator,
        units,
    })
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

/// One task's events in recording order.
pub fn task_events_of(conn: &Connection, task: &str) -> rusqlite::Result<Vec<TaskEvent>> {
    conn.prepare_cached(
        "SELECT id, task, action, date, note, recorded_by, recorded_at FROM task_events
         WHERE task = ?1 ORDER BY id",
    )?
    .query_map([task], task_event)?
    .collect()
}

/// How many rows of a file did what.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportCounts {
    pub rows_read: i64,
    pub imported: i64,
    pub unchanged: i64,
    pub corrected: i64,
    pub rejected: i64,
}

/// One imported file, as logged.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ImportLog {
    pub id: i64,
    pub file_name: String,
    pub sha256: String,
    #[serde(flatten)]
    pub counts: ImportCounts,
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
pub fn finish_import(conn: &Connection, id: i64, counts: ImportCounts) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE imports SET rows_read = ?2, imported = ?3, unchanged = ?4, corrected = ?5, rejected = ?6
         WHERE id = ?1",
        params![
            id,
            counts.rows_read,
            counts.imported,
            counts.unchanged,
            counts.corrected,
            counts.rejected
        ],
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
            counts: ImportCounts {
                rows_read: r.get(3)?,
                imported: r.get(4)?,
                unchanged: r.get(5)?,
                corrected: r.get(6)?,
                rejected: r.get(7)?,
            },
            recorded_by: r.get(8)?,
            recorded_at: r.get(9)?,
        })
    })?
    .collect()
}
