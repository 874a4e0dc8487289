//! `kehoach record`: one measurement typed in by the clerk, checked, then appended.

use crate::cli::RecordArgs;
use crate::commands::{as_of, recorder, Context};
use crate::entry;
use crate::error::rejected;
use crate::input::period::format_period;
use crate::output::i18n;
use crate::output::problems::Message;
use crate::output::records::{Figure, Mark, RecordMessage, Stored};
use crate::output::{self};
use crate::plan::measure::{Measurement, Reading};
use crate::store::records::{current_measurement, NewMeasurement};
use crate::store::summaries;
use crate::store::writer::MeasurementWriter;
use crate::views::figures::achieved_text;

/// Runs `record`.
pub fn run(context: &Context, args: RecordArgs) -> anyhow::Result<()> {
    let lang = context.lang;
    let (mut store, plan) = context.open_plan()?;
    let today = as_of(args.as_of.as_of);
    let period = match crate::commands::lookup_indicator(&plan, &args.indicator) {
        Ok((_, indicator)) => {
            entry::period_for(indicator, args.period.as_deref(), today).map_err(rejected)?
        }
        // An unknown code is reported with its suggestions by the value's own check.
        Err(_) => None,
    };
    let date = period.map_or(args.date.unwrap_or(today), |(_, end)| end);
    let checked = entry::measurement(
        &plan,
        &args.indicator,
        &args.value,
        args.unit.as_deref(),
        date,
        today,
        args.baseline || entry::early_in_first_year(&plan, period),
        Some(args.yes),
    )
    .map_err(|refusal| rejected(refusal.message))?;
    let (indicator, unit, new) = (checked.indicator, checked.unit.to_string(), checked.reading);
    let note = entry::note(args.note.as_deref()).map_err(rejected)?;
    let code = indicator.code.clone();
    let outcome = store.write(|tx| {
        let writer = MeasurementWriter::new(tx, &plan)?;
        if let Some(span) = period {
            let touching = writer.periods_touching(&code, &unit, args.baseline, span)?;
            entry::check_overlap(&code, &unit, span, &touching).map_err(rejected)?;
        }
        let existing = current_measurement(tx, &code, &unit, date, args.baseline)?;
        if args.correct && existing.is_none() {
            // A mistyped date would otherwise record a new value without a word.
            let (code, unit, day) = (code.clone(), unit.clone(), date);
            return Err(rejected(
                Message::NothingToCorrect { code, unit, day }.into(),
            ));
        }
        if let Some(old) = &existing {
            if same_reading(old, &new) {
                return Ok(Recorded::Unchanged);
            }
            if !args.correct {
                return Err(already_recorded(
                    old,
                    &code,
                    &unit,
                    &indicator.unit_of_measure,
                ));
            }
            if note.is_none() {
                return Err(rejected(RecordMessage::CorrectionNeedsNote.into()));
            }
        }
        let recorded_by = recorder(args.by.clone());
        writer.insert(&NewMeasurement {
            indicator: &code,
            unit: &unit,
            date,
            period_start: period.map(|(start, _)| start),
            value: new.value,
            numerator: new.numerator,
            denominator: new.denominator,
            baseline: args.baseline,
            revision: existing.as_ref().map_or(1, |old| old.revision + 1),
            note: note.as_deref(),
            recorded_by: recorded_by.as_deref(),
            import_id: None,
        })?;
        writer.finish(&plan)?;
        Ok(if existing.is_some() {
            Recorded::Corrected
        } else {
            Recorded::New
        })
    })?;
    let figure = Figure {
        reading: new,
        unit_of_measure: indicator.unit_of_measure.clone(),
    };
    let mut marks: Vec<Mark> = Vec::new();
    if let Some(span) = period {
        marks.push(Mark::Period(format_period(span)));
    }
    if args.baseline {
        marks.push(Mark::Baseline);
    }
    let outcome = match outcome {
        Recorded::Unchanged => Stored::Unchanged,
        Recorded::New => Stored::New,
        Recorded::Corrected => Stored::Corrected,
    };
    let (unit, day) = (unit.clone(), date);
    let stored = RecordMessage::Stored {
        outcome,
        code: code.clone(),
        marks,
        figure,
        unit,
        day,
    };
    let mut text = stored.render(lang);
    text.push('\n');
    // The ward's figure as the reports will judge it: from the summary just brought up to date.
    let summary = summaries::load_one(store.conn(), indicator)?;
    let ward = plan.ward().map(|u| u.code.as_str()).unwrap_or_default();
    let standing = summary.standing_on(indicator, ward, today.max(date), indicator.target);
    if let Some(achieved) = standing.achieved {
        let target = i18n::indicator_target(lang, indicator, indicator.target);
        text.push_str(&format!(
            "{}: {} — {} ({}: {target})\n",
            lang.pick(i18n::WARD),
            achieved_text(lang, indicator.kind, achieved, &indicator.unit_of_measure),
            i18n::status(lang, standing.status),
            lang.pick(i18n::TARGET),
        ));
    }
    output::print(&text)
}

enum Recorded {
    New,
    Corrected,
    Unchanged,
}

fn same_reading(old: &Measurement, new: &Reading) -> bool {
    old.value == new.value && old.numerator == new.numerator && old.denominator == new.denominator
}

fn already_recorded(
    old: &Measurement,
    code: &str,
    unit: &str,
    unit_of_measure: &str,
) -> anyhow::Error {
    let by = old.recorded_by.as_deref();
    let at = crate::output::clerk::local_time(&old.recorded_at);
    let old_figure = Figure {
        reading: as_reading(old),
        unit_of_measure: unit_of_measure.to_string(),
    };
    rejected(
        RecordMessage::AlreadyRecorded {
            code: code.to_string(),
            unit: unit.to_string(),
            day: old.date,
            old: old_figure,
            by: by.map(String::from),
            at,
        }
        .into(),
    )
}

fn as_reading(m: &Measurement) -> Reading {
    Reading {
        value: m.value,
        numerator: m.numerator,
        denominator: m.denominator,
    }
}
