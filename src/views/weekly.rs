//! The weekly report's contents, built once from the one judgement (`plan::compliance::items`)
//! and the kept summaries: the week's changes, compliance against last week, overdue by unit,
//! what is at risk, who sent nothing, and the indicators furthest from target.
//!
//! The week is Monday to Sunday, the last one ending before the as-of day. The same records
//! and as-of day give the same report: nothing here reads the clock.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use crate::plan::compliance::{items, task_state, Moment, Outcome, Records, Split, TaskStatus};
use crate::plan::forecast::{self, AtRisk};
use crate::plan::measure::{Measurement, Status, WeekCount};
use crate::plan::summary::Summary;
use crate::plan::{IndicatorKind, Plan};
use crate::views::grid::{self, Report};
use crate::views::overdue::{self, OverdueRow, UnitOverdue};

/// The whole report; its JSON is `weekly --format json` (field names are a contract).
#[derive(Serialize)]
pub struct Weekly {
    pub as_of: NaiveDate,
    pub week_start: NaiveDate,
    pub week_end: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generated_at: Option<String>,
    pub headline: Headline,
    pub changes: Changes,
    pub compliance: Vec<ContentChange>,
    pub report: Report,
    pub overdue_by_unit: Vec<UnitOverdue>,
    /// Open items whose forecast or pace says they will be missed.
    pub at_risk: Vec<AtRisk>,
    pub silent_units: Vec<SilentUnit>,
    pub furthest_from_target: Vec<Forecast>,
}

/// Days since the plan began, overall compliance, and each content's current phase.
#[derive(Serialize)]
pub struct Headline {
    pub days_since_start: i64,
    pub compliance_pct: Option<f64>,
    pub phases: Vec<CurrentPhase>,
}

/// A content's phase on the week's last day and the days it has left.
#[derive(Serialize)]
pub struct CurrentPhase {
    pub content: String,
    pub phase: u8,
    pub name: String,
    pub end: NaiveDate,
    pub days_left: i64,
}

/// The values dated in the week: each one, or (a week of a city's files) counted by indicator.
pub enum WeekValues {
    /// Every value dated in the week (values outside it are left out).
    Listed(Vec<Measurement>),
    /// Too many to list: counted from the summaries.
    Counted(WeekCount),
}

/// The week's values are listed one by one in the text, Markdown and HTML report up to this
/// many; beyond it, counted by indicator (JSON and CSV always list them, for scripts).
pub const LISTED_AT_MOST: usize = 200;

/// What happened in the week: values dated in it, tasks done, items newly overdue.
#[derive(Serialize)]
pub struct Changes {
    pub values: Vec<Measurement>,
    /// The values counted by indicator when too many to list (never in JSON).
    #[serde(skip)]
    pub counted: Option<WeekCount>,
    pub tasks_done: Vec<TaskDone>,
    pub became_overdue: Vec<OverdueRow>,
}

/// A task done within the week (and still done at its end).
#[derive(Serialize)]
pub struct TaskDone {
    pub task: String,
    pub date: NaiveDate,
    pub days_late: i64,
}

/// A content's compliance at the week's end against the previous week's end.
#[derive(Serialize)]
pub struct ContentChange {
    pub code: String,
    pub compliance_pct: Option<f64>,
    pub last_week_pct: Option<f64>,
    pub change_points: Option<f64>,
}

/// A unit that sent nothing dated in the week for the indicators it answers for.
#[derive(Serialize)]
pub struct SilentUnit {
    pub unit: String,
    pub indicators: Vec<String>,
}

/// An indicator behind its next target, with its forecast to that day.
#[derive(Serialize)]
pub struct Forecast {
    pub code: String,
    pub text: String,
    pub kind: IndicatorKind,
    pub unit_of_measure: String,
    pub comparator: &'static str,
    pub target: f64,
    pub achieved: f64,
    /// The indicator's next due date (a checkpoint or the deadline), judged against `target`.
    pub deadline: NaiveDate,
    /// The forecast value on that day; `None` without enough readings (see `prediction`).
    pub forecast: Option<f64>,
    pub forecast_meets: Option<bool>,
    /// The forecast with its basis, or why there is none.
    pub prediction: forecast::Forecast,
    /// The ward figure on each measured day so far, for the trend chart.
    pub series: Vec<SeriesPoint>,
}

/// The ward figure on one measured day.
#[derive(Serialize)]
pub struct SeriesPoint {
    pub date: NaiveDate,
    pub value: f64,
}

/// The Monday-to-Sunday week that ends before `as_of`.
pub fn week_before(as_of: NaiveDate) -> (NaiveDate, NaiveDate) {
    let back = u64::from(as_of.weekday().num_days_from_monday()) + 1;
    let end = as_of - Days::new(back);
    (end - Days::new(6), end)
}

/// The report of the week before `today`, judged at the end of its last day, from the plan's
/// records and the values dated in the week; `generated_at` is shown as given.
pub fn build(
    plan: &Plan,
    records: &Records,
    week: WeekValues,
    today: NaiveDate,
    generated_at: Option<String>,
) -> Weekly {
    // Every section speaks of the same week and is judged at the end of its last day; the
    // previous week, at the end of the day before it started.
    let (week_start, week_end) = week_before(today);
    let end = Moment::EndOf(week_end);
    let before = Moment::EndOf(week_start - Days::new(1));
    let (summaries, events) = (records.summaries, records.task_events);
    let report = grid::build(plan, records, end, None, None, false);
    let last_week = grid::build(plan, records, before, None, None, false);
    let ward = plan.ward().map(|u| u.code.as_str()).unwrap_or_default();

    let phases = plan
        .contents
        .iter()
        .filter_map(|c| {
            let phase = c.phase_on(week_end)?;
            Some(CurrentPhase {
                content: c.code.clone(),
                phase: phase.number,
                name: phase.name.clone(),
                end: phase.end,
                days_left: (phase.end - week_end).num_days(),
            })
        })
        .collect();
    let headline = Headline {
        days_since_start: (week_end - plan.meta.start).num_days() + 1,
        compliance_pct: report.totals.total.compliance_pct,
        phases,
    };

    let in_week = |day: NaiveDate| week_start <= day && day <= week_end;
    let (values, counted) = match week {
        WeekValues::Listed(rows) => (rows.into_iter().filter(|m| in_week(m.date)).collect(), None),
        WeekValues::Counted(count) => (Vec::new(), Some(count)),
    };
    // Done within the week and still done at its end (a task reopened later in the week is not).
    let mut tasks_done: Vec<TaskDone> = Vec::new();
    for (_, task) in plan.tasks() {
        let log = events.get(&task.code).map_or(&[][..], Vec::as_slice);
        if let (TaskStatus::Done, Some(on)) = task_state(log, week_end) {
            if in_week(on) {
                tasks_done.push(TaskDone {
                    task: task.code.clone(),
                    date: on,
                    days_late: (on - task.deadline).num_days().max(0),
                });
            }
        }
    }
    let all = items(plan, records, end, Split::Ward);
    let overdue_now = overdue::overdue_rows(&all, end, None, |_| true);
    // Overdue at the week's end and not at the previous week's end.
    let was_overdue: std::collections::HashSet<(String, NaiveDate, String)> =
        items(plan, records, before, Split::Ward)
            .into_iter()
            .filter(|i| matches!(i.outcome, Outcome::Overdue { .. }))
            .map(|i| (i.code, i.due, i.unit))
            .collect();
    let became_overdue: Vec<OverdueRow> = overdue::overdue_rows(&all, end, None, |i| {
        !was_overdue.contains(&(i.code.clone(), i.due, i.unit.clone()))
    });

    let compliance = report
        .contents
        .iter()
        .zip(&last_week.contents)
        .map(|(now, before)| ContentChange {
            code: now.code.clone(),
            compliance_pct: now.total.compliance_pct,
            last_week_pct: before.total.compliance_pct,
            change_points: now
                .total
                .compliance_pct
                .zip(before.total.compliance_pct)
                .map(|(a, b)| a - b),
        })
        .collect();

    let overdue_by_unit = overdue::by_unit(overdue_now);
    let at_risk = forecast::at_risk(plan, records, end, &all);

    // Units responsible for indicators that sent nothing dated in the week.
    let mut silent_units: Vec<SilentUnit> = Vec::new();
    for unit in &plan.units {
        let theirs: Vec<String> = plan
            .indicators()
            .filter(|(_, i)| i.responsible.contains(&unit.code) && i.deadline >= week_start)
            .map(|(_, i)| i.code.clone())
            .collect();
        if theirs.is_empty() {
            continue;
        }
        let reported = match &counted {
            Some(count) => count.units.contains(&unit.code),
            None => values.iter().any(|m: &Measurement| m.unit == unit.code),
        };
        if !reported {
            silent_units.push(SilentUnit {
                unit: unit.code.clone(),
                indicators: theirs,
            });
        }
    }

    // Indicators behind their next target, furthest first, each with its forecast to that day.
    let mut furthest: Vec<(f64, Forecast)> = Vec::new();
    for (_, indicator) in plan.indicators() {
        let empty = Summary::default();
        let summary = summaries.get(&indicator.code).unwrap_or(&empty);
        let next = all
            .iter()
            .filter(|i| i.code == indicator.code && i.outcome == Outcome::Open)
            .min_by_key(|i| i.due);
        let (due, target) = match next.and_then(|i| i.target.map(|(_, t)| (i.due, t))) {
            Some(next) => next,
            None => (indicator.deadline, indicator.target),
        };
        let standing = summary.standing_on(indicator, ward, week_end, target);
        let (Some(achieved), Status::NotMet) = (standing.achieved, standing.status) else {
            continue;
        };
        let series = summary.series(indicator, ward, week_end);
        let prediction = forecast::forecast(indicator.kind, &series, due);
        let at_due = prediction.value();
        let scale = target.abs().max(1.0);
        furthest.push((
            (achieved - target).abs() / scale,
            Forecast {
                code: indicator.code.clone(),
                text: indicator.text.clone(),
                kind: indicator.kind,
                unit_of_measure: indicator.unit_of_measure.clone(),
                comparator: indicator.comparator.symbol(),
                target,
                achieved,
                deadline: due,
                forecast: at_due,
                forecast_meets: at_due.map(|f| indicator.comparator.holds(f, target)),
                prediction,
                series: series
                    .iter()
                    .map(|(date, value)| SeriesPoint {
                        date: *date,
                        value: *value,
                    })
                    .collect(),
            },
        ));
    }
    furthest.sort_by(|a, b| b.0.total_cmp(&a.0));

    Weekly {
        as_of: today,
        week_start,
        week_end,
        generated_at,
        headline,
        changes: Changes {
            values,
            counted,
            tasks_done,
            became_overdue,
        },
        compliance,
        report,
        overdue_by_unit,
        at_risk,
        silent_units,
        furthest_from_target: furthest.into_iter().take(5).map(|(_, f)| f).collect(),
    }
}
