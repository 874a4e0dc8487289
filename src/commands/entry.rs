//! What a clerk enters, one measurement or one task change, checked against the plan the
//! same way whether it is typed (`record`, `task`) or read from a CSV row (`import`).

use chrono::NaiveDate;

use crate::commands::{lookup_indicator, lookup_unit};
use crate::input::number::{parse_value, Value};
use crate::output::i18n::{self, Localized};
use crate::plan::measure::{reading, Reading};
use crate::plan::{Indicator, Plan};

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

/// Checks one measurement: the indicator and unit exist, the date is in the plan and not in
/// the future, the value is one the indicator's kind accepts.
pub fn measurement<'p>(
    plan: &'p Plan,
    indicator: &str,
    value: &str,
    unit: Option<&str>,
    date: NaiveDate,
    today: NaiveDate,
    baseline: bool,
) -> Result<CheckedMeasurement<'p>, Refusal> {
    let (_, indicator) =
        lookup_indicator(plan, indicator).map_err(|m| refuse(Part::Indicator, m))?;
    let unit = match unit {
        Some(unit) => lookup_unit(plan, unit)
            .map_err(|m| refuse(Part::Unit, m))?
            .code
            .clone(),
        None => indicator.lead().to_string(),
    };
    check_date(plan, date, today, baseline).map_err(|m| refuse(Part::Date, m))?;
    let typed = value.trim();
    let parsed =
        parse_value(typed).map_err(|e| refuse(Part::Value, i18n::invalid_value(typed, &e)))?;
    let (number, percent_sign, ratio) = match parsed {
        Value::Plain { value, percent } => (value, percent, None),
        Value::Ratio {
            numerator,
            denominator,
        } => (0.0, false, Some((numerator, denominator))),
    };
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
