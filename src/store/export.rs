//! The raw rows the city's export writes: every measurement revision, every task event.

use rusqlite::Connection;

use crate::plan::compliance::{TaskAction, TaskEvent};
use crate::plan::measure::Measurement;
use crate::plan::Plan;

use super::day;
use super::recorded::{recorded, Recorded};
use super::records::{measurement, CODES, MEASUREMENT_COLUMNS};

/// What a ward's export reads, all of it from one moment of the file.
pub struct WardRows {
    /// Current measurements and task events, for the verdicts.
    pub recorded: Recorded,
    /// Every measurement revision, with whether a later one replaced it.
    pub measurements: Vec<(Measurement, bool)>,
    pub task_events: Vec<TaskEvent>,
}

/// Reads [`WardRows`] in one read transaction, so that the verdicts and the raw rows agree
/// even while a clerk is importing.
pub fn ward_rows(conn: &Connection, plan: &Plan) -> rusqlite::Result<WardRows> {
    let snapshot = conn.unchecked_transaction()?;
    Ok(WardRows {
        recorded: recorded(&snapshot, plan)?,
        measurements: all_revisions(&snapshot)?,
        task_events: all_task_events(&snapshot)?,
    })
}

/// Every measurement ever recorded, corrections included, in recording order, each with
/// whether a later revision of its (indicator, unit, date, baseline) replaced it.
pub fn all_revisions(conn: &Connection) -> rusqlite::Result<Vec<(Measurement, bool)>> {
    // The columns `records::measurement` reads, then whether a later revision replaced it.
    let mut statement = conn.prepare(&format!(
        "SELECT {MEASUREMENT_COLUMNS},
                m.revision < max(m.revision) OVER (PARTITION BY m.day, m.indicator, m.unit, m.baseline)
         FROM measurements m {CODES}
         ORDER BY m.id"
    ))?;
    let rows = statement.query_map([], |r| Ok((measurement(r)?, r.get(13)?)))?;
    rows.collect()
}

/// Every task event, in recording order.
pub fn all_task_events(conn: &Connection) -> rusqlite::Result<Vec<TaskEvent>> {
    let mut statement = conn.prepare(
        "SELECT id, task, action, date, note, recorded_by, recorded_at FROM task_events
         ORDER BY id",
    )?;
    let rows = statement.query_map([], |r| {
        let action: String = r.get(2)?;
        Ok(TaskEvent {
            id: r.get(0)?,
            task: r.get(1)?,
            // The table's CHECK allows only the four actions.
            action: TaskAction::parse(&action).unwrap_or(TaskAction::Start),
            date: day(r.get(3)?)?,
            note: r.get(4)?,
            recorded_by: r.get(5)?,
            recorded_at: r.get(6)?,
        })
    })?;
    rows.collect()
}
