//! The ward's figure on each measured day, kept so the rules need not read every measurement.
//!
//! A level's ward figure changes only on a day something is measured: on any day it is the
//! figure of the latest measured day on or before it. A flow's window figure likewise, within
//! one year (a new year opens a new window). So one row per (indicator, measured day) answers
//! every judgement day and the day a target was first met, whatever the number of units.
//!
//! Two ways to the same rows: [`Summary::of`] from raw measurements (for `check` and tests), and
//! the store's incremental path, which feeds [`LevelDays`] the days it touched and calls
//! [`flow_days`]. Both use `measure::ward_figure` and `flow::flow_figure` themselves (or, for a
//! flow's year whose windows only grow, `flow::flow_figures`' one pass, held to `flow_figure`
//! on every day by a property test), and the property tests below hold
//! [`Summary::standing_on`] to `measure::standing` on every day.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::flow::{flow_figures, FlowFigure};
use super::measure::{
    achieved, latest_per_unit, measured_days, status_of, ward_figure, Aggregation, Standing,
    UnitFigure, WardFigure,
};
use super::measurement::Measurement;
use super::{Accumulation, Indicator, IndicatorKind};

/// What the ward's figure was on a measured day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayFigure {
    /// A level: made from each unit's latest figure (or the ward's own).
    Level(WardFigure),
    /// A flow: the year to date, and the same months of the baseline year.
    Flow(FlowFigure),
}

/// One measured day of an indicator and the ward's figure at its end (`None`: a flow whose
/// window held nothing yet, e.g. a period begun the year before).
#[derive(Debug, Clone, PartialEq)]
pub struct WardDay {
    pub day: NaiveDate,
    pub figure: Option<DayFigure>,
}

/// Everything the rules read of one indicator.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// One per day a (non-baseline) value is dated, oldest first.
    pub days: Vec<WardDay>,
    /// Each unit's latest baseline figure, by unit code.
    pub baselines: Vec<UnitFigure>,
    /// The own readings (day, value), oldest first, of the units the split by unit judges:
    /// those holding a share of the target.
    pub unit_readings: BTreeMap<String, Vec<(NaiveDate, f64)>>,
}

impl Summary {
    /// The summary of `measurements` (current revisions of one indicator), judged as the rules
    /// judge raw history, with the readings of `shares` (units holding a share of the target).
    pub fn of(
        indicator: &Indicator,
        ward: &str,
        measurements: &[Measurement],
        shares: &[String],
    ) -> Summary {
        let days = match indicator.accumulation {
            Accumulation::Flow => flow_days(indicator, ward, measurements, NaiveDate::MIN),
            Accumulation::Level => {
                let mut builder = LevelDays::new(indicator.kind, ward, Vec::new());
                let mut measured: Vec<&Measurement> =
                    measurements.iter().filter(|m| !m.baseline).collect();
                measured.sort_by_key(|m| m.date);
                measured
                    .chunk_by(|a, b| a.date == b.date)
                    .map(|same_day| {
                        builder.day(same_day[0].date, same_day.iter().map(|m| UnitFigure::of(m)))
                    })
                    .collect()
            }
        };
        let unit_readings = shares
            .iter()
            .map(|unit| {
                let mut own: Vec<(NaiveDate, f64)> = measurements
                    .iter()
                    .filter(|m| !m.baseline && &m.unit == unit)
                    .map(|m| (m.date, m.value))
                    .collect();
                own.sort_by_key(|(day, _)| *day);
                (unit.clone(), own)
            })
            .collect();
        Summary {
            days,
            baselines: latest_per_unit(measurements, NaiveDate::MAX, true),
            unit_readings,
        }
    }

    /// The recorded baseline (added up like values), else the seed's: `measure::baseline_value`.
    pub fn baseline(&self, indicator: &Indicator, ward: &str) -> Option<f64> {
        ward_figure(IndicatorKind::Count, ward, &self.baselines)
            .map(|w| w.value)
            .or_else(|| indicator.baseline.as_ref().and_then(|b| b.value))
    }

    /// The measured days up to `as_of`, oldest first.
    pub fn measured_days(&self, as_of: NaiveDate) -> impl Iterator<Item = NaiveDate> + '_ {
        self.days
            .iter()
            .map(|d| d.day)
            .take_while(move |day| *day <= as_of)
    }

    /// Judges the indicator against `target` on `day`: what `measure::standing` gives from the
    /// raw history, without each unit's figure (`units` is left empty).
    pub fn standing_on(
        &self,
        indicator: &Indicator,
        ward: &str,
        day: NaiveDate,
        target: f64,
    ) -> Standing {
        let measured = self.days.partition_point(|d| d.day <= day);
        let figure = measured
            .checked_sub(1)
            .and_then(|last| self.days[last].figure.as_ref());
        let (ward_value, baseline, flow) = match (indicator.accumulation, figure) {
            (Accumulation::Level, Some(DayFigure::Level(w))) => {
                (Some(w.clone()), self.baseline(indicator, ward), None)
            }
            (Accumulation::Level, _) => (None, self.baseline(indicator, ward), None),
            // A window is the year to date: a figure from an earlier year is not this year's.
            (Accumulation::Flow, Some(DayFigure::Flow(f))) if f.from.year() == day.year() => {
                let ward_value = WardFigure {
                    value: f.value,
                    date: f.to,
                    numerator: None,
                    denominator: None,
                    method: Aggregation::PeriodSum,
                };
                (Some(ward_value), f.baseline, Some(f.clone()))
            }
            (Accumulation::Flow, _) => (None, None, None),
        };
        let achieved_value = ward_value
            .as_ref()
            .and_then(|w| achieved(indicator.kind, w.value, baseline));
        let status = status_of(indicator, ward_value.is_some(), achieved_value, target);
        Standing {
            units: Vec::new(),
            ward: ward_value,
            baseline,
            achieved: achieved_value,
            status,
            flow,
        }
    }

    /// The figure compared with the target on each measured day up to `as_of`, oldest first:
    /// what `measure::ward_series` gives from the raw history.
    pub fn series(
        &self,
        indicator: &Indicator,
        ward: &str,
        as_of: NaiveDate,
    ) -> Vec<(NaiveDate, f64)> {
        self.measured_days(as_of)
            .filter_map(|day| {
                let standing = self.standing_on(indicator, ward, day, indicator.target);
                Some((day, standing.achieved?))
            })
            .collect()
    }

    /// A unit's own latest reading on or before `day` (the split by unit's figure).
    pub fn unit_figure_on(&self, unit: &str, day: NaiveDate) -> Option<f64> {
        let own = self.unit_readings.get(unit)?;
        let measured = own.partition_point(|(d, _)| *d <= day);
        measured.checked_sub(1).map(|last| own[last].1)
    }

    /// The days a unit's own readings are dated, up to `as_of`.
    pub fn unit_days(&self, unit: &str, as_of: NaiveDate) -> Vec<NaiveDate> {
        self.unit_readings
            .get(unit)
            .map(|own| {
                let mut days: Vec<NaiveDate> = own
                    .iter()
                    .map(|(d, _)| *d)
                    .filter(|d| *d <= as_of)
                    .collect();
                days.dedup();
                days
            })
            .unwrap_or_default()
    }
}

/// A level's ward figure, day after day, from each unit's latest figure: the one-pass form of
/// `measure::latest_per_unit` + `measure::ward_figure`, which the store runs over the days an
/// import or a correction touched, starting from the latest figures it kept.
pub struct LevelDays {
    kind: IndicatorKind,
    ward: String,
    /// Each unit's latest figure so far, sorted by unit code (the order the rules add them up
    /// in), each unit once. A sorted list, not a map: it is made from the store's figures,
    /// already in that order, without a copy of each unit's code as a key.
    latest: Vec<UnitFigure>,
    /// Where in `latest` the unit after the one last set is.
    next: usize,
}

impl LevelDays {
    /// Starts from each unit's latest figure before the first day to come.
    pub fn new(kind: IndicatorKind, ward: &str, mut latest: Vec<UnitFigure>) -> Self {
        if !latest.is_sorted_by(|a, b| a.unit < b.unit) {
            // Stable, then the last figure of a unit given twice kept: as a map made of them.
            latest.sort_by(|a, b| a.unit.cmp(&b.unit));
            latest.reverse();
            latest.dedup_by(|later, earlier| later.unit == earlier.unit);
            latest.reverse();
        }
        LevelDays {
            kind,
            ward: ward.to_string(),
            latest,
            next: 0,
        }
    }

    /// Takes one measured day's figures (current, not baselines, each unit once) and gives the
    /// ward's figure at its end. Days must come oldest first.
    pub fn day(
        &mut self,
        day: NaiveDate,
        figures: impl IntoIterator<Item = UnitFigure>,
    ) -> WardDay {
        for figure in figures {
            self.set(
                &figure.unit,
                figure.date,
                figure.value,
                figure.numerator,
                figure.denominator,
            );
        }
        self.close(day)
    }

    /// Takes one unit's figure of the day being gathered (a later one of the same unit, its
    /// correction, replaces it): [`Self::day`] one row at a time, for a write in day order.
    pub fn set(
        &mut self,
        unit: &str,
        date: NaiveDate,
        value: f64,
        numerator: Option<f64>,
        denominator: Option<f64>,
    ) {
        // A unit already seen keeps its code: no new string for each of its days.
        // A file's rows come unit after unit, in order: the next unit is tried first.
        let found = match self.latest.get(self.next) {
            Some(next) if next.unit == unit => Ok(self.next),
            _ => self.latest.binary_search_by(|f| f.unit.as_str().cmp(unit)),
        };
        self.next = found.unwrap_or_else(|at| at) + 1;
        match found {
            Ok(at) => {
                let kept = &mut self.latest[at];
                (kept.date, kept.value) = (date, value);
                (kept.numerator, kept.denominator) = (numerator, denominator);
            }
            Err(at) => {
                let figure = UnitFigure {
                    unit: unit.to_string(),
                    date,
                    value,
                    numerator,
                    denominator,
                };
                self.latest.insert(at, figure);
            }
        }
    }

    /// The ward's figure at the end of the day gathered by [`Self::set`].
    pub fn close(&self, day: NaiveDate) -> WardDay {
        let figures: Vec<&UnitFigure> = self.latest.iter().collect();
        WardDay {
            day,
            figure: ward_figure(self.kind, &self.ward, &figures).map(DayFigure::Level),
        }
    }

    /// Each unit's latest figure so far, by unit code.
    pub fn latest(&self) -> impl Iterator<Item = &UnitFigure> {
        self.latest.iter()
    }
}

/// A flow's window figure on each measured day from `from` on (`flow::flow_figures`: the
/// rules' `flow_figure` on each day, in one pass where a year's windows only grow).
pub fn flow_days(
    indicator: &Indicator,
    ward: &str,
    measurements: &[Measurement],
    from: NaiveDate,
) -> Vec<WardDay> {
    let days: Vec<NaiveDate> = measured_days(measurements, NaiveDate::MAX)
        .into_iter()
        .filter(|day| *day >= from)
        .collect();
    let figures = flow_figures(indicator, ward, measurements, &days);
    days.into_iter()
        .zip(figures)
        .map(|(day, figure)| WardDay {
            day,
            figure: figure.map(DayFigure::Flow),
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::plan::measure::{standing, ward_series};
    use crate::plan::{Baseline, BaselineAgainst, Comparator};
    use proptest::prelude::*;

    pub(crate) fn day(offset: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 11, 1).unwrap() + chrono::Days::new(u64::from(offset))
    }

    pub(crate) fn indicator(
        kind: IndicatorKind,
        accumulation: Accumulation,
        seed: Option<f64>,
    ) -> Indicator {
        Indicator {
            code: "X".into(),
            text: String::new(),
            kind,
            accumulation,
            comparator: Comparator::AtLeast,
            target: 20.0,
            unit_of_measure: "vụ".into(),
            deadline: day(400),
            responsible: vec!["A".into()],
            baseline: seed.map(|value| Baseline {
                year: 2025,
                value: Some(value),
                against: BaselineAgainst::Year,
            }),
            checkpoints: vec![],
            unit_targets: vec![],
            note: None,
        }
    }

    /// A random row: unit, day, value, denominator, baseline, days its period reaches back.
    pub(crate) type RandomRow = (u8, u32, u32, Option<u32>, bool, Option<u8>);

    /// One current revision per (unit, day, baseline), as the store hands them over.
    pub(crate) fn history(rows: Vec<RandomRow>) -> Vec<Measurement> {
        let units = ["W", "A", "B", "C"];
        let mut seen = std::collections::HashSet::new();
        rows.into_iter()
            .filter(|(u, d, _, _, baseline, _)| seen.insert((*u, *d, *baseline)))
            .map(|(u, d, value, denominator, baseline, period)| {
                let date = day(d);
                let ratio = denominator.map(|den| (f64::from(value % (den + 1)), f64::from(den)));
                Measurement {
                    id: 0,
                    indicator: "X".into(),
                    unit: units[usize::from(u)].into(),
                    date,
                    // A period of up to a few weeks ending on the day, or none (the year to date).
                    period_start: period.map(|back| date - chrono::Days::new(u64::from(back))),
                    value: ratio.map_or(f64::from(value), |(n, d)| n / d * 100.0),
                    numerator: ratio.map(|r| r.0),
                    denominator: ratio.map(|r| r.1),
                    baseline,
                    revision: 1,
                    note: None,
                    recorded_by: None,
                    recorded_at: String::new(),
                }
            })
            .collect()
    }

    pub(crate) fn rows() -> impl Strategy<Value = Vec<RandomRow>> {
        proptest::collection::vec(
            (
                0u8..4,
                0u32..120,
                0u32..60,
                proptest::option::of(1u32..60),
                proptest::bool::weighted(0.15),
                proptest::option::of(0u8..40),
            ),
            0..40,
        )
    }

    fn kinds() -> impl Strategy<Value = (IndicatorKind, Accumulation, Option<f64>)> {
        (
            prop_oneof![
                Just(IndicatorKind::Percent),
                Just(IndicatorKind::Count),
                Just(IndicatorKind::Reduction),
                Just(IndicatorKind::Growth),
            ],
            prop_oneof![Just(Accumulation::Level), Just(Accumulation::Flow)],
            proptest::option::of(1.0f64..200.0),
        )
    }

    proptest! {
        /// A flow's figures made in one pass, for rows in the store's order (day, unit,
        /// baseline), are `flow_figure` on each day to the last bit: with and without values
        /// of the ward's own or without a period (which make a year judged day by day), across
        /// a new year, with baselines by period and from the seed.
        #[test]
        fn a_flows_figures_in_one_pass_are_flow_figure_on_each_day(
            rows in rows(),
            seed in proptest::option::of(1.0f64..200.0),
            only_periods in proptest::bool::ANY,
        ) {
            let indicator = indicator(IndicatorKind::Reduction, Accumulation::Flow, seed);
            let mut measurements = history(rows);
            if only_periods {
                // The years whose windows only grow: the one-pass way.
                measurements.retain(|m| m.unit != "W");
                for m in measurements.iter_mut().filter(|m| !m.baseline) {
                    m.period_start.get_or_insert(m.date);
                }
            }
            measurements.sort_by(|a, b| {
                (a.date, &a.unit, a.baseline).cmp(&(b.date, &b.unit, b.baseline))
            });
            for from in [NaiveDate::MIN, day(65)] {
                for kept in flow_days(&indicator, "W", &measurements, from) {
                    let rules = crate::plan::flow::flow_figure(&indicator, "W", &measurements, kept.day);
                    let bits = |f: &Option<DayFigure>| match f {
                        Some(DayFigure::Flow(f)) => Some(f.value.to_bits()),
                        _ => None,
                    };
                    let rules = rules.map(DayFigure::Flow);
                    prop_assert_eq!(bits(&kept.figure), bits(&rules), "on {}", kept.day);
                    prop_assert_eq!(&kept.figure, &rules, "on {}", kept.day);
                }
            }
        }

        /// A growing window continued from the figure of a day (as the store continues a flow
        /// from the figure it kept) gives, day after day, `flow_figure`'s figure to the last
        /// bit, for as long as it can go on without the baseline's rows.
        #[test]
        fn a_growing_window_continued_from_a_figure_is_flow_figure(
            rows in rows(),
            seed in proptest::option::of(1.0f64..200.0),
            split in 0u32..120,
        ) {
            let indicator = indicator(IndicatorKind::Reduction, Accumulation::Flow, seed);
            let mut measurements = history(rows);
            // Only values that make windows grow: with periods, none the ward's own.
            measurements.retain(|m| m.unit != "W");
            for m in measurements.iter_mut().filter(|m| !m.baseline) {
                m.period_start.get_or_insert(m.date);
            }
            measurements.sort_by(|a, b| {
                (a.date, &a.unit, a.baseline).cmp(&(b.date, &b.unit, b.baseline))
            });
            let rules = |on| crate::plan::flow::flow_figure(&indicator, "W", &measurements, on);
            let kept_day = day(split);
            let Some(kept) = rules(kept_day) else {
                return Ok(());
            };
            let mut window = crate::plan::flow::GrowingWindow::after(&kept);
            let later: Vec<&Measurement> = measurements
                .iter()
                .filter(|m| !m.baseline && m.date > kept_day && m.date.year() == window.year())
                .collect();
            for same_day in later.chunk_by(|a, b| a.date == b.date) {
                for m in same_day {
                    let start = m.period_start.unwrap_or(m.date);
                    if start.year() == window.year() {
                        window.add(m.value, (start, m.date));
                    }
                }
                let Some(figure) = window.figure(&indicator, |_, _, _| None) else {
                    break;
                };
                let on = same_day[0].date;
                let expected = rules(on);
                prop_assert_eq!(
                    figure.as_ref().map(|f| f.value.to_bits()),
                    expected.as_ref().map(|f| f.value.to_bits()),
                    "on {}", on
                );
                prop_assert_eq!(&figure, &expected, "on {}", on);
            }
        }

        /// On every day, from before the first value to after the last (across a new year),
        /// the summary judges as the raw history does.
        #[test]
        fn the_summary_judges_every_day_as_the_raw_history(
            rows in rows(),
            (kind, accumulation, seed) in kinds(),
        ) {
            let indicator = indicator(kind, accumulation, seed);
            let measurements = history(rows);
            let summary = Summary::of(&indicator, "W", &measurements, &[]);
            for offset in 0..130 {
                let on = day(offset);
                let mut raw = standing(&indicator, "W", &measurements, on, indicator.target);
                raw.units.clear();
                prop_assert_eq!(
                    &summary.standing_on(&indicator, "W", on, indicator.target),
                    &raw,
                    "on {}", on
                );
            }
            let as_of = day(90);
            prop_assert_eq!(
                summary.series(&indicator, "W", as_of),
                ward_series(&indicator, "W", &measurements, as_of)
            );
            prop_assert_eq!(
                summary.measured_days(as_of).collect::<Vec<_>>(),
                measured_days(&measurements, as_of)
            );
        }

        /// The sorted list of latest figures does what the map by unit code it replaced did: the
        /// last figure of a unit wins, whether given at the start (in any order) or set.
        #[test]
        fn level_days_keep_each_units_latest_figure_as_a_map_would(
            start in proptest::collection::vec((0u8..6, 0u32..60), 0..12),
            mut sets in proptest::collection::vec((0u8..6, 0u32..60), 0..30),
            in_order in proptest::bool::ANY,
            kind in prop_oneof![Just(IndicatorKind::Percent), Just(IndicatorKind::Count)],
        ) {
            let units = ["W", "A", "B", "C", "AB", "Ă"];
            if in_order {
                // As a file's rows come: unit after unit (the codes' order).
                sets.sort_by_key(|(unit, _)| units[usize::from(*unit)]);
            }
            let figure = |(unit, value): (u8, u32)| UnitFigure {
                unit: units[usize::from(unit)].to_string(),
                date: day(value),
                value: f64::from(value),
                numerator: None,
                denominator: None,
            };
            let start: Vec<UnitFigure> = start.into_iter().map(figure).collect();
            let mut map: BTreeMap<String, UnitFigure> =
                start.iter().map(|f| (f.unit.clone(), f.clone())).collect();
            let mut days = LevelDays::new(kind, "W", start);
            for set in sets {
                let f = figure(set);
                days.set(&f.unit, f.date, f.value, f.numerator, f.denominator);
                map.insert(f.unit.clone(), f);
            }
            prop_assert_eq!(days.latest().collect::<Vec<_>>(), map.values().collect::<Vec<_>>());
            let figures: Vec<&UnitFigure> = map.values().collect();
            prop_assert_eq!(days.close(day(70)).figure, ward_figure(kind, "W", &figures).map(DayFigure::Level));
        }

        /// A level summarised in two steps (the days before a cut, then the days from it, starting
        /// from the latest figures kept) is the level summarised at once: the store's path.
        #[test]
        fn a_level_continued_from_its_latest_figures_is_the_same(
            rows in rows(),
            cut in 0u32..120,
            kind in prop_oneof![Just(IndicatorKind::Percent), Just(IndicatorKind::Count)],
        ) {
            let indicator = indicator(kind, Accumulation::Level, None);
            let measurements = history(rows);
            let whole = Summary::of(&indicator, "W", &measurements, &[]).days;
            let mut measured: Vec<&Measurement> =
                measurements.iter().filter(|m| !m.baseline).collect();
            measured.sort_by_key(|m| m.date);
            let (before, after): (Vec<&Measurement>, Vec<&Measurement>) =
                measured.into_iter().partition(|m| m.date < day(cut));
            let mut first = LevelDays::new(kind, "W", Vec::new());
            let mut days: Vec<WardDay> = before
                .chunk_by(|a, b| a.date == b.date)
                .map(|same| first.day(same[0].date, same.iter().map(|m| UnitFigure::of(m))))
                .collect();
            let kept: Vec<UnitFigure> = first.latest().cloned().collect();
            let mut then = LevelDays::new(kind, "W", kept);
            days.extend(
                after
                    .chunk_by(|a, b| a.date == b.date)
                    .map(|same| then.day(same[0].date, same.iter().map(|m| UnitFigure::of(m)))),
            );
            prop_assert_eq!(days, whole);
        }
    }
}
