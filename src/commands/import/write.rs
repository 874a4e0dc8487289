//! The write of one entry read from a row, in two steps: checked like `record` and `task`
//! check a typed value, as far as that needs no database (on the reading thread), then
//! appended, unless it is already stored (on the thread that owns the transaction).

use chrono::NaiveDate;

use crate::commands::{lookup_indicator, lookup_task};
use crate::entry::{self, CheckedMeasurement, Part};
use crate::input::period::Span;
use crate::input::rows::{self, Entry, RowEntry, TaskEntry};
use crate::output::import::{row_problem, Outcome, Refused};
use crate::output::records::RecordMessage;
use crate::output::verdicts::VerdictMessage;
use crate::plan::compliance::{check_task_event, task_state, TaskAction, TaskStatus};
use crate::plan::Plan;
use crate::store::records::{insert_task_event, task_events_of, NewMeasurement, NewTaskEvent};
use crate::store::{DbError, Transaction};

use super::Settings;

/// An entry read from a row, checked as far as that needs no database.
pub(super) enum Checked<'p> {
    Measurement(Measurement<'p>),
    /// A task change is checked against the task's stored events: all of it when written.
    Task(TaskEntry),
    /// No value (or no status) at all: the unit has nothing to give.
    Blank,
    Refused(Refused),
}

/// A measurement that passed every check but those against what is stored.
pub(super) struct Measurement<'p> {
    checked: CheckedMeasurement<'p>,
    /// A flow's period; its last day is the value's date.
    period: Option<Span>,
    note: Option<String>,
    by: Option<String>,
    /// The columns a refusal at the write is about.
    period_column: Option<usize>,
    value_column: Option<usize>,
}

/// Checks an entry read from a row, without the database; `today` is the day the import
/// runs as.
pub(super) fn check<'p>(
    entry: Result<RowEntry<'_>, rows::RowError>,
    plan: &'p Plan,
    today: NaiveDate,
) -> Checked<'p> {
    match entry {
        Err((column, problem)) => Checked::Refused((column, row_problem(&problem))),
        Ok(RowEntry::Measurement(entry)) => match measurement(entry, plan, today) {
            Ok(measurement) => Checked::Measurement(measurement),
            Err(refused) => Checked::Refused(refused),
        },
        Ok(RowEntry::Task(entry)) => Checked::Task(entry),
        Ok(RowEntry::Blank) => Checked::Blank,
    }
}

/// Writes one checked entry: what it did, or why the row is refused. A database error is
/// no fault of the row: it ends the import (exit 4), never a rejected row.
pub(super) fn write(
    tx: &Transaction,
    entry: Checked<'_>,
    settings: &Settings,
    import_id: i64,
) -> Result<Result<Outcome, Refused>, DbError> {
    let written = match entry {
        Checked::Measurement(measurement) => write_measurement(measurement, settings, import_id),
        Checked::Task(entry) => task(tx, entry, settings, import_id),
        Checked::Blank => Ok(Outcome::Blank),
        Checked::Refused(refused) => Err(RowError::Refused(refused)),
    };
    match written {
        Ok(outcome) => Ok(Ok(outcome)),
        Err(RowError::Refused(refused)) => Ok(Err(refused)),
        Err(RowError::Database(error)) => Err(error),
    }
}

/// Why a row was not written: the row's fault, or the database's.
enum RowError {
    Refused(Refused),
    Database(DbError),
}

impl From<Refused> for RowError {
    fn from(refused: Refused) -> Self {
        RowError::Refused(refused)
    }
}

impl From<DbError> for RowError {
    fn from(error: DbError) -> Self {
        RowError::Database(error)
    }
}

/// Checks one measurement like `record` does, all but against what is stored.
fn measurement<'p>(
    entry: Entry<'_>,
    plan: &'p Plan,
    today: NaiveDate,
) -> Result<Measurement<'p>, Refused> {
    // A flow's value covers its period ("Kỳ"), and is dated its last day.
    let period = match lookup_indicator(plan, &entry.indicator.1) {
        Ok((_, indicator)) => entry::period_for(indicator, entry.period.1.as_deref(), today)
            .map_err(|m| (entry.period.0.or(entry.indicator.0), m))?,
        // An unknown code is reported with its suggestions by the value's own check.
        Err(_) => None,
    };
    let date = period.map_or(entry.date.1, |(_, end)| end);
    let checked = entry::measurement(
        plan,
        &entry.indicator.1,
        &entry.value.1,
        entry.unit.1.as_deref(),
        date,
        today,
        entry::early_in_first_year(plan, period),
        None,
    )
    .map_err(|refusal| {
        let column = match refusal.part {
            Part::Indicator => entry.indicator.0,
            Part::Unit => entry.unit.0,
            Part::Date => entry.date.0,
            Part::Value => entry.value.0,
        };
        (column, refusal.message)
    })?;
    let note = entry::note(entry.note.as_deref()).map_err(|m| (None, m))?;
    Ok(Measurement {
        checked,
        period,
        note,
        by: entry.by,
        period_column: entry.period.0,
        value_column: entry.value.0,
    })
}

/// Appends a checked measurement, unless it is already stored; a period that overlaps a
/// stored one, or another value for a stored day without `--correct`, is refused.
fn write_measurement(
    measurement: Measurement<'_>,
    settings: &Settings,
    import_id: i64,
) -> Result<Outcome, RowError> {
    let Measurement {
        checked,
        period,
        note,
        by,
        period_column,
        value_column,
    } = measurement;
    let (code, date) = (&checked.indicator.code, checked.date);
    if let Some(span) = period {
        let touching = settings
            .writer
            .periods_touching(code, checked.unit, false, span)?;
        entry::check_overlap(code, checked.unit, span, &touching)
            .map_err(|m| (period_column, m))?;
    }
    let reading = checked.reading;
    let recorded_by = by.as_deref().or(settings.by);
    let mut row = NewMeasurement {
        indicator: code,
        unit: checked.unit,
        date,
        period_start: period.map(|(start, _)| start),
        value: reading.value,
        numerator: reading.numerator,
        denominator: reading.denominator,
        baseline: false,
        revision: 1,
        note: note.as_deref(),
        recorded_by,
        import_id: Some(import_id),
    };
    let Err(old) = settings.writer.insert_first(&row)? else {
        return Ok(Outcome::Imported);
    };
    if old.value == reading.value
        && old.numerator == reading.numerator
        && old.denominator == reading.denominator
    {
        return Ok(Outcome::Unchanged);
    }
    if !settings.correct {
        let differs = RecordMessage::ValueDiffers {
            code: code.clone(),
            unit: checked.unit.to_string(),
            day: date,
            old: old.value,
            new: reading.value,
        };
        return Err(RowError::Refused((value_column, differs.into())));
    }
    row.revision = old.revision + 1;
    settings.writer.insert(&row)?;
    Ok(Outcome::Corrected)
}

/// Checks one task change like `task` does and appends it.
fn task(
    tx: &Transaction,
    row: TaskEntry,
    settings: &Settings,
    import_id: i64,
) -> Result<Outcome, RowError> {
    let (task_column, code) = &row.task;
    let (_, task) = lookup_task(settings.plan, code).map_err(|m| (Some(*task_column), m))?;
    let problem = |(column, problem)| (column, row_problem(&problem));
    let Some((status_column, action)) = row.status.map_err(problem)? else {
        return Ok(Outcome::Blank);
    };
    let note = entry::note(row.note.1.as_deref()).map_err(|m| (row.note.0, m))?;
    let date = row.date.map_err(problem)?;
    entry::check_date(settings.plan, date, settings.today, false)
        .map_err(|m| (row.date_column, m))?;
    let events = task_events_of(tx, &task.code)?;
    let (now, _) = task_state(&events, date);
    let reached = match action {
        TaskAction::Done => TaskStatus::Done,
        TaskAction::Start | TaskAction::Reopen => TaskStatus::InProgress,
        TaskAction::Cancel => TaskStatus::Cancelled,
    };
    if now == reached {
        return Ok(Outcome::Unchanged);
    }
    // A sheet says "in progress" of a task that was done or cancelled: it was reopened.
    let action = match (action, now) {
        (TaskAction::Start, TaskStatus::Done | TaskStatus::Cancelled) => TaskAction::Reopen,
        _ => action,
    };
    // The same rule as `kehoach task`: a row the replay would ignore is refused.
    check_task_event(&events, action, date).map_err(|conflict| {
        (
            Some(status_column),
            VerdictMessage::TaskEventRefused {
                code: task.code.clone(),
                action,
                day: date,
                conflict,
            }
            .into(),
        )
    })?;
    insert_task_event(
        tx,
        &NewTaskEvent {
            task: task.code.clone(),
            action,
            date,
            note,
            recorded_by: row.by.or(settings.by.map(str::to_string)),
            import_id: Some(import_id),
        },
    )?;
    Ok(Outcome::Imported)
}
