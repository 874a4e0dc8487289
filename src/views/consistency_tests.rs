//! The documents held to each other and to a naive reading of the rules.
//!
//! Over random histories on the test plan (values with corrections and baselines, ratios,
//! task events recorded in any order and kept only where `task` would accept them):
//! - a day-by-day reference implementation of the README's rules, written apart from
//!   `src/plan`, gives every item the same outcome as `compliance::items`;
//! - `report` counts, in every cell, what the reference counts;
//! - `overdue` lists exactly the reference's overdue items;
//! - `weekly` (its grid and its overdue by unit) and `baocao` (its Markdown, parsed: the
//!   overall sentence and the overdue-by-unit table) agree with the reference at the end of
//!   the day they judge.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;

use crate::output::i18n::Lang;
use crate::plan::compliance::{
    check_task_event, items, Moment, Outcome, Records, Split, TaskAction, TaskEvent,
};
use crate::plan::measure::Measurement;
use crate::plan::period::{Period, PeriodKind};
use crate::plan::summary::Summary;
use crate::plan::{Comparator, IndicatorKind, Plan};
use crate::views::baocao::Scope;

fn test_plan() -> Plan {
    let text = include_str!("../../fixtures/seeds/ward.toml");
    crate::input::seed::parse_seed(text, "ward.toml").expect("the test seed loads")
}

// ---- The reference: the README's rules, day by day, without src/plan's helpers ----------

/// What the reference says of one item.
#[derive(Debug, Clone, PartialEq)]
struct Verdict {
    code: String,
    content: String,
    phase: u8,
    due: NaiveDate,
    outcome: Outcome,
}

fn holds(comparator: Comparator, achieved: f64, target: f64) -> bool {
    // The README: figures compared at a hundredth.
    match comparator {
        Comparator::AtLeast => achieved >= target - 0.005,
        Comparator::MoreThan => achieved > target + 0.005,
        Comparator::AtMost => achieved <= target + 0.005,
        Comparator::LessThan => achieved < target - 0.005,
        Comparator::Exactly => (achieved - target).abs() <= 0.005,
    }
}

/// The ward's figure on `day`: each unit's latest value, then the ward's own if it is the
/// newest, else the sum, the ratio of sums or the mean of rates.
fn reference_figure(
    kind: IndicatorKind,
    ward: &str,
    rows: &[Measurement],
    day: NaiveDate,
    baseline_rows: bool,
) -> Option<f64> {
    let mut latest: Vec<&Measurement> = Vec::new();
    for m in rows
        .iter()
        .filter(|m| m.baseline == baseline_rows && m.date <= day)
    {
        match latest.iter_mut().find(|kept| kept.unit == m.unit) {
            Some(kept) if kept.date < m.date => *kept = m,
            Some(_) => {}
            None => latest.push(m),
        }
    }
    let newest = latest.iter().map(|m| m.date).max()?;
    if let Some(own) = latest.iter().find(|m| m.unit == ward && m.date == newest) {
        return Some(own.value);
    }
    let parts: Vec<&&Measurement> = latest.iter().filter(|m| m.unit != ward).collect();
    if parts.is_empty() {
        return None;
    }
    if kind != IndicatorKind::Percent {
        return Some(parts.iter().map(|m| m.value).sum());
    }
    if parts.iter().all(|m| m.denominator.is_some()) {
        let numerator: f64 = parts.iter().filter_map(|m| m.numerator).sum();
        let denominator: f64 = parts.iter().filter_map(|m| m.denominator).sum();
        if denominator > 0.0 {
            return Some(numerator / denominator * 100.0);
        }
    }
    Some(parts.iter().map(|m| m.value).sum::<f64>() / parts.len() as f64)
}

fn reference_items(plan: &Plan, history: &History, moment: Moment) -> Vec<Verdict> {
    let (day, end_of_day) = match moment {
        Moment::During(day) => (day, false),
        Moment::EndOf(day) => (day, true),
    };
    let past = |due: NaiveDate| if end_of_day { due <= day } else { due < day };
    let days_past = |due: NaiveDate| (day - due).num_days() + i64::from(end_of_day);
    let ward = plan.ward().unwrap().code.clone();
    let mut verdicts = Vec::new();
    for content in &plan.contents {
        for task in &content.tasks {
            let mut log: Vec<&TaskEvent> = history
                .task_events
                .get(&task.code)
                .map(|e| e.iter().collect())
                .unwrap_or_default();
            log.sort_by_key(|e| (e.date, e.id));
            // Replay day by day: "not started", "in progress", "done", "cancelled".
            let mut status = "not started";
            let mut done_on = None;
            for event in log.iter().filter(|e| e.date <= day) {
                let next = match (event.action, status) {
                    (TaskAction::Start, "not started") => "in progress",
                    (TaskAction::Done, "not started" | "in progress") => "done",
                    (TaskAction::Reopen, "done" | "cancelled") => "in progress",
                    (TaskAction::Cancel, "not started" | "in progress") => "cancelled",
                    _ => continue,
                };
                status = next;
                done_on = (next == "done").then_some(event.date);
            }
            let outcome = match (status, done_on) {
                ("cancelled", _) => Outcome::Cancelled,
                ("done", Some(on)) if on <= task.deadline => Outcome::Met { on },
                ("done", Some(on)) => Outcome::Late { on },
                _ if past(task.deadline) => Outcome::Overdue {
                    days: days_past(task.deadline),
                },
                _ => Outcome::Open,
            };
            verdicts.push(Verdict {
                code: task.code.clone(),
                content: content.code.clone(),
                phase: task.phase,
                due: task.deadline,
                outcome,
            });
        }
        for indicator in &content.indicators {
            let rows = history
                .rows
                .get(&indicator.code)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let baseline =
                reference_figure(IndicatorKind::Count, &ward, rows, NaiveDate::MAX, true)
                    .or(indicator.baseline.as_ref().and_then(|b| b.value));
            let achieved = |on: NaiveDate| {
                let value = reference_figure(indicator.kind, &ward, rows, on, false)?;
                match indicator.kind {
                    IndicatorKind::Percent | IndicatorKind::Count => Some(value),
                    IndicatorKind::Reduction => baseline
                        .filter(|b| *b != 0.0)
                        .map(|b| (b - value) / b * 100.0),
                    IndicatorKind::Growth => baseline
                        .filter(|b| *b != 0.0)
                        .map(|b| (value - b) / b * 100.0),
                }
            };
            let first_day = rows.iter().map(|m| m.date).min();
            let mut targets: Vec<(NaiveDate, f64)> = indicator
                .checkpoints
                .iter()
                .map(|c| (c.date, c.target))
                .collect();
            if !targets.iter().any(|(d, _)| *d == indicator.deadline) {
                targets.push((indicator.deadline, indicator.target));
            }
            targets.sort_by_key(|t| t.0);
            for (due, target) in targets {
                let meets = |on: NaiveDate| {
                    achieved(on).is_some_and(|a| holds(indicator.comparator, a, target))
                };
                // The first calendar day in (after, until] on which the target held.
                let first_meeting = |after: Option<NaiveDate>, until: NaiveDate| {
                    let mut on = first_day?;
                    if let Some(after) = after {
                        on = on.max(after + Days::new(1));
                    }
                    while on <= until {
                        if meets(on) {
                            return Some(on);
                        }
                        on = on + Days::new(1);
                    }
                    None
                };
                let last = due.min(day);
                let outcome = if meets(last) {
                    Outcome::Met {
                        on: first_meeting(None, last).unwrap_or(last),
                    }
                } else if !past(due) {
                    Outcome::Open
                } else if meets(day) {
                    Outcome::Late {
                        on: first_meeting(Some(due), day).unwrap_or(day),
                    }
                } else {
                    Outcome::Overdue {
                        days: days_past(due),
                    }
                };
                let phase = content
                    .phases
                    .iter()
                    .find(|p| p.start <= due && due <= p.end)
                    .or(content.phases.last())
                    .map_or(1, |p| p.number);
                verdicts.push(Verdict {
                    code: indicator.code.clone(),
                    content: content.code.clone(),
                    phase,
                    due,
                    outcome,
                });
            }
        }
    }
    verdicts
}

/// (due, met on time, late, overdue) of the verdicts that pass `keep`.
fn counts(verdicts: &[Verdict], keep: impl Fn(&Verdict) -> bool) -> (usize, usize, usize, usize) {
    let mut c = (0, 0, 0, 0);
    for v in verdicts.iter().filter(|v| keep(v)) {
        match v.outcome {
            Outcome::Met { .. } => {
                c.0 += 1;
                c.1 += 1;
            }
            Outcome::Late { .. } => {
                c.0 += 1;
                c.2 += 1;
            }
            Outcome::Overdue { .. } => {
                c.0 += 1;
                c.3 += 1;
            }
            Outcome::Open | Outcome::Cancelled => {}
        }
    }
    c
}

// ---- Random histories ------------------------------------------------------------------

/// A measurement as generated: indicator, unit, day offset, value, ratio, baseline.
type RawMeasurement = (usize, usize, u32, u32, Option<(u32, u32)>, bool);
/// A task event as generated: task, action, day offset.
type RawEvent = (usize, usize, u32);

/// A random history: as the rules read it (summaries), and its raw rows (for the reference).
struct History {
    summaries: HashMap<String, Summary>,
    task_events: HashMap<String, Vec<TaskEvent>>,
    rows: HashMap<String, Vec<Measurement>>,
}

impl History {
    /// The borrowed view the rules take, as the store's records give it.
    fn records(&self) -> Records<'_> {
        Records {
            summaries: &self.summaries,
            task_events: &self.task_events,
        }
    }
}

fn history(plan: &Plan, measurements: &[RawMeasurement], events: &[RawEvent]) -> History {
    let start = plan.meta.start;
    let indicators: Vec<_> = plan.indicators().map(|(_, i)| i).collect();
    let units: Vec<&str> = plan.units.iter().map(|u| u.code.as_str()).collect();
    // A correction replaces the value of the same indicator, unit, day and kind.
    let mut current: HashMap<(usize, usize, u32, bool), Measurement> = HashMap::new();
    for (n, &(i, u, offset, value, ratio, baseline)) in measurements.iter().enumerate() {
        let indicator = indicators[i % indicators.len()];
        let percent = indicator.kind == IndicatorKind::Percent;
        let ratio = ratio
            .filter(|_| percent && !baseline)
            .map(|(a, b)| (f64::from(a.min(b)), f64::from(b.max(1))));
        let value = match (ratio, percent) {
            (Some((num, den)), _) => num / den * 100.0,
            (None, true) => f64::from(value % 101),
            (None, false) => f64::from(value),
        };
        let date = if baseline {
            start - Days::new(30)
        } else {
            start + Days::new(u64::from(offset))
        };
        let key = (i % indicators.len(), u % units.len(), offset, baseline);
        let revision = current.get(&key).map_or(1, |m| m.revision + 1);
        current.insert(
            key,
            Measurement {
                id: n as i64,
                indicator: indicator.code.clone(),
                unit: units[u % units.len()].to_string(),
                date,
                period_start: None,
                value,
                numerator: ratio.map(|r| r.0),
                denominator: ratio.map(|r| r.1),
                baseline,
                revision,
                note: None,
                recorded_by: None,
                recorded_at: String::new(),
            },
        );
    }
    let mut by_indicator: HashMap<String, Vec<Measurement>> = HashMap::new();
    let mut rows: Vec<Measurement> = current.into_values().collect();
    rows.sort_by_key(|m| m.id);
    for m in rows {
        by_indicator.entry(m.indicator.clone()).or_default().push(m);
    }
    let tasks: Vec<_> = plan.tasks().map(|(_, t)| t).collect();
    let mut task_events: HashMap<String, Vec<TaskEvent>> = HashMap::new();
    for (n, &(t, action, offset)) in events.iter().enumerate() {
        let task = tasks[t % tasks.len()];
        let action = TaskAction::ALL[action % TaskAction::ALL.len()];
        let date = start + Days::new(u64::from(offset));
        let log = task_events.entry(task.code.clone()).or_default();
        // As `kehoach task` does: an event the log would contradict is refused.
        if check_task_event(log, action, date).is_ok() {
            log.push(TaskEvent {
                id: n as i64,
                task: task.code.clone(),
                action,
                date,
                note: None,
                recorded_by: None,
                recorded_at: String::new(),
            });
        }
    }
    let ward = plan.ward().map(|u| u.code.as_str()).unwrap_or("");
    let summaries = plan
        .indicators()
        .map(|(_, indicator)| {
            let rows = by_indicator
                .get(&indicator.code)
                .map_or(&[][..], Vec::as_slice);
            let shares: Vec<String> = indicator
                .unit_targets
                .iter()
                .map(|t| t.unit.clone())
                .collect();
            (
                indicator.code.clone(),
                Summary::of(indicator, ward, rows, &shares),
            )
        })
        .collect();
    History {
        summaries,
        task_events,
        rows: by_indicator,
    }
}

fn implementation(plan: &Plan, records: &Records, moment: Moment) -> Vec<Verdict> {
    items(plan, records, moment, Split::Ward)
        .into_iter()
        .map(|i| Verdict {
            code: i.code,
            content: i.content,
            phase: i.phase,
            due: i.due,
            outcome: i.outcome,
        })
        .collect()
}

fn checked_report(plan: &Plan, history: &History, moment: Moment) -> Vec<Verdict> {
    let records = history.records();
    let reference = reference_items(plan, history, moment);
    assert_eq!(
        implementation(plan, &records, moment),
        reference,
        "{moment:?}"
    );
    let report = super::grid::build(plan, &records, moment, None, None, false);
    for row in &report.contents {
        for cell in &row.phases {
            let (due, met, late, overdue) = counts(&reference, |v| {
                v.content == row.code && v.phase == cell.number
            });
            let t = cell.tally;
            assert_eq!(
                (t.items_due, t.items_met, t.items_late, t.items_overdue),
                (due, met, late, overdue),
                "{} phase {} at {moment:?}",
                row.code,
                cell.number
            );
        }
    }
    let total = report.totals.total.tally;
    assert_eq!(
        (
            total.items_due,
            total.items_met,
            total.items_late,
            total.items_overdue
        ),
        counts(&reference, |_| true)
    );
    let all = items(plan, &records, moment, Split::Ward);
    let mut listed: Vec<(String, NaiveDate)> =
        super::overdue::overdue_rows(&all, moment, None, |_| true)
            .into_iter()
            .map(|r| (r.code, r.due))
            .collect();
    let mut expected: Vec<(String, NaiveDate)> = reference
        .iter()
        .filter(|v| matches!(v.outcome, Outcome::Overdue { .. }))
        .map(|v| (v.code.clone(), v.due))
        .collect();
    listed.sort();
    expected.sort();
    assert_eq!(listed, expected, "overdue at {moment:?}");
    reference
}

/// The Vietnamese Markdown of the monthly report as of `today`, as `baocao` writes it.
fn monthly_markdown(plan: &Plan, records: &Records, today: NaiveDate) -> String {
    let scope = Scope::Calendar(Period::before(PeriodKind::Month, today));
    let judged = super::baocao::judgement_days(plan, &scope, today);
    let doc = super::baocao::build(Lang::Vi, plan, records, &scope, &judged, today, None);
    crate::output::document::markdown(&doc)
}

/// The numbers in "Tính chung, M/D … (P%); L …; O …".
fn overall_numbers(markdown: &str) -> Option<(usize, usize, usize, usize)> {
    let line = markdown.lines().find(|l| l.starts_with("Tính chung, "))?;
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    // M, D, the percentage's digits, then L and O last.
    let (met, due) = (numbers[0], numbers[1]);
    let (late, overdue) = (numbers[numbers.len() - 2], numbers[numbers.len() - 1]);
    Some((met, due, late, overdue))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_document_gives_the_verdicts_of_the_reference(
        measurements in proptest::collection::vec(
            (0usize..8, 0usize..5, 0u32..365, 0u32..150,
             proptest::option::of((0u32..60, 1u32..60)), proptest::bool::weighted(0.1)),
            0..40,
        ),
        events in proptest::collection::vec((0usize..20, 0usize..4, 0u32..365), 0..40),
        during in 0u32..380,
        month in 1u32..12,
    ) {
        let plan = test_plan();
        let recorded = history(&plan, &measurements, &events);
        let start = plan.meta.start;
        checked_report(&plan, &recorded, Moment::During(start + Days::new(u64::from(during))));
        checked_report(&plan, &recorded, Moment::EndOf(start + Days::new(u64::from(during))));

        // Weekly: its week ends on the Sunday before the as-of day.
        let as_of = start + Days::new(u64::from(during.max(7)));
        let (_, sunday) = super::weekly::week_before(as_of);
        if sunday >= start {
            let reference = checked_report(&plan, &recorded, Moment::EndOf(sunday));
            let rows: Vec<Measurement> = recorded.rows.values().flatten().cloned().collect();
            let week = super::weekly::WeekValues::Listed(rows);
            let records = recorded.records();
            let weekly = super::weekly::build(&plan, &records, week, as_of, None);
            let t = weekly.report.totals.total.tally;
            prop_assert_eq!(
                (t.items_due, t.items_met, t.items_late, t.items_overdue),
                counts(&reference, |_| true)
            );
            let listed: usize = weekly.overdue_by_unit.iter().map(|g| g.items.len()).sum();
            prop_assert_eq!(listed, counts(&reference, |_| true).3);
        }

        // Baocao for a month: parsed from its Markdown.
        let next = NaiveDate::from_ymd_opt(start.year(), month + 1, 1).unwrap();
        let month_end = next - Days::new(1);
        let reference = checked_report(&plan, &recorded, Moment::EndOf(month_end));
        let markdown = monthly_markdown(&plan, &recorded.records(), next);
        let (due, met, late, overdue) = counts(&reference, |_| true);
        match overall_numbers(&markdown) {
            Some(numbers) => prop_assert_eq!(numbers, (met, due, late, overdue), "{}", markdown),
            None => prop_assert_eq!(due, 0, "{}", markdown),
        }
        // The overdue-by-unit table lists every overdue item once.
        let in_table: usize = markdown
            .lines()
            .skip_while(|l| !l.contains("Việc quá hạn theo đơn vị"))
            .skip(3)
            .take_while(|l| l.starts_with('|'))
            .filter_map(|l| l.split('|').nth(2)?.trim().parse::<usize>().ok())
            .sum();
        prop_assert_eq!(in_table, overdue, "{}", markdown);
    }
}
