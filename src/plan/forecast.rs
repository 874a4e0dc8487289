//! Where an indicator is heading, and which items are at risk of being missed.
//!
//! A forecast is made only on enough evidence and never leaves the indicator's domain:
//! - at least [`MIN_READINGS`] measured days spanning at least [`MIN_SPAN_DAYS`] days: two
//!   readings five days apart say nothing about a year;
//! - the line is Theil–Sen's (the median of the slopes between every two of the last
//!   [`RECENT_READINGS`] readings), so one odd reading does not swing it;
//! - no further ahead of the last reading than [`MAX_REACH`] times the span the readings cover;
//! - a percentage stays within 0–100, a count never falls below zero nor below its latest
//!   figure (counts here add up), a reduction never exceeds 100%, a growth never goes below -100%.
//!
//! An open item is at risk when its forecast misses the target on its due date; without a
//! forecast, when the figure is behind the pace that leads from the starting point to the
//! target on the due date; a task, when it has not started with half its time gone.

use chrono::NaiveDate;
use serde::Serialize;

use super::compliance::{task_state, Item, ItemKind, Moment, Outcome, Records, TaskStatus};
use super::{IndicatorKind, Plan};

/// Fewest measured days a forecast is made from.
pub const MIN_READINGS: usize = 3;
/// Fewest days between the first and the last reading a forecast is made from.
pub const MIN_SPAN_DAYS: i64 = 14;
/// How many of the latest readings the line is drawn through: the recent pace, not last year's.
pub const RECENT_READINGS: usize = 12;
/// How far ahead of the last reading a forecast may reach, in multiples of the readings' span.
pub const MAX_REACH: i64 = 2;
/// The share of a task's time after which not having started puts it at risk.
pub const TASK_START_BY: f64 = 0.5;

/// What a forecast was made from: "6 readings over 9 weeks".
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Basis {
    pub readings: usize,
    pub span_days: i64,
}

/// A forecast, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "forecast")]
pub enum Forecast {
    /// The figure the line reaches on the day asked, clamped to the indicator's domain.
    Value { value: f64, basis: Basis },
    /// Fewer readings, or a shorter span, than a forecast needs.
    TooFewReadings { basis: Basis },
    /// The day asked is further ahead than the readings can tell.
    TooFarAhead { basis: Basis },
}

impl Forecast {
    /// The forecast value, if there is one.
    pub fn value(self) -> Option<f64> {
        match self {
            Self::Value { value, .. } => Some(value),
            _ => None,
        }
    }
}

/// The median of `values` (not empty).
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len() % 2 == 1 {
        values[middle]
    } else {
        (values[middle - 1] + values[middle]) / 2.0
    }
}

/// Theil–Sen's line through (x, y) points with at least two distinct x: (slope, intercept).
fn theil_sen(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    let mut slopes = Vec::new();
    for (i, a) in points.iter().enumerate() {
        for b in &points[i + 1..] {
            if b.0 != a.0 {
                slopes.push((b.1 - a.1) / (b.0 - a.0));
            }
        }
    }
    if slopes.is_empty() {
        return None;
    }
    let slope = median(&mut slopes);
    let mut intercepts: Vec<f64> = points.iter().map(|(x, y)| y - slope * x).collect();
    Some((slope, median(&mut intercepts)))
}

/// Keeps `value` inside what the indicator's figure can be.
fn clamp_to_domain(kind: IndicatorKind, value: f64, latest: f64) -> f64 {
    match kind {
        IndicatorKind::Percent => value.clamp(0.0, 100.0),
        IndicatorKind::Count => value.max(latest).max(0.0),
        IndicatorKind::Reduction => value.min(100.0),
        IndicatorKind::Growth => value.max(-100.0),
    }
}

/// The figure the series (one reading per measured day, oldest first) reaches on `day`.
pub fn forecast(kind: IndicatorKind, series: &[(NaiveDate, f64)], day: NaiveDate) -> Forecast {
    let recent = &series[series.len().saturating_sub(RECENT_READINGS)..];
    let basis = Basis {
        readings: recent.len(),
        span_days: match (recent.first(), recent.last()) {
            (Some(first), Some(last)) => (last.0 - first.0).num_days(),
            _ => 0,
        },
    };
    let (Some(first), Some(last)) = (recent.first(), recent.last()) else {
        return Forecast::TooFewReadings { basis };
    };
    if basis.readings < MIN_READINGS || basis.span_days < MIN_SPAN_DAYS {
        return Forecast::TooFewReadings { basis };
    }
    if (day - last.0).num_days() > MAX_REACH * basis.span_days {
        return Forecast::TooFarAhead { basis };
    }
    let x = |d: NaiveDate| (d - first.0).num_days() as f64;
    let points: Vec<(f64, f64)> = recent.iter().map(|(d, v)| (x(*d), *v)).collect();
    let Some((slope, intercept)) = theil_sen(&points) else {
        return Forecast::TooFewReadings { basis };
    };
    let value = clamp_to_domain(kind, intercept + slope * x(day), last.1);
    Forecast::Value { value, basis }
}

/// Why an open item is at risk.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum RiskReason {
    /// The forecast on the due day misses the target.
    ForecastMisses { forecast: f64, basis: Basis },
    /// No forecast can be made, and the figure is behind the pace to the target.
    BehindPace { expected: f64, achieved: f64 },
    /// A task not started with this share of its time (phase start to deadline) gone.
    NotStarted { elapsed_pct: f64 },
}

/// An open item and why it is at risk.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AtRisk {
    pub item: Item,
    #[serde(flatten)]
    pub reason: RiskReason,
}

/// The open items, among `items` judged at `moment`, that are at risk of being missed.
/// For an indicator only its next open checkpoint or deadline is looked at.
pub fn at_risk(plan: &Plan, records: &Records, moment: Moment, items: &[Item]) -> Vec<AtRisk> {
    let today = moment.day();
    let ward = plan.ward().map(|u| u.code.as_str()).unwrap_or("");
    let mut risks = Vec::new();
    for (content, task) in plan.tasks() {
        let Some(item) = items.iter().find(|i| {
            i.kind == ItemKind::Task && i.code == task.code && i.outcome == Outcome::Open
        }) else {
            continue;
        };
        let events = records
            .task_events
            .get(&task.code)
            .map_or(&[][..], Vec::as_slice);
        if task_state(events, today).0 != TaskStatus::NotStarted {
            continue;
        }
        let Some(start) = content.phase(task.phase).map(|p| p.start) else {
            continue;
        };
        let length = (task.deadline - start).num_days();
        let elapsed = (today - start).num_days();
        if length > 0 && elapsed as f64 >= TASK_START_BY * length as f64 {
            risks.push(AtRisk {
                item: item.clone(),
                reason: RiskReason::NotStarted {
                    elapsed_pct: elapsed as f64 / length as f64 * 100.0,
                },
            });
        }
    }
    for (_, indicator) in plan.indicators() {
        let next = items
            .iter()
            .filter(|i| {
                i.kind == ItemKind::Indicator
                    && i.code == indicator.code
                    && i.outcome == Outcome::Open
            })
            .min_by_key(|i| i.due);
        let Some(item) = next else { continue };
        let Some((comparator, target)) = item.target else {
            continue;
        };
        let series = records
            .summaries
            .get(&indicator.code)
            .map(|summary| summary.series(indicator, ward, today))
            .unwrap_or_default();
        let reason = match forecast(indicator.kind, &series, item.due) {
            Forecast::Value { value, basis } => {
                (!comparator.holds(value, target)).then_some(RiskReason::ForecastMisses {
                    forecast: value,
                    basis,
                })
            }
            _ => behind_pace(
                indicator.kind,
                &series,
                plan.meta.start,
                today,
                item.due,
                target,
            )
            .filter(|(expected, achieved)| !comparator.holds(*achieved, *expected))
            .map(|(expected, achieved)| RiskReason::BehindPace { expected, achieved }),
        };
        if let Some(reason) = reason {
            risks.push(AtRisk {
                item: item.clone(),
                reason,
            });
        }
    }
    risks
}

/// (expected by `today`, achieved) on the straight path from the starting point to `target`
/// on `due`. The starting point: a rate's first reading; zero at the plan's start for counts,
/// reductions and growth (nothing done, no change yet). `None` without a reading.
fn behind_pace(
    kind: IndicatorKind,
    series: &[(NaiveDate, f64)],
    plan_start: NaiveDate,
    today: NaiveDate,
    due: NaiveDate,
    target: f64,
) -> Option<(f64, f64)> {
    let achieved = series.last()?.1;
    let (start_day, start_value) = match kind {
        IndicatorKind::Percent => *series.first()?,
        _ => (plan_start, 0.0),
    };
    let length = (due - start_day).num_days();
    if length <= 0 || today <= start_day {
        return None;
    }
    let share = ((today - start_day).num_days() as f64 / length as f64).min(1.0);
    Some((start_value + (target - start_value) * share, achieved))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn series(points: &[(&str, f64)]) -> Vec<(NaiveDate, f64)> {
        points.iter().map(|(d, v)| (day(d), *v)).collect()
    }

    #[test]
    fn two_readings_five_days_apart_are_no_forecast() {
        let s = series(&[("2026-11-01", 1.0), ("2026-11-06", 2.0)]);
        assert_eq!(
            forecast(IndicatorKind::Count, &s, day("2027-09-30")),
            Forecast::TooFewReadings {
                basis: Basis {
                    readings: 2,
                    span_days: 5
                }
            }
        );
        // Three readings within a week: still too short a span.
        let s = series(&[
            ("2026-11-01", 1.0),
            ("2026-11-03", 2.0),
            ("2026-11-06", 3.0),
        ]);
        assert!(matches!(
            forecast(IndicatorKind::Count, &s, day("2026-11-10")),
            Forecast::TooFewReadings { .. }
        ));
    }

    #[test]
    fn a_straight_line_is_extended_within_reach() {
        let s = series(&[
            ("2026-01-01", 10.0),
            ("2026-01-11", 20.0),
            ("2026-01-21", 30.0),
        ]);
        assert_eq!(
            forecast(IndicatorKind::Percent, &s, day("2026-01-31")).value(),
            Some(40.0)
        );
        // Twenty days of readings say nothing about a day sixty days after the last.
        assert!(matches!(
            forecast(IndicatorKind::Percent, &s, day("2026-03-23")),
            Forecast::TooFarAhead { .. }
        ));
    }

    #[test]
    fn one_odd_reading_does_not_swing_the_line() {
        let s = series(&[
            ("2026-01-01", 10.0),
            ("2026-01-08", 11.0),
            ("2026-01-15", 95.0),
            ("2026-01-22", 13.0),
            ("2026-01-29", 14.0),
        ]);
        let value = forecast(IndicatorKind::Percent, &s, day("2026-02-05"))
            .value()
            .unwrap();
        assert!((value - 15.0).abs() < 0.5, "{value}");
    }

    #[test]
    fn forecasts_stay_in_the_domain() {
        let falling = series(&[
            ("2026-01-01", 60.0),
            ("2026-01-11", 30.0),
            ("2026-01-21", 5.0),
        ]);
        assert_eq!(
            forecast(IndicatorKind::Percent, &falling, day("2026-02-10")).value(),
            Some(0.0)
        );
        // A count adds up: never below its latest figure, however the readings wobble.
        let counts = series(&[
            ("2026-01-01", 5.0),
            ("2026-01-11", 4.0),
            ("2026-01-21", 3.0),
        ]);
        assert_eq!(
            forecast(IndicatorKind::Count, &counts, day("2026-02-10")).value(),
            Some(3.0)
        );
        let rising = series(&[
            ("2026-01-01", 60.0),
            ("2026-01-11", 90.0),
            ("2026-01-21", 99.0),
        ]);
        assert_eq!(
            forecast(IndicatorKind::Percent, &rising, day("2026-02-10")).value(),
            Some(100.0)
        );
        let reduction = series(&[
            ("2026-01-01", 40.0),
            ("2026-01-11", 70.0),
            ("2026-01-21", 95.0),
        ]);
        assert_eq!(
            forecast(IndicatorKind::Reduction, &reduction, day("2026-02-10")).value(),
            Some(100.0)
        );
    }

    #[test]
    fn pace_is_pro_rated_from_the_start_to_the_target() {
        // A count from zero on 01/06 to 10 on 31/12 (213 days): by 01/10 (122 days) 5.73.
        let s = series(&[("2026-09-01", 3.0)]);
        let (expected, achieved) = behind_pace(
            IndicatorKind::Count,
            &s,
            day("2026-06-01"),
            day("2026-10-01"),
            day("2026-12-31"),
            10.0,
        )
        .unwrap();
        assert!((expected - 10.0 * 122.0 / 213.0).abs() < 1e-9);
        assert_eq!(achieved, 3.0);
        // A rate starts from its first reading.
        let s = series(&[("2026-07-01", 80.0), ("2026-08-01", 82.0)]);
        let (expected, _) = behind_pace(
            IndicatorKind::Percent,
            &s,
            day("2026-06-01"),
            day("2026-08-01"),
            day("2026-08-31"),
            90.0,
        )
        .unwrap();
        assert!((expected - (80.0 + 10.0 * 31.0 / 61.0)).abs() < 1e-9);
        assert_eq!(
            behind_pace(
                IndicatorKind::Count,
                &[],
                day("2026-06-01"),
                day("2026-10-01"),
                day("2026-12-31"),
                10.0
            ),
            None
        );
    }
}
