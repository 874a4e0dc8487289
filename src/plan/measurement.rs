//! One recorded value, as the store keeps it; and a week's values, counted.

use chrono::NaiveDate;
use serde::Serialize;

/// One recorded value, as stored: never changed, a correction is a new revision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measurement {
    pub id: i64,
    pub indicator: String,
    pub unit: String,
    /// The day the figure describes (not the day it was typed in); for a flow, the last day
    /// of the period it covers.
    pub date: NaiveDate,
    /// A flow's period begins here (`None` for a level, or a flow recorded before periods:
    /// read as the year to its date).
    pub period_start: Option<NaiveDate>,
    pub value: f64,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// A past figure that reduction and growth indicators are judged against.
    pub baseline: bool,
    /// 1 for the first value of an (indicator, unit, date); each correction adds one.
    pub revision: i64,
    pub note: Option<String>,
    pub recorded_by: Option<String>,
    /// When it was typed in, ISO date and time (UTC).
    pub recorded_at: String,
}

/// What a week held, counted (by the store) rather than read row by row: a week of a city's
/// files holds a quarter of a million values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WeekCount {
    /// Every revision dated in the week.
    pub values: usize,
    /// By indicator code: (values, corrections among them).
    pub by_indicator: Vec<(String, usize, usize)>,
    /// The units that sent any value dated in the week.
    pub units: std::collections::BTreeSet<String>,
}
