//! A row to an entry: the long layout's measurement and task rows and a mapping's entries,
//! each checked like `record` and `task` check a typed value, then written.

use super::*;

/// A field read from a mapped row: the column it came from (none for a constant) and its text.
pub(super) type Read = (Option<usize>, Option<String>);

/// The measurements a mapped row holds: one, or one per fan-out column with a value.
pub(super) fn mapped_entries(
    mapping: &Mapping,
    columns: &BTreeMap<String, usize>,
    cells: &[String],
    settings: &Settings,
) -> Vec<((String, String), Result<Entry, RowError>)> {
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
        Some((column, Some(text))) => crate::input::date::parse_date(&text)
            .map(|d| (column, d))
            .map_err(|error| {
                (
                    column,
                    InputRefusal::InvalidDate {
                        text: clip(&text, ECHO_LIMIT),
                        error,
                    }
                    .into(),
                )
            }),
        Some((column, None)) => settings
            .default_date
            .map(|d| (column, d))
            .ok_or((column, ImportMessage::DateMissing.into())),
        None => settings
            .default_date
            .map(|d| (None, d))
            .ok_or((None, ImportMessage::MappingWithoutDate.into())),
    };
    let unit = mapping
        .unit
        .as_ref()
        .map(read)
        .unwrap_or((None, settings.default_unit.map(str::to_string)));
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
                clip(&indicator, ECHO_LIMIT).to_uppercase(),
                clip(&unit.clone().unwrap_or_default(), ECHO_LIMIT),
            );
            let entry = if indicator.is_empty() {
                Err((indicator_column, ImportMessage::IndicatorMissing.into()))
            } else {
                date.clone().map(|date| Entry {
                    indicator: (indicator_column, indicator.clone()),
                    unit: (unit_column, unit),
                    date,
                    // Mapping rules name no period yet: a flow read by rules is refused.
                    period: (None, None),
                    value: (value_column, value.unwrap_or_default()),
                    note: note.clone(),
                    by: None,
                })
            };
            (key, entry)
        })
        .collect()
}

/// The (code, unit) a row counts under in the summary, as written in the file.
pub(super) fn row_key(header: &Header, cells: &[String]) -> (String, String) {
    let code_field = match header.layout {
        Layout::Measurements => Field::Indicator,
        Layout::TaskStatuses => Field::Task,
    };
    // Cut like any echo: a 160,000-character code must not reach the summary's table.
    let code = header
        .cell(cells, code_field)
        .map(|(_, c)| clip(c, ECHO_LIMIT).to_uppercase())
        .unwrap_or_default();
    let unit = header
        .cell(cells, Field::Unit)
        .map(|(_, u)| clip(u, ECHO_LIMIT))
        .unwrap_or_default();
    (code, unit)
}

pub(super) type RowError = (Option<usize>, Localized);

pub(super) fn missing(
    header: &Header,
    field: Field,
    cell: (&'static str, &'static str),
) -> RowError {
    (
        header.column(field),
        ImportMessage::CellMissing { cell }.into(),
    )
}

pub(super) fn row_date(
    header: &Header,
    cells: &[String],
    settings: &Settings,
) -> Result<NaiveDate, RowError> {
    match header.cell(cells, Field::Date) {
        Some((column, text)) => crate::input::date::parse_date(text).map_err(|e| {
            (
                Some(column),
                InputRefusal::InvalidDate {
                    text: clip(text, ECHO_LIMIT),
                    error: e,
                }
                .into(),
            )
        }),
        None => settings
            .default_date
            .ok_or_else(|| missing(header, Field::Date, i18n::CELL_DATE)),
    }
}

/// One measurement read from a row, each part with the column it came from.
pub(super) struct Entry {
    pub(super) indicator: (Option<usize>, String),
    pub(super) unit: (Option<usize>, Option<String>),
    pub(super) date: (Option<usize>, NaiveDate),
    /// A flow's period ("Kỳ"); when given, its last day is the value's date.
    pub(super) period: (Option<usize>, Option<String>),
    pub(super) value: (Option<usize>, String),
    pub(super) note: Option<String>,
    pub(super) by: Option<String>,
}

/// The entry of a long-layout row.
pub(super) fn measurement_row(
    tx: &Transaction,
    header: &Header,
    cells: &[String],
    settings: &Settings,
    import_id: i64,
) -> Result<RowOutcome, RowError> {
    let (indicator_column, indicator) = header
        .cell(cells, Field::Indicator)
        .ok_or_else(|| missing(header, Field::Indicator, i18n::CELL_INDICATOR))?;
    let value_fields = [Field::Value, Field::Numerator, Field::Denominator];
    let has_value_column = value_fields.iter().any(|f| header.column(*f).is_some());
    if has_value_column
        && value_fields
            .iter()
            .all(|f| header.cell(cells, *f).is_none())
    {
        return Ok(RowOutcome::Blank);
    }
    let unit = match header.cell(cells, Field::Unit) {
        Some((column, unit)) => (Some(column), Some(unit.to_string())),
        None => (
            header.column(Field::Unit),
            settings.default_unit.map(str::to_string),
        ),
    };
    let period = match header.cell(cells, Field::Period) {
        Some((column, text)) => (Some(column), Some(text.to_string())),
        None => (header.column(Field::Period), None),
    };
    // With a period, its last day is the date: a "Ngày" column is not needed.
    let date = match (&period.1, header.cell(cells, Field::Date)) {
        (Some(_), None) => (None, settings.today),
        _ => (
            header.column(Field::Date),
            row_date(header, cells, settings)?,
        ),
    };
    // A value may come as one cell, or as numerator and denominator cells.
    let value = match (
        header.cell(cells, Field::Numerator),
        header.cell(cells, Field::Denominator),
    ) {
        (Some((column, n)), Some((_, d))) => (Some(column), format!("{n}/{d}")),
        _ => header
            .cell(cells, Field::Value)
            .map(|(column, v)| (Some(column), v.to_string()))
            .ok_or_else(|| missing(header, Field::Value, i18n::CELL_VALUE))?,
    };
    let entry = Entry {
        indicator: (Some(indicator_column), indicator.to_string()),
        unit,
        date,
        period,
        value,
        note: header.cell(cells, Field::Note).map(|(_, n)| n.to_string()),
        by: header.cell(cells, Field::By).map(|(_, b)| b.to_string()),
    };
    record_entry(tx, &entry, settings, import_id)
}

/// Checks one entry like `record` does and appends it, unless it is already stored.
pub(super) fn record_entry(
    tx: &Transaction,
    entry: &Entry,
    settings: &Settings,
    import_id: i64,
) -> Result<RowOutcome, RowError> {
    // A flow's value covers its period ("Kỳ"), and is dated its last day.
    let period = match lookup_indicator(settings.plan, &entry.indicator.1) {
        Ok((_, indicator)) => {
            entry::period_for(indicator, entry.period.1.as_deref(), settings.today)
                .map_err(|m| (entry.period.0.or(entry.indicator.0), m))?
        }
        // An unknown code is reported with its suggestions by the value's own check.
        Err(_) => None,
    };
    let date = period.map_or(entry.date.1, |(_, end)| end);
    let checked = entry::measurement(
        settings.plan,
        &entry.indicator.1,
        &entry.value.1,
        entry.unit.1.as_deref(),
        date,
        settings.today,
        entry::early_in_first_year(settings.plan, period),
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
    let code = &checked.indicator.code;
    let database = |e: DbError| {
        (
            None,
            ImportMessage::RowDatabaseError {
                error: e.to_string(),
            }
            .into(),
        )
    };
    if let Some(span) = period {
        entry::check_overlap(tx, code, &checked.unit, false, span)
            .map_err(database)?
            .map_err(|m| (entry.period.0, m))?;
    }
    let existing = current_measurement(tx, code, &checked.unit, date, false).map_err(database)?;
    let reading = checked.reading;
    if let Some(old) = &existing {
        if old.value == reading.value
            && old.numerator == reading.numerator
            && old.denominator == reading.denominator
        {
            return Ok(RowOutcome::Unchanged);
        }
        if !settings.correct {
            let (code, unit, day) = (code.clone(), checked.unit.clone(), date);
            let (old, new) = (old.value, reading.value);
            return Err((
                entry.value.0,
                RecordMessage::ValueDiffers {
                    code,
                    unit,
                    day,
                    old,
                    new,
                }
                .into(),
            ));
        }
    }
    insert_measurement(
        tx,
        &NewMeasurement {
            indicator: code.clone(),
            unit: checked.unit.clone(),
            date,
            period_start: period.map(|(start, _)| start),
            value: reading.value,
            numerator: reading.numerator,
            denominator: reading.denominator,
            baseline: false,
            revision: existing.as_ref().map_or(1, |old| old.revision + 1),
            note,
            recorded_by: entry.by.clone().or(settings.by.map(str::to_string)),
            import_id: Some(import_id),
        },
    )
    .map_err(database)?;
    Ok(if existing.is_some() {
        RowOutcome::Corrected
    } else {
        RowOutcome::Imported
    })
}

/// The status a task-status cell names, as the action that reaches it.
pub(super) fn status_action(text: &str) -> Option<TaskAction> {
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

pub(super) fn task_row(
    tx: &Transaction,
    header: &Header,
    cells: &[String],
    settings: &Settings,
    import_id: i64,
) -> Result<RowOutcome, RowError> {
    let (task_column, code) = header
        .cell(cells, Field::Task)
        .ok_or_else(|| missing(header, Field::Task, i18n::CELL_TASK))?;
    let (_, task) = lookup_task(settings.plan, code).map_err(|m| (Some(task_column), m))?;
    if header.column(Field::Status).is_none() {
        return Err(missing(header, Field::Status, i18n::CELL_STATUS));
    }
    let Some((status_column, status)) = header.cell(cells, Field::Status) else {
        return Ok(RowOutcome::Blank);
    };
    let action = status_action(status).ok_or_else(|| {
        let shown = clip(status, ECHO_LIMIT);
        (
            Some(status_column),
            RecordMessage::StatusNotUnderstood { status: shown }.into(),
        )
    })?;
    let note = entry::note(header.cell(cells, Field::Note).map(|(_, n)| n))
        .map_err(|m| (header.column(Field::Note), m))?;
    let date = row_date(header, cells, settings)?;
    entry::check_date(settings.plan, date, settings.today, false)
        .map_err(|m| (header.column(Field::Date), m))?;
    let database = |e: DbError| {
        (
            None,
            ImportMessage::RowDatabaseError {
                error: e.to_string(),
            }
            .into(),
        )
    };
    let events = task_events_of(tx, &task.code).map_err(database)?;
    let (now, _) = task_state(&events, date);
    let reached = match action {
        TaskAction::Done => TaskStatus::Done,
        TaskAction::Start | TaskAction::Reopen => TaskStatus::InProgress,
        TaskAction::Cancel => TaskStatus::Cancelled,
    };
    if now == reached {
        return Ok(RowOutcome::Unchanged);
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
            recorded_by: header
                .cell(cells, Field::By)
                .map(|(_, b)| b.to_string())
                .or(settings.by.map(str::to_string)),
            import_id: Some(import_id),
        },
    )
    .map_err(database)?;
    Ok(RowOutcome::Imported)
}
