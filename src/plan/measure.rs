//! Measurements and how they add up to the figure an indicator is judged on.
//! (Long with its unit and property tests, beside the rules they hold.)

use std::borrow::Borrow;

use chrono::NaiveDate;
use serde::Serialize;

#[cfg(test)]
use super::flow::flow_figure;
use super::flow::FlowFigure;
pub use super::measurement::{Measurement, WeekCount};
#[cfg(test)]
use super::Accumulation;
use super::{Indicator, IndicatorKind};

/// A unit's latest figure for an indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitFigure {
    pub unit: String,
    pub date: NaiveDate,
    pub value: f64,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
}

impl UnitFigure {
    /// A unit's figure as one of its measurements gives it.
    pub fn of(m: &Measurement) -> Self {
        UnitFigure {
            unit: m.unit.clone(),
            date: m.date,
            value: m.value,
            numerator: m.numerator,
            denominator: m.denominator,
        }
    }
}

/// The ward's figure for an indicator on a day, and how it was arrived at.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct WardFigure {
    pub value: f64,
    /// The most recent date among the figures it was made from.
    pub date: NaiveDate,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub method: Aggregation,
}

/// How a ward figure was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// The ward's own recorded figure.
    WardRecorded,
    /// The sum of the units' latest figures.
    Sum,
    /// Summed numerators over summed denominators.
    RatioOfSums,
    /// The plain mean of the units' rates, where some gave no denominator.
    MeanOfRates,
    /// A flow: the periods recorded in the year to date, added up.
    PeriodSum,
}

/// Whether an indicator meets its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    NoData,
    /// A reduction or growth indicator whose baseline is not known yet.
    NoBaseline,
}

/// Each unit's latest non-baseline figure with a date on or before `as_of`.
///
/// `measurements` must be current revisions only (a correction replaces what it corrects).
pub fn latest_per_unit(
    measurements: &[Measurement],
    as_of: NaiveDate,
    baseline: bool,
) -> Vec<UnitFigure> {
    // By unit, the measurement with the latest date; on a tie, the first one met.
    let mut latest: std::collections::HashMap<&str, &Measurement> =
        std::collections::HashMap::new();
    for m in measurements
        .iter()
        .filter(|m| m.baseline == baseline && m.date <= as_of)
    {
        latest
            .entry(m.unit.as_str())
            .and_modify(|kept| {
                if kept.date < m.date {
                    *kept = m;
                }
            })
            .or_insert(m);
    }
    let mut figures: Vec<UnitFigure> = latest.into_values().map(UnitFigure::of).collect();
    figures.sort_by(|a, b| a.unit.cmp(&b.unit));
    figures
}

/// The ward figure from the units' latest figures.
///
/// The ward's own figure wins when it is at least as recent as every unit's: a department
/// that reports the ward total knows better than a sum of stale parts.
pub fn ward_figure<F: Borrow<UnitFigure>>(
    kind: IndicatorKind,
    ward: &str,
    figures: &[F],
) -> Option<WardFigure> {
    // By reference: the summaries call this once per unit and measured day.
    let figures: Vec<&UnitFigure> = figures.iter().map(Borrow::borrow).collect();
    let newest = figures.iter().map(|f| f.date).max()?;
    if let Some(own) = figures.iter().find(|f| f.unit == ward && f.date == newest) {
        return Some(WardFigure {
            value: own.value,
            date: own.date,
            numerator: own.numerator,
            denominator: own.denominator,
            method: Aggregation::WardRecorded,
        });
    }
    let parts: Vec<&UnitFigure> = figures.into_iter().filter(|f| f.unit != ward).collect();
    if parts.is_empty() {
        return None;
    }
    let date = parts.iter().map(|f| f.date).max()?;
    if kind != IndicatorKind::Percent {
        return Some(WardFigure {
            value: parts.iter().map(|f| f.value).sum(),
            date,
            numerator: None,
            denominator: None,
            method: Aggregation::Sum,
        });
    }
    let all_counted = parts.iter().all(|f| f.denominator.is_some());
    if all_counted {
        let numerator: f64 = parts.iter().filter_map(|f| f.numerator).sum();
        let denominator: f64 = parts.iter().filter_map(|f| f.denominator).sum();
        if denominator > 0.0 {
            return Some(WardFigure {
                value: numerator / denominator * 100.0,
                date,
                numerator: Some(numerator),
                denominator: Some(denominator),
                method: Aggregation::RatioOfSums,
            });
        }
    }
    let mean = parts.iter().map(|f| f.value).sum::<f64>() / parts.len() as f64;
    Some(WardFigure {
        value: mean,
        date,
        numerator: None,
        denominator: None,
        method: Aggregation::MeanOfRates,
    })
}

/// The figure compared with the target: the value itself, or its change against the baseline.
///
/// `None` when the indicator needs a baseline and has none (or a zero one).
pub fn achieved(kind: IndicatorKind, value: f64, baseline: Option<f64>) -> Option<f64> {
    match kind {
        IndicatorKind::Percent | IndicatorKind::Count => Some(value),
        IndicatorKind::Reduction => baseline
            .filter(|b| *b != 0.0)
            .map(|b| (b - value) / b * 100.0),
        IndicatorKind::Growth => baseline
            .filter(|b| *b != 0.0)
            .map(|b| (value - b) / b * 100.0),
    }
}

/// Everything known about an indicator on a day: the figures, the ward's, and the verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    pub units: Vec<UnitFigure>,
    pub ward: Option<WardFigure>,
    pub baseline: Option<f64>,
    pub achieved: Option<f64>,
    pub status: Status,
    /// A flow's window and what it was compared with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flow: Option<FlowFigure>,
}

/// Judges `indicator` against `target` with what was measured on or before `as_of`, from the
/// raw history: the reference the kept summaries are held to (`plan::summary`'s property
/// tests); the program itself judges from the summaries (`Summary::standing_on`).
#[cfg(test)]
pub fn standing(
    indicator: &Indicator,
    ward: &str,
    measurements: &[Measurement],
    as_of: NaiveDate,
    target: f64,
) -> Standing {
    if indicator.accumulation == Accumulation::Flow {
        return flow_standing(indicator, ward, measurements, as_of, target);
    }
    let units = latest_per_unit(measurements, as_of, false);
    let ward_value = ward_figure(indicator.kind, ward, &units);
    let baseline = baseline_value(indicator, ward, measurements);
    let achieved_value = ward_value
        .as_ref()
        .and_then(|w| achieved(indicator.kind, w.value, baseline));
    Standing {
        status: status_of(indicator, ward_value.is_some(), achieved_value, target),
        units,
        ward: ward_value,
        baseline,
        achieved: achieved_value,
        flow: None,
    }
}

/// The verdict on an indicator's figure: no figure, no baseline to compare it with, or whether
/// it holds against `target` (one rule for the raw history and the kept summaries).
pub fn status_of(
    indicator: &Indicator,
    has_figure: bool,
    achieved: Option<f64>,
    target: f64,
) -> Status {
    match (has_figure, achieved) {
        (false, _) => Status::NoData,
        (true, None) => Status::NoBaseline,
        (true, Some(a)) if indicator.comparator.holds(a, target) => Status::Met,
        (true, Some(_)) => Status::NotMet,
    }
}

/// A flow judged on its window: the year to date against the same window of the baseline.
#[cfg(test)]
fn flow_standing(
    indicator: &Indicator,
    ward: &str,
    measurements: &[Measurement],
    as_of: NaiveDate,
    target: f64,
) -> Standing {
    let flow = flow_figure(indicator, ward, measurements, as_of);
    let ward_value = flow.as_ref().map(|f| WardFigure {
        value: f.value,
        date: f.to,
        numerator: None,
        denominator: None,
        method: Aggregation::PeriodSum,
    });
    let baseline = flow.as_ref().and_then(|f| f.baseline);
    let achieved_value = ward_value
        .as_ref()
        .and_then(|w| achieved(indicator.kind, w.value, baseline));
    let units = flow
        .as_ref()
        .map(|f| window_units(measurements, f.from, as_of))
        .unwrap_or_default();
    Standing {
        status: status_of(indicator, ward_value.is_some(), achieved_value, target),
        units,
        ward: ward_value,
        baseline,
        achieved: achieved_value,
        flow,
    }
}

/// A flow's units, each with its own sum over the window `from..=as_of` (the ward's figure
/// adds up the same periods).
pub fn window_units(
    measurements: &[Measurement],
    from: NaiveDate,
    as_of: NaiveDate,
) -> Vec<UnitFigure> {
    let mut units: Vec<UnitFigure> = Vec::new();
    for m in measurements
        .iter()
        .filter(|m| !m.baseline && m.date <= as_of && super::flow::covered(m).0 >= from)
    {
        match units.iter_mut().find(|u| u.unit == m.unit) {
            Some(unit) => {
                unit.value += m.value;
                unit.date = unit.date.max(m.date);
            }
            None => units.push(UnitFigure::of(m)),
        }
    }
    units.sort_by(|a, b| a.unit.cmp(&b.unit));
    units
}

/// The status of one unit's own figure against its own target (per-unit targets).
pub fn unit_status(indicator: &Indicator, figure: Option<&UnitFigure>, target: f64) -> Status {
    match figure {
        None => Status::NoData,
        Some(f) if indicator.kind.needs_baseline() => {
            // A unit's share of a reduction is judged on its count alone when no unit
            // baseline exists; the ward figure carries the baseline comparison.
            if indicator.comparator.holds(f.value, target) {
                Status::Met
            } else {
                Status::NotMet
            }
        }
        Some(f) if indicator.comparator.holds(f.value, target) => Status::Met,
        Some(_) => Status::NotMet,
    }
}

/// The baseline: recorded baseline figures (added up like values), else the seed's.
#[cfg(test)]
pub fn baseline_value(
    indicator: &Indicator,
    ward: &str,
    measurements: &[Measurement],
) -> Option<f64> {
    let recorded = latest_per_unit(measurements, NaiveDate::MAX, true);
    ward_figure(IndicatorKind::Count, ward, &recorded)
        .map(|w| w.value)
        .or_else(|| indicator.baseline.as_ref().and_then(|b| b.value))
}

/// The days something (not a baseline) was measured on, up to `as_of`, oldest first, once each.
pub fn measured_days(measurements: &[Measurement], as_of: NaiveDate) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = measurements
        .iter()
        .filter(|m| !m.baseline && m.date <= as_of)
        .map(|m| m.date)
        .collect();
    days.sort();
    days.dedup();
    days
}

/// The ward figure on each day something was measured, oldest first (for trends), from the raw
/// history: the reference of `Summary::series`.
///
/// One pass in date order, keeping each unit's latest figure as it goes: the same figures as
/// [`latest_per_unit`] on every day, without going over the whole history once per day.
#[cfg(test)]
pub fn ward_series(
    indicator: &Indicator,
    ward: &str,
    measurements: &[Measurement],
    as_of: NaiveDate,
) -> Vec<(NaiveDate, f64)> {
    if indicator.accumulation == Accumulation::Flow {
        // A window's figure on each day a period ended: few rows, judged afresh each day.
        return measured_days(measurements, as_of)
            .into_iter()
            .filter_map(|day| {
                let s = standing(indicator, ward, measurements, day, indicator.target);
                Some((day, s.achieved?))
            })
            .collect();
    }
    let baseline = baseline_value(indicator, ward, measurements);
    let mut measured: Vec<&Measurement> = measurements
        .iter()
        .filter(|m| !m.baseline && m.date <= as_of)
        .collect();
    // Stable: on one day and unit the first met stays, as in latest_per_unit.
    measured.sort_by_key(|m| m.date);
    let mut latest: std::collections::BTreeMap<&str, &Measurement> = Default::default();
    let mut series = Vec::new();
    let mut rest = measured.as_slice();
    while let Some(first) = rest.first() {
        let day = first.date;
        let same_day = rest.iter().take_while(|m| m.date == day).count();
        for m in &rest[..same_day] {
            let kept = latest.entry(m.unit.as_str()).or_insert(m);
            if kept.date < m.date {
                *kept = m;
            }
        }
        rest = &rest[same_day..];
        let figures: Vec<UnitFigure> = latest.values().map(|m| UnitFigure::of(m)).collect();
        let value = ward_figure(indicator.kind, ward, &figures)
            .and_then(|figure| achieved(indicator.kind, figure.value, baseline));
        if let Some(value) = value {
            series.push((day, value));
        }
    }
    series
}

/// Which way the figure moved between its last two measured days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Up,
    Down,
    Flat,
    Unknown,
}

/// The trend of a series of (day, figure), from its last two points.
pub fn trend(series: &[(NaiveDate, f64)]) -> Trend {
    match series {
        [.., (_, before), (_, last)] if (last - before).abs() < 0.005 => Trend::Flat,
        [.., (_, before), (_, last)] if last > before => Trend::Up,
        [.., _, _] => Trend::Down,
        _ => Trend::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Comparator;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn m(unit: &str, date: &str, value: f64, ratio: Option<(f64, f64)>) -> Measurement {
        Measurement {
            id: 0,
            indicator: "X".into(),
            unit: unit.into(),
            date: day(date),
            period_start: None,
            value,
            numerator: ratio.map(|r| r.0),
            denominator: ratio.map(|r| r.1),
            baseline: false,
            revision: 1,
            note: None,
            recorded_by: None,
            recorded_at: String::new(),
        }
    }

    fn indicator(kind: IndicatorKind, comparator: Comparator, target: f64) -> Indicator {
        Indicator {
            code: "X".into(),
            text: String::new(),
            kind,
            accumulation: crate::plan::Accumulation::Level,
            comparator,
            target,
            unit_of_measure: "%".into(),
            deadline: day("2026-12-31"),
            responsible: vec!["PA".into()],
            baseline: None,
            checkpoints: vec![],
            unit_targets: vec![],
            note: None,
        }
    }

    #[test]
    fn ratio_indicators_sum_numerators_and_denominators() {
        let ms = [
            m("PA", "2026-03-01", 90.0, Some((90.0, 100.0))),
            m("PB", "2026-03-02", 50.0, Some((5.0, 10.0))),
        ];
        let units = latest_per_unit(&ms, day("2026-12-31"), false);
        let ward = ward_figure(IndicatorKind::Percent, "W", &units).unwrap();
        // (90 + 5) / (100 + 10), not the mean of 90% and 50%.
        assert!((ward.value - 95.0 / 110.0 * 100.0).abs() < 1e-9);
        assert_eq!(ward.method, Aggregation::RatioOfSums);
    }

    #[test]
    fn rates_without_denominators_fall_back_to_their_mean() {
        let ms = [
            m("PA", "2026-03-01", 90.0, Some((90.0, 100.0))),
            m("PB", "2026-03-02", 50.0, None),
        ];
        let units = latest_per_unit(&ms, day("2026-12-31"), false);
        let ward = ward_figure(IndicatorKind::Percent, "W", &units).unwrap();
        assert_eq!(ward.value, 70.0);
        assert_eq!(ward.method, Aggregation::MeanOfRates);
    }

    #[test]
    fn the_latest_value_per_unit_counts_and_later_ones_are_ignored() {
        let ms = [
            m("PA", "2026-03-01", 1.0, None),
            m("PA", "2026-04-01", 3.0, None),
            m("PB", "2026-03-15", 2.0, None),
            m("PB", "2026-06-01", 9.0, None),
        ];
        let units = latest_per_unit(&ms, day("2026-05-01"), false);
        let ward = ward_figure(IndicatorKind::Count, "W", &units).unwrap();
        assert_eq!(ward.value, 5.0);
        assert_eq!(ward.date, day("2026-04-01"));
    }

    #[test]
    fn a_recent_ward_figure_wins_over_the_units_sum() {
        let ms = [
            m("PA", "2026-03-01", 1.0, None),
            m("W", "2026-03-01", 7.0, None),
        ];
        let units = latest_per_unit(&ms, day("2026-05-01"), false);
        assert_eq!(
            ward_figure(IndicatorKind::Count, "W", &units)
                .unwrap()
                .value,
            7.0
        );
        let ms = [
            m("PA", "2026-03-02", 1.0, None),
            m("W", "2026-03-01", 7.0, None),
        ];
        let units = latest_per_unit(&ms, day("2026-05-01"), false);
        assert_eq!(
            ward_figure(IndicatorKind::Count, "W", &units)
                .unwrap()
                .value,
            1.0
        );
    }

    #[test]
    fn reduction_is_judged_against_the_baseline() {
        let mut ind = indicator(IndicatorKind::Reduction, Comparator::AtLeast, 20.0);
        ind.baseline = Some(crate::plan::Baseline {
            year: 2025,
            value: Some(100.0),
            against: crate::plan::BaselineAgainst::Year,
        });
        let ms = [m("PA", "2026-06-01", 79.0, None)];
        let s = standing(&ind, "W", &ms, day("2026-12-31"), 20.0);
        assert_eq!(s.achieved, Some(21.0));
        assert_eq!(s.status, Status::Met);
        let ms = [m("PA", "2026-06-01", 85.0, None)];
        assert_eq!(
            standing(&ind, "W", &ms, day("2026-12-31"), 20.0).status,
            Status::NotMet
        );
        ind.baseline = Some(crate::plan::Baseline {
            year: 2025,
            value: None,
            against: crate::plan::BaselineAgainst::Year,
        });
        assert_eq!(
            standing(&ind, "W", &ms, day("2026-12-31"), 20.0).status,
            Status::NoBaseline
        );
    }

    #[test]
    fn a_recorded_baseline_overrides_the_seed() {
        let mut ind = indicator(IndicatorKind::Reduction, Comparator::AtLeast, 20.0);
        ind.baseline = Some(crate::plan::Baseline {
            year: 2025,
            value: Some(100.0),
            against: crate::plan::BaselineAgainst::Year,
        });
        let mut base = m("W", "2025-12-31", 200.0, None);
        base.baseline = true;
        let ms = [base, m("PA", "2026-06-01", 150.0, None)];
        let s = standing(&ind, "W", &ms, day("2026-12-31"), 20.0);
        assert_eq!(s.baseline, Some(200.0));
        assert_eq!(s.achieved, Some(25.0));
    }

    proptest::proptest! {
        /// The one-pass series gives, day by day, what judging each day afresh gives.
        #[test]
        fn the_series_is_the_figure_of_each_day(
            rows in proptest::collection::vec(
                (0u8..4, 0u32..20, 1u32..50, proptest::option::of(1u32..60)),
                0..40,
            )
        ) {
            let ind = indicator(IndicatorKind::Percent, Comparator::AtLeast, 90.0);
            let units = ["W", "A", "B", "C"];
            let mut seen = std::collections::HashSet::new();
            let ms: Vec<Measurement> = rows
                .iter()
                .filter(|(u, d, _, _)| seen.insert((*u, *d)))
                .map(|(u, d, v, den)| {
                    let date = day("2026-01-01") + chrono::Duration::days(i64::from(*d));
                    let ratio = den.map(|den| (f64::from(*v % (den + 1)), f64::from(den)));
                    m(units[*u as usize], &date.to_string(), f64::from(*v), ratio)
                })
                .collect();
            let as_of = day("2026-01-15");
            let mut days: Vec<NaiveDate> =
                ms.iter().filter(|m| m.date <= as_of).map(|m| m.date).collect();
            days.sort();
            days.dedup();
            let baseline = baseline_value(&ind, "W", &ms);
            let expected: Vec<(NaiveDate, f64)> = days
                .into_iter()
                .filter_map(|d| {
                    let figure = ward_figure(ind.kind, "W", &latest_per_unit(&ms, d, false))?;
                    Some((d, achieved(ind.kind, figure.value, baseline)?))
                })
                .collect();
            proptest::prop_assert_eq!(ward_series(&ind, "W", &ms, as_of), expected);
        }
    }

    #[test]
    fn no_data_and_trend() {
        let ind = indicator(IndicatorKind::Percent, Comparator::LessThan, 3.0);
        assert_eq!(
            standing(&ind, "W", &[], day("2026-12-31"), 3.0).status,
            Status::NoData
        );
        let ms = [
            m("W", "2026-01-01", 4.0, None),
            m("W", "2026-02-01", 2.5, None),
        ];
        let series = ward_series(&ind, "W", &ms, day("2026-12-31"));
        assert_eq!(trend(&series), Trend::Down);
        assert_eq!(
            standing(&ind, "W", &ms, day("2026-12-31"), 3.0).status,
            Status::Met
        );
        assert_eq!(trend(&series[..1]), Trend::Unknown);
    }
}

/// A value ready to store: the figure, and its numerator and denominator when counted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub value: f64,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
}

/// Why a value cannot be an indicator's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ReadingProblem {
    /// A rate above 100%.
    OverHundred(f64),
    /// A negative figure.
    Negative(f64),
    /// NUM/DEN with NUM > DEN.
    NumeratorOverDenominator(f64, f64),
    /// NUM/DEN with DEN = 0.
    ZeroDenominator,
    /// NUM/DEN or "N%" for an indicator that counts things.
    NotARate,
}

/// Checks a typed value against what the indicator's kind accepts.
///
/// `ratio` is NUM/DEN when the value was typed that way; `percent_sign` whether it had "%".
pub fn reading(
    kind: IndicatorKind,
    value: f64,
    percent_sign: bool,
    ratio: Option<(f64, f64)>,
) -> Result<Reading, ReadingProblem> {
    if let Some((numerator, denominator)) = ratio {
        if kind != IndicatorKind::Percent {
            return Err(ReadingProblem::NotARate);
        }
        if denominator == 0.0 {
            return Err(ReadingProblem::ZeroDenominator);
        }
        if numerator < 0.0 || denominator < 0.0 {
            return Err(ReadingProblem::Negative(numerator.min(denominator)));
        }
        if numerator > denominator {
            return Err(ReadingProblem::NumeratorOverDenominator(
                numerator,
                denominator,
            ));
        }
        return Ok(Reading {
            value: numerator / denominator * 100.0,
            numerator: Some(numerator),
            denominator: Some(denominator),
        });
    }
    if percent_sign && kind != IndicatorKind::Percent {
        return Err(ReadingProblem::NotARate);
    }
    if value < 0.0 {
        return Err(ReadingProblem::Negative(value));
    }
    if kind == IndicatorKind::Percent && value > 100.0 {
        return Err(ReadingProblem::OverHundred(value));
    }
    Ok(Reading {
        value,
        numerator: None,
        denominator: None,
    })
}

#[cfg(test)]
mod reading_tests {
    use super::*;

    #[test]
    fn ratios_are_stored_with_their_parts() {
        let r = reading(IndicatorKind::Percent, 0.0, false, Some((412.0, 450.0))).unwrap();
        assert_eq!((r.numerator, r.denominator), (Some(412.0), Some(450.0)));
        assert!((r.value - 91.555_555).abs() < 1e-3);
    }

    #[test]
    fn what_each_kind_refuses() {
        use ReadingProblem::*;
        assert_eq!(
            reading(IndicatorKind::Percent, 100.5, true, None),
            Err(OverHundred(100.5))
        );
        assert_eq!(
            reading(IndicatorKind::Count, -1.0, false, None),
            Err(Negative(-1.0))
        );
        assert_eq!(
            reading(IndicatorKind::Percent, 0.0, false, Some((451.0, 450.0))),
            Err(NumeratorOverDenominator(451.0, 450.0))
        );
        assert_eq!(
            reading(IndicatorKind::Percent, 0.0, false, Some((1.0, 0.0))),
            Err(ZeroDenominator)
        );
        assert_eq!(
            reading(IndicatorKind::Count, 0.0, false, Some((1.0, 2.0))),
            Err(NotARate)
        );
        assert_eq!(
            reading(IndicatorKind::Reduction, 5.0, true, None),
            Err(NotARate)
        );
        assert!(reading(IndicatorKind::Count, 1_234_567.0, false, None).is_ok());
    }
}
