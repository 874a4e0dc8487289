//! What a clerk enters, one measurement or one task change, checked against the plan the
//! same way whether it is typed (`record`, `task`) or read from a CSV row (`import`).

use chrono::NaiveDate;

use crate::commands::{lookup_indicator, lookup_unit};
use crate::input::number::{parse_value, Value};
use crate::input::text::{clip, ECHO_LIMIT};
use crate::output::i18n::{self, Localized};
use crate::output::problems::Message;
use crate::plan::measure::{reading, Reading};
use crate::plan::{Indicator, IndicatorKind, Plan};

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
    pub unit: String,
    pub date: NaiveDate,
    pub reading: Reading,
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
    let indicator = clip(indicator.trim(), ECHO_LIMIT);
    let (_, indicator) =
        lookup_indicator(plan, &indicator).map_err(|m| refuse(Part::Indicator, m))?;
    let unit = match unit {
        Some(unit) => lookup_unit(plan, &clip(unit.trim(), UNIT_ECHO_LIMIT))
            .map_err(|m| refuse(Part::Unit, m))?
            .code
            .clone(),
        None => indicator.lead().to_string(),
    };
    check_date(plan, date, today, baseline).map_err(|m| refuse(Part::Date, m))?;
    let typed_whole = value.trim();
    let typed_echo = clip(typed_whole, ECHO_LIMIT);
    let typed = typed_echo.as_str();
    let parsed = parse_value(typed_whole)
        .map_err(|e| refuse(Part::Value, i18n::invalid_value(typed, &e)))?;
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
            i18n::reading_problem(p, &indicator.code, &indicator.unit_of_measure),
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
        return Err(i18n::date_in_future(date, today));
    }
    let (start, end) = (plan.meta.start, plan.meta.end);
    if !baseline && (date < start || date > end) {
        return Err(i18n::date_outside_plan(date, start, end));
    }
    Ok(())
}
