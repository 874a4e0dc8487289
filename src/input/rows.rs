//! A row to an entry: a sheet's header read as the long layout or by mapping rules, then each
//! row as the measurements or the task change it holds, each part with the column it came from.
//!
//! Nothing here knows the plan's codes or what is stored: the entries are checked and written
//! by `import`, like `record` and `task` check a typed value.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::date::{parse_date, DateError, LastDate};
use super::long::{self, Field, Header, Layout};
use super::mapping::{Mapping, Source};
use super::text::{clip, clipped, fold, upper_case, ECHO_LIMIT};
use crate::plan::compliance::TaskAction;

/// The (code, unit) a row counts under in a summary, as written in the file; borrowed from the
/// row where it is written so.
pub type Key<'r> = (Cow<'r, str>, Cow<'r, str>);

/// What a row needs but does not have, or holds and cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum RowProblem {
    /// The cell of this field is empty, or the header has no column for it.
    Missing(Field),
    /// A date cell that is not a date (its text cut for the message).
    InvalidDate { text: String, error: DateError },
    /// Mapping rules name a date column whose cell is empty, and no `--date` was given.
    DateMissing,
    /// Mapping rules name no date, and no `--date` was given.
    MappingWithoutDate,
    /// Mapping rules read an empty indicator cell.
    IndicatorMissing,
    /// A status cell none of the status words (its text cut for the message).
    StatusNotUnderstood(String),
}

/// A row's problem and the column it is in, when it is in one.
pub type RowError = (Option<usize>, RowProblem);

/// Why a sheet's header cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum LayoutError {
    /// Two columns for one field: which one was meant is not known (0-based columns).
    DuplicateColumn {
        name: String,
        first: usize,
        second: usize,
    },
    /// A column the mapping rules read is not in the header.
    MappingColumnMissing(String),
    /// No mapping rules, and the header is not the long layout's.
    NotRecognised,
}

/// What a row falls back on where it says nothing.
#[derive(Debug, Clone, Copy)]
pub struct Defaults<'a> {
    /// The day the import runs as: a flow's row with a period and no date is dated so.
    pub today: NaiveDate,
    /// `--unit`, or a template's unit.
    pub unit: Option<&'a str>,
    /// `--date`, or the end of a template's period.
    pub date: Option<NaiveDate>,
}

/// How the rows of a sheet are read.
// One per sheet: its size does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Sheet<'m> {
    /// The long layout, recognised by its header.
    Long {
        header: Header,
        /// The date cell of the row before, and its day.
        last_date: LastDate,
    },
    /// A department's own layout, read by its mapping rules.
    Mapped {
        mapping: &'m Mapping,
        /// Column name → index in the header.
        columns: BTreeMap<String, usize>,
        /// The last value of each fill-down column, for the blank cells under it.
        above: BTreeMap<usize, String>,
    },
}

/// One measurement read from a row, each part with the column it came from. The texts are
/// the row's cells, borrowed, unless made up (a default unit, a mapping's constant).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'r> {
    pub indicator: (Option<usize>, Cow<'r, str>),
    pub unit: (Option<usize>, Option<Cow<'r, str>>),
    pub date: (Option<usize>, NaiveDate),
    /// A flow's period ("Kỳ"); when given, its last day is the value's date.
    pub period: (Option<usize>, Option<Cow<'r, str>>),
    pub value: (Option<usize>, Cow<'r, str>),
    pub note: Option<Cow<'r, str>>,
    /// Rare, and copied into what is stored: owned.
    pub by: Option<String>,
}

/// One task change read from a row. The status and date are read, not yet judged: an unknown
/// task code is reported before them, as `task` reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskEntry {
    pub task: (usize, String),
    /// The action the status names; `None` for a blank status (nothing to record).
    pub status: Result<Option<(usize, TaskAction)>, RowError>,
    pub note: (Option<usize>, Option<String>),
    pub date: Result<NaiveDate, RowError>,
    pub date_column: Option<usize>,
    pub by: Option<String>,
}

/// What a row holds.
#[derive(Debug, Clone, PartialEq)]
pub enum RowEntry<'r> {
    Measurement(Entry<'r>),
    Task(TaskEntry),
    /// No value (or no status) at all: the unit has nothing to give.
    Blank,
}

/// How a sheet's header is read: by the mapping rules when there are some, else as the long
/// layout.
pub fn layout<'m>(
    mapping: Option<&'m Mapping>,
    names: &[String],
) -> Result<Sheet<'m>, LayoutError> {
    let duplicate = |name: &str, first: usize, second: usize| LayoutError::DuplicateColumn {
        name: name.to_string(),
        first,
        second,
    };
    match mapping {
        Some(mapping) => {
            // A column the rules read, written twice: which one was meant is not known.
            for (index, name) in names.iter().enumerate() {
                let key = fold(name);
                if key.is_empty() || !mapping.columns().iter().any(|c| fold(c) == key) {
                    continue;
                }
                if let Some(second) = names[index + 1..].iter().position(|n| fold(n) == key) {
                    return Err(duplicate(name, index, index + 1 + second));
                }
            }
            let columns = mapping
                .resolve(names)
                .map_err(LayoutError::MappingColumnMissing)?;
            Ok(Sheet::Mapped {
                mapping,
                columns,
                above: BTreeMap::new(),
            })
        }
        None => {
            let header = long::recognise(names).ok_or(LayoutError::NotRecognised)?;
            // Two columns for one field ("Giá trị" and "Value"): the second is not ignored.
            for (at, (first, field)) in header.columns.iter().enumerate() {
                if let Some((second, _)) = header.columns[at + 1..].iter().find(|(_, f)| f == field)
                {
                    return Err(duplicate(&names[*second], *first, *second));
                }
            }
            Ok(Sheet::Long {
                header,
                last_date: LastDate::default(),
            })
        }
    }
}

impl Sheet<'_> {
    /// The layout's name in the summary.
    pub fn name(&self) -> &'static str {
        match self {
            Sheet::Long { header, .. } if header.layout == Layout::TaskStatuses => "task_statuses",
            Sheet::Long { .. } => "measurements",
            Sheet::Mapped { .. } => "mapped",
        }
    }

    /// The columns that hold dates, where a workbook's bare number is a date serial.
    pub fn date_columns(&self) -> Vec<usize> {
        match self {
            Sheet::Long { header, .. } => header.column(Field::Date).into_iter().collect(),
            Sheet::Mapped {
                mapping, columns, ..
            } => match &mapping.date {
                Some(Source::Column(name)) => columns.get(name).copied().into_iter().collect(),
                _ => Vec::new(),
            },
        }
    }

    /// Whether a row (not blank) is read: the mapping rules skip some. A mapped row's blank
    /// fill-down cells are filled in `cells`, so the errors file shows the row as it was read.
    pub fn prepare(&mut self, cells: &mut Vec<String>) -> bool {
        match self {
            Sheet::Long { .. } => true,
            Sheet::Mapped {
                mapping,
                columns,
                above,
            } => {
                if mapping.skips(cells) {
                    return false;
                }
                fill_down(mapping, columns, cells, above);
                true
            }
        }
    }

    /// The entries a row (not blank, [`Self::prepare`]d) holds, each under its (code, unit).
    pub fn entries<'r>(&mut self, cells: &'r [String], defaults: &Defaults) -> RowEntries<'r> {
        match self {
            Sheet::Long { header, last_date } => {
                let entry = match header.layout {
                    Layout::Measurements => measurement(header, cells, defaults, last_date),
                    Layout::TaskStatuses => task(header, cells, defaults, last_date),
                };
                RowEntries::One(key(header, cells), entry)
            }
            Sheet::Mapped {
                mapping, columns, ..
            } => RowEntries::Many(mapped_entries(mapping, columns, cells, defaults)),
        }
    }
}

/// An entry read from a row, under the (code, unit) it counts under.
pub type KeyedEntry<'r> = (Key<'r>, Result<RowEntry<'r>, RowError>);

/// The entries of a row: a long-layout row holds one (kept off the heap: a file has a million),
/// a mapped row one per value.
// The one entry is the common case, held here so that it is not put on the heap.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum RowEntries<'r> {
    One(Key<'r>, Result<RowEntry<'r>, RowError>),
    Many(Vec<KeyedEntry<'r>>),
}

#[cfg(test)]
impl<'r> RowEntries<'r> {
    /// The entries as a list.
    pub fn into_vec(self) -> Vec<KeyedEntry<'r>> {
        match self {
            RowEntries::One(key, entry) => vec![(key, entry)],
            RowEntries::Many(entries) => entries,
        }
    }
}

/// Blank cells of the `fill_down` columns take the value above them (merged cells).
fn fill_down(
    mapping: &Mapping,
    columns: &BTreeMap<String, usize>,
    cells: &mut Vec<String>,
    above: &mut BTreeMap<usize, String>,
) {
    for name in &mapping.fill_down {
        let index = columns[name];
        if cells.len() <= index {
            cells.resize(index + 1, String::new());
        }
        if cells[index].trim().is_empty() {
            if let Some(value) = above.get(&index) {
                cells[index] = value.clone();
            }
        } else {
            above.insert(index, cells[index].clone());
        }
    }
}

/// A field read from a mapped row: the column it came from (none for a constant) and its text.
type Read = (Option<usize>, Option<String>);

/// The measurements a mapped row holds: one, or one per fan-out column with a value.
fn mapped_entries<'r>(
    mapping: &Mapping,
    columns: &BTreeMap<String, usize>,
    cells: &[String],
    defaults: &Defaults,
) -> Vec<KeyedEntry<'r>> {
    let read = |source: &Source| -> Read {
        match source {
            Source::Value(value) => (None, Some(value.clone())),
            Source::Column(name) => {
                let index = columns[name];
                let text = cells.get(index).map(|c| c.trim()).filter(|c| !c.is_empty());
                (Some(index), text.map(str::to_string))
            }
        }
    };
    let (indicator_column, indicator) = read(&mapping.indicator);
    let indicator = indicator.unwrap_or_default();
    let date = match mapping.date.as_ref().map(read) {
        Some((column, Some(text))) => parse_date(&text)
            .map(|d| (column, d))
            .map_err(|error| (column, invalid_date(&text, error))),
        Some((column, None)) => defaults
            .date
            .map(|d| (column, d))
            .ok_or((column, RowProblem::DateMissing)),
        None => defaults
            .date
            .map(|d| (None, d))
            .ok_or((None, RowProblem::MappingWithoutDate)),
    };
    let unit = mapping
        .unit
        .as_ref()
        .map(read)
        .unwrap_or((None, defaults.unit.map(str::to_string)));
    let note = mapping.note.as_ref().and_then(|n| read(n).1);
    let mut values: Vec<(Read, Read)> = Vec::new();
    if let Some(value) = &mapping.value {
        values.push((read(value), unit.clone()));
    }
    for (column, unit_code) in &mapping.fan_out {
        let index = columns[column];
        let text = cells
            .get(index)
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        values.push(((Some(index), text), (Some(index), Some(unit_code.clone()))));
    }
    values
        .into_iter()
        .filter(|((_, value), _)| value.is_some())
        .map(|((value_column, value), (unit_column, unit))| {
            let key = (
                Cow::Owned(clip(&indicator, ECHO_LIMIT).to_uppercase()),
                Cow::Owned(clip(&unit.clone().unwrap_or_default(), ECHO_LIMIT)),
            );
            let entry = if indicator.is_empty() {
                Err((indicator_column, RowProblem::IndicatorMissing))
            } else {
                date.clone().map(|date| {
                    RowEntry::Measurement(Entry {
                        indicator: (indicator_column, Cow::Owned(indicator.clone())),
                        unit: (unit_column, unit.map(Cow::Owned)),
                        date,
                        // Mapping rules name no period yet: a flow read by rules is refused.
                        period: (None, None),
                        value: (value_column, Cow::Owned(value.unwrap_or_default())),
                        note: note.clone().map(Cow::Owned),
                        by: None,
                    })
                })
            };
            (key, entry)
        })
        .collect()
}

/// The (code, unit) a long-layout row counts under.
fn key<'r>(header: &Header, cells: &'r [String]) -> Key<'r> {
    let code_field = match header.layout {
        Layout::Measurements => Field::Indicator,
        Layout::TaskStatuses => Field::Task,
    };
    // Cut like any echo: a 160,000-character code must not reach the summary's table.
    let code = match header
        .cell(cells, code_field)
        .map(|(_, c)| clipped(c, ECHO_LIMIT))
    {
        Some(Cow::Borrowed(code)) => upper_case(code),
        Some(Cow::Owned(code)) => Cow::Owned(code.to_uppercase()),
        None => Cow::Borrowed(""),
    };
    let unit = header
        .cell(cells, Field::Unit)
        .map_or(Cow::Borrowed(""), |(_, u)| clipped(u, ECHO_LIMIT));
    (code, unit)
}

fn missing(header: &Header, field: Field) -> RowError {
    (header.column(field), RowProblem::Missing(field))
}

fn invalid_date(text: &str, error: DateError) -> RowProblem {
    let text = clip(text, ECHO_LIMIT);
    RowProblem::InvalidDate { text, error }
}

fn row_date(
    header: &Header,
    cells: &[String],
    defaults: &Defaults,
    last_date: &mut LastDate,
) -> Result<NaiveDate, RowError> {
    match header.cell(cells, Field::Date) {
        Some((column, text)) => last_date
            .parse(text)
            .map_err(|error| (Some(column), invalid_date(text, error))),
        None => defaults.date.ok_or_else(|| missing(header, Field::Date)),
    }
}

/// The measurement of a long-layout row.
fn measurement<'r>(
    header: &Header,
    cells: &'r [String],
    defaults: &Defaults,
    last_date: &mut LastDate,
) -> Result<RowEntry<'r>, RowError> {
    let (indicator_column, indicator) = header
        .cell(cells, Field::Indicator)
        .ok_or_else(|| missing(header, Field::Indicator))?;
    let value_fields = [Field::Value, Field::Numerator, Field::Denominator];
    let has_value_column = value_fields.iter().any(|f| header.column(*f).is_some());
    if has_value_column
        && value_fields
            .iter()
            .all(|f| header.cell(cells, *f).is_none())
    {
        return Ok(RowEntry::Blank);
    }
    let unit = match header.cell(cells, Field::Unit) {
        Some((column, unit)) => (Some(column), Some(Cow::Borrowed(unit))),
        None => (
            header.column(Field::Unit),
            defaults.unit.map(|unit| Cow::Owned(unit.to_string())),
        ),
    };
    let period = match header.cell(cells, Field::Period) {
        Some((column, text)) => (Some(column), Some(Cow::Borrowed(text))),
        None => (header.column(Field::Period), None),
    };
    // With a period, its last day is the date: a "Ngày" column is not needed.
    let date = match (&period.1, header.cell(cells, Field::Date)) {
        (Some(_), None) => (None, defaults.today),
        _ => (
            header.column(Field::Date),
            row_date(header, cells, defaults, last_date)?,
        ),
    };
    // A value may come as one cell, or as numerator and denominator cells.
    let value = match (
        header.cell(cells, Field::Numerator),
        header.cell(cells, Field::Denominator),
    ) {
        (Some((column, n)), Some((_, d))) => (Some(column), Cow::Owned(format!("{n}/{d}"))),
        _ => header
            .cell(cells, Field::Value)
            .map(|(column, v)| (Some(column), Cow::Borrowed(v)))
            .ok_or_else(|| missing(header, Field::Value))?,
    };
    Ok(RowEntry::Measurement(Entry {
        indicator: (Some(indicator_column), Cow::Borrowed(indicator)),
        unit,
        date,
        period,
        value,
        note: header
            .cell(cells, Field::Note)
            .map(|(_, n)| Cow::Borrowed(n)),
        by: header.cell(cells, Field::By).map(|(_, b)| b.to_string()),
    }))
}

/// The task change of a long-layout row; a row without a task code is refused at once.
fn task<'r>(
    header: &Header,
    cells: &[String],
    defaults: &Defaults,
    last_date: &mut LastDate,
) -> Result<RowEntry<'r>, RowError> {
    let (task_column, code) = header
        .cell(cells, Field::Task)
        .ok_or_else(|| missing(header, Field::Task))?;
    let status = match header.column(Field::Status) {
        None => Err(missing(header, Field::Status)),
        Some(_) => match header.cell(cells, Field::Status) {
            None => Ok(None),
            Some((column, status)) => match status_action(status) {
                Some(action) => Ok(Some((column, action))),
                None => Err((
                    Some(column),
                    RowProblem::StatusNotUnderstood(clip(status, ECHO_LIMIT)),
                )),
            },
        },
    };
    Ok(RowEntry::Task(TaskEntry {
        task: (task_column, code.to_string()),
        status,
        note: (
            header.column(Field::Note),
            header.cell(cells, Field::Note).map(|(_, n)| n.to_string()),
        ),
        date: row_date(header, cells, defaults, last_date),
        date_column: header.column(Field::Date),
        by: header.cell(cells, Field::By).map(|(_, b)| b.to_string()),
    }))
}

/// The status a task-status cell names, as the action that reaches it.
pub fn status_action(text: &str) -> Option<TaskAction> {
    match fold(text).as_str() {
        "hoan thanh" | "da hoan thanh" | "xong" | "done" | "completed" => Some(TaskAction::Done),
        "dang thuc hien" | "bat dau" | "da bat dau" | "in progress" | "started" | "start" => {
            Some(TaskAction::Start)
        }
        "huy" | "da huy" | "cancelled" | "canceled" | "cancel" => Some(TaskAction::Cancel),
        "mo lai" | "reopen" | "reopened" => Some(TaskAction::Reopen),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    fn defaults() -> Defaults<'static> {
        Defaults {
            today: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
            unit: Some("VHXH"),
            date: None,
        }
    }

    #[test]
    fn a_long_row_becomes_a_measurement_with_its_columns() {
        let names = texts(&["Mã chỉ tiêu", "Ngày", "Giá trị", "Ghi chú"]);
        let mut sheet = layout(None, &names).unwrap();
        assert_eq!(sheet.name(), "measurements");
        let mut cells = texts(&["tt1.1", "15/06/2026", "12,5", " "]);
        assert!(sheet.prepare(&mut cells));
        let entries = sheet.entries(&cells, &defaults()).into_vec();
        let (key, entry) = &entries[0];
        assert_eq!(key, &("TT1.1".into(), "".into()));
        let Ok(RowEntry::Measurement(entry)) = entry else {
            panic!("{entry:?}");
        };
        assert_eq!(entry.unit, (None, Some("VHXH".into())));
        assert_eq!(entry.value, (Some(2), "12,5".into()));
        assert_eq!(
            entry.date,
            (Some(1), NaiveDate::from_ymd_opt(2026, 6, 15).unwrap())
        );
        let blank = texts(&["TT1.1", "15/06/2026", "", "a note"]);
        let blank = sheet.entries(&blank, &defaults()).into_vec();
        assert_eq!(blank[0].1, Ok(RowEntry::Blank));
        // The day of the row before is kept, and never given to a bad cell after it.
        let bad = texts(&["TT1.1", "31/06/2026", "1", ""]);
        let bad = sheet.entries(&bad, &defaults()).into_vec();
        assert!(matches!(
            bad[0].1,
            Err((Some(1), RowProblem::InvalidDate { .. }))
        ));
        let next = texts(&["TT1.1", "16/06/2026", "1", ""]);
        let Ok(RowEntry::Measurement(next)) = &sheet.entries(&next, &defaults()).into_vec()[0].1
        else {
            panic!("not read");
        };
        assert_eq!(next.date.1, NaiveDate::from_ymd_opt(2026, 6, 16).unwrap());
    }

    #[test]
    fn a_task_row_keeps_its_status_problem_for_after_the_code_is_known() {
        let names = texts(&["Mã nhiệm vụ", "Trạng thái", "Ngày"]);
        let mut sheet = layout(None, &names).unwrap();
        let cells = texts(&["NV9", "maybe", "bad"]);
        let entries = sheet.entries(&cells, &defaults()).into_vec();
        let Ok(RowEntry::Task(task)) = &entries[0].1 else {
            panic!("{entries:?}");
        };
        assert_eq!(task.task, (0, "NV9".to_string()));
        let status = (Some(1), RowProblem::StatusNotUnderstood("maybe".into()));
        assert_eq!(task.status, Err(status));
        assert!(matches!(
            task.date,
            Err((Some(2), RowProblem::InvalidDate { .. }))
        ));
        let no_code = texts(&["", "xong", "01/06/2026"]);
        let entries = sheet.entries(&no_code, &defaults()).into_vec();
        let missing = (Some(0), RowProblem::Missing(Field::Task));
        assert_eq!(entries[0].1, Err(missing));
    }

    #[test]
    fn a_header_with_two_value_columns_is_refused() {
        let names = texts(&["Mã chỉ tiêu", "Giá trị", "Value"]);
        let Err(error) = layout(None, &names) else {
            panic!("accepted");
        };
        let duplicate = LayoutError::DuplicateColumn {
            name: "Value".into(),
            first: 1,
            second: 2,
        };
        assert_eq!(error, duplicate);
    }
}
