//! Flow indicators: values that each cover a period and add up, judged on comparable windows.
//!
//! The rules, as the README states them:
//! - the window on a day is the year to date: from 1 January of that day's year to the last
//!   day covered by a period that has ended by then; its figure is the sum of the periods
//!   recorded in it (the ward's own where the ward recorded any, else its units');
//! - a month of the window that no recorded period touches is missing: shown as missing,
//!   never counted as zero, and left out of the comparison, which is made on the months that
//!   have figures;
//! - the baseline is the same months of the baseline year, summed from the baseline figures
//!   recorded by month or quarter when they cover exactly those months; otherwise the year's
//!   figure pro-rated to the number of months compared, and the report says so;
//! - a plan figure ("so với dự toán") is the whole figure for the year, never pro-rated.
//!
//! A value recorded before periods existed has no period: it is read as the year to its date.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::measurement::Measurement;
use super::{Baseline, BaselineAgainst, Indicator};

/// How the baseline of a window was arrived at.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", tag = "basis")]
pub enum BaselineBasis {
    /// The baseline year's figures for the same months, added up.
    SameMonths,
    /// The baseline year's whole figure times `share` (months of the window / 12).
    ProRated { yearly: f64, share: f64 },
    /// A plan figure for the year, taken whole.
    PlanFigure,
}

/// A flow's figure over its window, and what it is compared with.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct FlowFigure {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub value: f64,
    /// First days of the window's months that no recorded period touches.
    pub missing_months: Vec<NaiveDate>,
    /// How many months the comparison is made on: the window's, less the missing ones.
    pub months_compared: u32,
    pub baseline_year: Option<i32>,
    /// The baseline of the same window, if one is known.
    pub baseline: Option<f64>,
    pub basis: Option<BaselineBasis>,
}

/// The days a flow measurement covers.
pub fn covered(m: &Measurement) -> (NaiveDate, NaiveDate) {
    let start = m.period_start.unwrap_or_else(|| year_start(m.date.year()));
    (start, m.date)
}

fn year_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

fn next_month(day: NaiveDate) -> NaiveDate {
    day.checked_add_months(chrono::Months::new(1))
        .unwrap_or(day)
}

/// The first days of the months from `from`'s to `to`'s.
fn months(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut all = Vec::new();
    let mut month = first_of_month(from);
    while month <= to {
        all.push(month);
        month = next_month(month);
    }
    all
}

/// The rows that count for a window: the ward's own where it recorded any, else the units'.
fn contributing<'a>(rows: Vec<&'a Measurement>, ward: &str) -> Vec<&'a Measurement> {
    if rows.iter().any(|m| m.unit == ward) {
        rows.into_iter().filter(|m| m.unit == ward).collect()
    } else {
        rows
    }
}

/// Whether some row's period touches the month starting on `month`.
fn touched(rows: &[&Measurement], month: NaiveDate) -> bool {
    let end = next_month(month).pred_opt().unwrap_or(month);
    rows.iter().any(|m| {
        let (start, stop) = covered(m);
        start <= end && month <= stop
    })
}

/// The flow's figure on `day`, from current (non-superseded) measurements.
pub fn flow_figure(
    indicator: &Indicator,
    ward: &str,
    measurements: &[Measurement],
    day: NaiveDate,
) -> Option<FlowFigure> {
    let year = day.year();
    let from = year_start(year);
    let mut in_window: Vec<&Measurement> = measurements
        .iter()
        .filter(|m| !m.baseline && m.date <= day && covered(m).0 >= from)
        .collect();
    // A unit's values from before periods existed give way to the periods it recorded since.
    let with_periods: Vec<String> = in_window
        .iter()
        .filter(|m| m.period_start.is_some())
        .map(|m| m.unit.clone())
        .collect();
    in_window.retain(|m| m.period_start.is_some() || !with_periods.contains(&m.unit));
    // Of those, only the latest counts: each was the year to its date.
    let mut latest_legacy: Vec<&Measurement> = Vec::new();
    for m in in_window.iter().filter(|m| m.period_start.is_none()) {
        match latest_legacy.iter_mut().find(|k| k.unit == m.unit) {
            Some(kept) if kept.date < m.date => *kept = m,
            Some(_) => {}
            None => latest_legacy.push(m),
        }
    }
    in_window
        .retain(|m| m.period_start.is_some() || latest_legacy.iter().any(|k| std::ptr::eq(*k, *m)));
    let rows = contributing(in_window, ward);
    let to = rows.iter().map(|m| m.date).max()?;
    let value = rows.iter().map(|m| m.value).sum();
    let (compared, missing_months): (Vec<NaiveDate>, Vec<NaiveDate>) = months(from, to)
        .into_iter()
        .partition(|month| touched(&rows, *month));
    let (baseline_year, baseline, basis) = match &indicator.baseline {
        Some(b) => {
            let base_year = b.year_for(year);
            let found = baseline_of(measurements, ward, b, base_year, &compared);
            let (value, basis) = found.map_or((None, None), |(v, basis)| (Some(v), Some(basis)));
            (Some(base_year), value, basis)
        }
        None => (None, None, None),
    };
    Some(FlowFigure {
        from,
        to,
        value,
        missing_months,
        months_compared: compared.len() as u32,
        baseline_year,
        baseline,
        basis,
    })
}

/// The flow's figure on each of `days` (ascending): [`flow_figure`] on each, made in one pass
/// over a year whose windows only grow — every value of the year has a period within it and
/// none is the ward's own, and `measurements` come in day order, as the store keeps them. The
/// window's total is carried from day to day in the rules' own order of addition (so it is the
/// same number to the last bit), its months likewise, and the baseline is made again only when
/// the months compared change. Any other year is judged day by day by [`flow_figure`].
pub fn flow_figures(
    indicator: &Indicator,
    ward: &str,
    measurements: &[Measurement],
    days: &[NaiveDate],
) -> Vec<Option<FlowFigure>> {
    let in_day_order = measurements.is_sorted_by_key(|m| m.date);
    let mut figures = Vec::with_capacity(days.len());
    for year_days in days.chunk_by(|a, b| a.year() == b.year()) {
        let year = year_days[0].year();
        let grows = measurements
            .iter()
            .filter(|m| !m.baseline && m.date.year() == year)
            .all(|m| m.period_start.is_some() && m.unit != ward);
        if in_day_order && grows {
            figures.extend(growing_year(indicator, ward, measurements, year, year_days));
        } else {
            let each = |day: &NaiveDate| flow_figure(indicator, ward, measurements, *day);
            figures.extend(year_days.iter().map(each));
        }
    }
    figures
}

/// What [`baseline_of`] finds: the figure and how it was arrived at, if any.
type BaselineFound = Option<(f64, BaselineBasis)>;

/// A year's window that only grows (every value of the year has a period within it, none is
/// the ward's own), taken day by day in the rules' own order: its total carried from day to day
/// (so it is the sum [`flow_figure`] makes, to the last bit), its months likewise, and the
/// baseline made again only when the months compared change. [`flow_figures`] walks a year of
/// rows with it; the store continues one from the figure it kept for a flow's last day.
#[derive(Debug, Clone)]
pub struct GrowingWindow {
    from: NaiveDate,
    total: f64,
    to: Option<NaiveDate>,
    touched_months: std::collections::BTreeSet<NaiveDate>,
    /// The baseline last made, and the months it was made for.
    baseline_of_months: Option<(Vec<NaiveDate>, BaselineFound)>,
}

impl GrowingWindow {
    /// The window of `year` before any of its values.
    pub fn new(year: i32) -> Self {
        GrowingWindow {
            from: year_start(year),
            // `Iterator::sum`'s own start, so the carried total is the sum the rules make.
            total: std::iter::empty::<f64>().sum(),
            to: None,
            touched_months: Default::default(),
            baseline_of_months: None,
        }
    }

    /// The window as it stood when `figure` was made of it (by this type or by
    /// [`flow_figure`]: the same numbers).
    pub fn after(figure: &FlowFigure) -> Self {
        let (compared, _): (Vec<NaiveDate>, Vec<NaiveDate>) = months(figure.from, figure.to)
            .into_iter()
            .partition(|month| !figure.missing_months.contains(month));
        let found = figure.baseline.zip(figure.basis);
        GrowingWindow {
            from: figure.from,
            total: figure.value,
            to: Some(figure.to),
            touched_months: compared.iter().copied().collect(),
            baseline_of_months: Some((compared, found)),
        }
    }

    /// The year of the window.
    pub fn year(&self) -> i32 {
        self.from.year()
    }

    /// Takes a value that enters the window (dated in its year, with a period that begins in
    /// it, not a baseline), in the order the rules add them: day, then unit code.
    pub fn add(&mut self, value: f64, (start, end): (NaiveDate, NaiveDate)) {
        self.total += value;
        self.to = self.to.max(Some(end));
        self.touched_months.extend(months(start, end));
    }

    /// The figure of the window as it stands, with the baseline `baseline_of` makes for the
    /// months compared when they are not the ones it was last made for; `None` when
    /// `baseline_of` cannot make it (it answers `None`), `Some(None)` while the window is empty.
    pub fn figure(
        &mut self,
        indicator: &Indicator,
        baseline_of: impl FnOnce(&Baseline, i32, &[NaiveDate]) -> Option<BaselineFound>,
    ) -> Option<Option<FlowFigure>> {
        let Some(to) = self.to else {
            return Some(None);
        };
        let (compared, missing_months): (Vec<NaiveDate>, Vec<NaiveDate>) = months(self.from, to)
            .into_iter()
            .partition(|month| self.touched_months.contains(month));
        let (baseline_year, baseline, basis) = match &indicator.baseline {
            Some(b) => {
                let base_year = b.year_for(self.year());
                let found = match &self.baseline_of_months {
                    Some((months, found)) if *months == compared => *found,
                    _ => {
                        let found = baseline_of(b, base_year, &compared)?;
                        self.baseline_of_months = Some((compared.clone(), found));
                        found
                    }
                };
                let (value, basis) =
                    found.map_or((None, None), |(v, basis)| (Some(v), Some(basis)));
                (Some(base_year), value, basis)
            }
            None => (None, None, None),
        };
        Some(Some(FlowFigure {
            from: self.from,
            to,
            value: self.total,
            missing_months,
            months_compared: compared.len() as u32,
            baseline_year,
            baseline,
            basis,
        }))
    }
}

/// [`flow_figures`] over the days of one year whose windows only grow.
fn growing_year(
    indicator: &Indicator,
    ward: &str,
    measurements: &[Measurement],
    year: i32,
    days: &[NaiveDate],
) -> Vec<Option<FlowFigure>> {
    let mut window = GrowingWindow::new(year);
    let mut next = 0;
    let mut figures = Vec::with_capacity(days.len());
    for &day in days {
        // The rows that enter the window by this day, in the order the rules add them.
        while let Some(m) = measurements.get(next).filter(|m| m.date <= day) {
            next += 1;
            let (start, end) = covered(m);
            if m.baseline || m.date.year() != year || start < window.from {
                continue;
            }
            window.add(m.value, (start, end));
        }
        let baseline_of = |b: &Baseline, base_year, compared: &[NaiveDate]| {
            Some(baseline_of(measurements, ward, b, base_year, compared))
        };
        figures.push(window.figure(indicator, baseline_of).flatten());
    }
    figures
}

/// The baseline of `months` (first days, in the window's year) in `base_year`: (figure, how it
/// was arrived at).
fn baseline_of(
    measurements: &[Measurement],
    ward: &str,
    baseline: &Baseline,
    base_year: i32,
    months: &[NaiveDate],
) -> Option<(f64, BaselineBasis)> {
    let recorded: Vec<&Measurement> = measurements
        .iter()
        .filter(|m| m.baseline && m.date.year() == base_year && covered(m).0.year() == base_year)
        .collect();
    let recorded = contributing(recorded, ward);
    let seed = baseline.value.filter(|_| baseline.year == base_year);
    if baseline.against == BaselineAgainst::Plan {
        let total: f64 = recorded.iter().map(|m| m.value).sum();
        return match (recorded.is_empty(), seed) {
            (false, _) => Some((total, BaselineBasis::PlanFigure)),
            (true, Some(v)) => Some((v, BaselineBasis::PlanFigure)),
            (true, None) => None,
        };
    }
    // The same months of the baseline year.
    let wanted: Vec<NaiveDate> = months
        .iter()
        .filter_map(|m| NaiveDate::from_ymd_opt(base_year, m.month(), 1))
        .collect();
    let in_wanted = |m: &&Measurement| {
        let (start, end) = covered(m);
        self::months(start, end)
            .iter()
            .all(|month| wanted.contains(month))
    };
    // The finest periods first, none overlapping another: months before quarters before years.
    let mut inside: Vec<&Measurement> = recorded
        .iter()
        .copied()
        .filter(|m| m.period_start.is_some() && in_wanted(m))
        .collect();
    inside.sort_by_key(|m| (covered(m).1 - covered(m).0, covered(m).0));
    let mut taken: Vec<&Measurement> = Vec::new();
    for m in inside {
        let (start, end) = covered(m);
        let overlaps = taken.iter().any(|t| {
            let (s, e) = covered(t);
            start <= e && s <= end
        });
        if !overlaps {
            taken.push(m);
        }
    }
    if !wanted.is_empty() && wanted.iter().all(|month| touched(&taken, *month)) {
        return Some((
            taken.iter().map(|m| m.value).sum(),
            BaselineBasis::SameMonths,
        ));
    }
    let year_end = NaiveDate::from_ymd_opt(base_year, 12, 31)?;
    let yearly = recorded
        .iter()
        .filter(|m| m.period_start.is_none() || covered(m) == (year_start(base_year), year_end))
        .map(|m| m.value)
        .reduce(|a, b| a + b)
        .or(seed)?;
    let share = wanted.len() as f64 / 12.0;
    Some((yearly * share, BaselineBasis::ProRated { yearly, share }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Accumulation, Baseline, Comparator, IndicatorKind};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn flow(unit: &str, from: &str, to: &str, value: f64, baseline: bool) -> Measurement {
        Measurement {
            id: 0,
            indicator: "TT3.05".into(),
            unit: unit.into(),
            date: day(to),
            period_start: Some(day(from)),
            value,
            numerator: None,
            denominator: None,
            baseline,
            revision: 1,
            note: None,
            recorded_by: None,
            recorded_at: String::new(),
        }
    }

    fn month(unit: &str, year: i32, m: u32, value: f64, baseline: bool) -> Measurement {
        let from = NaiveDate::from_ymd_opt(year, m, 1).unwrap();
        let to = next_month(from).pred_opt().unwrap();
        flow(unit, &from.to_string(), &to.to_string(), value, baseline)
    }

    fn reduction(seed_value: Option<f64>) -> Indicator {
        Indicator {
            code: "TT3.05".into(),
            text: String::new(),
            kind: IndicatorKind::Reduction,
            accumulation: Accumulation::Flow,
            comparator: Comparator::AtLeast,
            target: 20.0,
            unit_of_measure: "vụ".into(),
            deadline: day("2027-08-27"),
            responsible: vec!["CAP".into()],
            baseline: Some(Baseline {
                year: 2025,
                value: seed_value,
                against: BaselineAgainst::Year,
            }),
            checkpoints: vec![],
            unit_targets: vec![],
            note: None,
        }
    }

    #[test]
    fn eight_months_against_the_same_eight_months() {
        // 2025: 10 a month (120 a year); 2026 January to August: 8 a month.
        let mut rows: Vec<Measurement> = (1..=12)
            .map(|m| month("CAP", 2025, m, 10.0, true))
            .collect();
        rows.extend((1..=8).map(|m| month("CAP", 2026, m, 8.0, false)));
        let f = flow_figure(&reduction(None), "UBND", &rows, day("2026-09-01")).unwrap();
        assert_eq!((f.from, f.to), (day("2026-01-01"), day("2026-08-31")));
        assert_eq!(f.value, 64.0);
        assert_eq!(f.baseline, Some(80.0));
        assert_eq!(f.basis, Some(BaselineBasis::SameMonths));
        assert!(f.missing_months.is_empty());
    }

    #[test]
    fn a_yearly_baseline_is_pro_rated_and_says_so() {
        let rows: Vec<Measurement> = (1..=8).map(|m| month("CAP", 2026, m, 8.0, false)).collect();
        let f = flow_figure(&reduction(Some(120.0)), "UBND", &rows, day("2026-09-01")).unwrap();
        assert_eq!(f.baseline, Some(80.0));
        assert_eq!(
            f.basis,
            Some(BaselineBasis::ProRated {
                yearly: 120.0,
                share: 8.0 / 12.0
            })
        );
    }

    #[test]
    fn a_missing_month_is_missing_not_zero() {
        let rows: Vec<Measurement> = [1, 2, 3, 5, 6, 7, 8]
            .into_iter()
            .map(|m| month("CAP", 2026, m, 8.0, false))
            .collect();
        let f = flow_figure(&reduction(Some(120.0)), "UBND", &rows, day("2026-09-01")).unwrap();
        assert_eq!(f.missing_months, vec![day("2026-04-01")]);
        assert_eq!(f.value, 56.0);
        // Compared on the seven months that have figures: 7/12 of 120.
        assert_eq!(f.months_compared, 7);
        assert_eq!(f.baseline, Some(70.0));
    }

    #[test]
    fn quarters_and_months_of_the_baseline_year_are_not_counted_twice() {
        let mut rows = vec![
            flow("CAP", "2025-01-01", "2025-03-31", 30.0, true),
            flow("CAP", "2025-01-01", "2025-12-31", 120.0, true),
        ];
        rows.extend((1..=3).map(|m| month("CAP", 2025, m, 9.0, true)));
        rows.extend((1..=3).map(|m| month("CAP", 2026, m, 8.0, false)));
        let f = flow_figure(&reduction(None), "UBND", &rows, day("2026-04-10")).unwrap();
        // The months (27), not the quarter as well, nor the year.
        assert_eq!(f.baseline, Some(27.0));
        assert_eq!(f.basis, Some(BaselineBasis::SameMonths));
    }

    #[test]
    fn the_wards_own_figures_win_over_its_units() {
        let rows = vec![
            month("KP1", 2026, 1, 3.0, false),
            month("KP2", 2026, 1, 4.0, false),
        ];
        let f = flow_figure(&reduction(Some(120.0)), "UBND", &rows, day("2026-02-01")).unwrap();
        assert_eq!(f.value, 7.0);
        let mut rows = rows;
        rows.push(month("UBND", 2026, 1, 9.0, false));
        let f = flow_figure(&reduction(Some(120.0)), "UBND", &rows, day("2026-02-01")).unwrap();
        assert_eq!(f.value, 9.0);
    }

    #[test]
    fn a_plan_figure_is_taken_whole() {
        let mut growth = reduction(Some(1000.0));
        growth.kind = IndicatorKind::Growth;
        growth.baseline = Some(Baseline {
            year: 2026,
            value: Some(1000.0),
            against: BaselineAgainst::Plan,
        });
        let rows: Vec<Measurement> = (1..=6)
            .map(|m| month("TCKT", 2026, m, 100.0, false))
            .collect();
        let f = flow_figure(&growth, "UBND", &rows, day("2026-07-01")).unwrap();
        assert_eq!(f.baseline, Some(1000.0));
        assert_eq!(f.basis, Some(BaselineBasis::PlanFigure));
    }
}
