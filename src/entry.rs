//! What a clerk enters, one measurement or one task change, checked against the plan the
//! same way whether it is typed (`record`, `task`) or read from a CSV row (`import`).

use chrono::{Datelike, NaiveDate};

use crate::input::number::{parse_value, Value};
use crate::input::period::{format_period, parse_period, Span};
use crate::input::text::{clipped, trim, ECHO_LIMIT};
use crate::input::text::{fold, suggest};
use crate::output::i18n::Localized;
use crate::output::periods::PeriodMessage;
use crate::output::problems::Message;
use crate::output::records::RecordMessage;
use crate::output::refusals;
use crate::plan::measure::{reading, Reading};
use crate::plan::{Accumulation, Indicator, IndicatorKind, Plan};
use crate::plan::{Content, Task, Unit};

/// Which part of an entry a problem is about (a CSV column, a command-line argument).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Indicator,
    Unit,
    Date,
    Value,
}

/// Why an entry was refused, and which part of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub part: Part,
    pub message: Localized,
}

fn refuse(part: Part, message: Localized) -> Refusal {
    Refusal { part, message }
}

/// A measurement that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedMeasurement<'p> {
    pub indicator: &'p Indicator,
    /// The unit's code, as the plan writes it.
    pub unit: &'p str,
    pub date: NaiveDate,
    pub reading: Reading,
}

/// The period a value covers (`--period`, a `Kỳ` cell), checked against its indicator: a
/// flow needs one, a level takes none, and the period must be over by `today`.
pub fn period_for(
    indicator: &Indicator,
    period: Option<&str>,
    today: NaiveDate,
) -> Result<Option<Span>, Localized> {
    let flow = indicator.accumulation == Accumulation::Flow;
    let text = period.map(str::trim).filter(|t| !t.is_empty());
    match (text, flow) {
        (None, false) => Ok(None),
        (None, true) => Err(PeriodMessage::PeriodNeeded {
            code: indicator.code.clone(),
        }
        .into()),
        (Some(_), false) => Err(PeriodMessage::PeriodNotForLevel {
            code: indicator.code.clone(),
        }
        .into()),
        (Some(text), true) => {
            let text = clipped(text, ECHO_LIMIT);
            let (start, end) = parse_period(&text).ok_or_else(|| {
                let text = text.to_string();
                PeriodMessage::PeriodInvalid { text }.localized()
            })?;
            if end > today {
                let period = format_period((start, end));
                return Err(PeriodMessage::PeriodNotOver { period, end }.into());
            }
            Ok(Some((start, end)))
        }
    }
}

/// Whether a flow's value may take a date before the plan began: its months of the plan's
/// first year count, since a flow is compared on the year to date.
pub fn early_in_first_year(plan: &Plan, span: Option<Span>) -> bool {
    span.is_some_and(|(start, _)| start.year() >= plan.meta.start.year() && start < plan.meta.start)
}

/// Refuses a period that overlaps another of the same indicator, unit and kind of value: each
/// day belongs to one period; the same period again is a correction.
pub fn check_overlap(
    code: &str,
    unit: &str,
    span: Span,
    touching: &[Span],
) -> Result<(), Localized> {
    match touching.iter().find(|other| **other != span) {
        Some(other) => Err(PeriodMessage::PeriodOverlaps {
            code: code.to_string(),
            unit: unit.to_string(),
            new: format_period(span),
            old: format_period(*other),
        }
        .into()),
        None => Ok(()),
    }
}

/// The longest note kept, in characters: a note is a sentence or two, and a 5 MB one made
/// every listing that shows notes crawl.
pub const NOTE_LIMIT: usize = 2000;

/// A note as stored: trimmed, in NFC, none when blank; refused when longer than
/// [`NOTE_LIMIT`].
pub fn note(text: Option<&str>) -> Result<Option<String>, Localized> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let length = text.chars().count();
    if length > NOTE_LIMIT {
        let limit = NOTE_LIMIT;
        return Err(Message::NoteTooLong { length, limit }.into());
    }
    Ok(Some(crate::input::text::nfc(text)))
}

/// Units' names and aliases may be long; nothing longer than this is one.
const UNIT_ECHO_LIMIT: usize = 120;

/// Checks one measurement: the indicator and unit exist, the date is in the plan and not in
/// the future, the value is one the indicator's kind accepts. A value below 1 typed for a
/// percentage is refused unless `yes` is `Some(true)` (`record --yes`); `None` where no
/// confirmation can be given (an imported row: write "0,5%" there).
#[allow(clippy::too_many_arguments)]
pub fn measurement<'p>(
    plan: &'p Plan,
    indicator: &str,
    value: &str,
    unit: Option<&str>,
    date: NaiveDate,
    today: NaiveDate,
    baseline: bool,
    yes: Option<bool>,
) -> Result<CheckedMeasurement<'p>, Refusal> {
    // A code is a few characters: a long cell is echoed cut, never whole.
    let indicator = clipped(trim(indicator), ECHO_LIMIT);
    let (_, indicator) =
        lookup_indicator(plan, &indicator).map_err(|m| refuse(Part::Indicator, m))?;
    let unit = match unit {
        Some(unit) => lookup_unit(plan, &clipped(trim(unit), UNIT_ECHO_LIMIT))
            .map_err(|m| refuse(Part::Unit, m))?
            .code
            .as_str(),
        None => indicator.lead(),
    };
    check_date(plan, date, today, baseline).map_err(|m| refuse(Part::Date, m))?;
    let typed_whole = trim(value);
    let typed_echo = clipped(typed_whole, ECHO_LIMIT);
    let typed = &*typed_echo;
    let parsed = parse_value(typed_whole).map_err(|error| {
        let typed = typed.to_string();
        refuse(
            Part::Value,
            refusals::InputRefusal::InvalidValue { typed, error }.into(),
        )
    })?;
    let (number, percent_sign, ratio) = match parsed {
        Value::Plain { value, percent } => (value, percent, None),
        Value::Ratio {
            numerator,
            denominator,
        } => (0.0, false, Some((numerator, denominator))),
    };
    if indicator.kind == IndicatorKind::Count && ratio.is_none() && number.fract() != 0.0 {
        let (typed, code) = (typed.to_string(), indicator.code.clone());
        let unit_of_measure = indicator.unit_of_measure.clone();
        return Err(refuse(
            Part::Value,
            Message::CountNotWhole {
                typed,
                code,
                unit_of_measure,
            }
            .into(),
        ));
    }
    // 0,955 for a rate is most likely 95,5% typed as a fraction: asked, not stored silently.
    let fraction = indicator.kind == IndicatorKind::Percent
        && ratio.is_none()
        && !percent_sign
        && number > 0.0
        && number < 1.0;
    if fraction && yes != Some(true) {
        return Err(refuse(
            Part::Value,
            Message::FractionForPercent {
                typed: typed.to_string(),
                value: number,
                confirm: yes.is_some(),
            }
            .into(),
        ));
    }
    let reading = reading(indicator.kind, number, percent_sign, ratio).map_err(|p| {
        refuse(
            Part::Value,
            RecordMessage::Reading {
                problem: p,
                indicator: indicator.code.clone(),
                unit_of_measure: indicator.unit_of_measure.clone(),
            }
            .into(),
        )
    })?;
    Ok(CheckedMeasurement {
        indicator,
        unit,
        date,
        reading,
    })
}

/// A value's date must be in the plan's span (a baseline may precede it) and not in the future.
pub fn check_date(
    plan: &Plan,
    date: NaiveDate,
    today: NaiveDate,
    baseline: bool,
) -> Result<(), Localized> {
    if date > today {
        return Err(RecordMessage::DateInFuture { day: date, today }.into());
    }
    let (start, end) = (plan.meta.start, plan.meta.end);
    if !baseline && (date < start || date > end) {
        return Err(RecordMessage::DateOutsidePlan {
            day: date,
            start,
            end,
        }
        .into());
    }
    Ok(())
}

/// The indicator written `code` (any case), or why not, with the nearest codes.
pub fn lookup_indicator<'p>(
    plan: &'p Plan,
    code: &str,
) -> Result<(&'p Content, &'p Indicator), Localized> {
    let code = trim(code);
    plan.indicator_by_code(code).ok_or_else(|| {
        RecordMessage::UnknownIndicator {
            code: code.to_string(),
            suggestions: owned(suggest(
                code,
                plan.indicators().map(|(_, i)| i.code.as_str()),
                3,
            )),
        }
        .into()
    })
}

/// The task written `code` (any case), or why not, with the nearest codes.
pub fn lookup_task<'p>(plan: &'p Plan, code: &str) -> Result<(&'p Content, &'p Task), Localized> {
    let code = code.trim();
    plan.tasks()
        .find(|(_, t)| t.code.eq_ignore_ascii_case(code))
        .ok_or_else(|| {
            RecordMessage::UnknownTask {
                code: code.to_string(),
                suggestions: owned(suggest(code, plan.tasks().map(|(_, t)| t.code.as_str()), 3)),
            }
            .into()
        })
}

/// The unit written as its code, its full name or an alias (any case, with or without
/// diacritics), or why not, with the nearest codes.
pub fn lookup_unit<'p>(plan: &'p Plan, text: &str) -> Result<&'p Unit, Localized> {
    // Nearly every row of an import names the unit by its code: find that without folding.
    if let Some(unit) = plan.unit_by_code(trim(text)) {
        return Ok(unit);
    }
    let wanted = fold(text);
    plan.units
        .iter()
        .find(|u| {
            fold(&u.code) == wanted
                || fold(&u.name) == wanted
                || u.aliases.iter().any(|a| fold(a) == wanted)
        })
        .ok_or_else(|| {
            let text = text.trim();
            RecordMessage::UnknownUnit {
                text: text.to_string(),
                suggestions: owned(suggest(text, plan.units.iter().map(|u| u.code.as_str()), 3)),
            }
            .into()
        })
}

/// Suggested codes, owned, for a message made now and shown later.
fn owned(codes: Vec<&str>) -> Vec<String> {
    codes.into_iter().map(String::from).collect()
}
