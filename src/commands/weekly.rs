//! `kehoach weekly`: the Monday report for the ward's leadership, made unattended by cron.
//!
//! Why this file is long: one document of eleven sections in five formats (text, Markdown,
//! HTML, CSV, JSON); every number in it comes from `compliance::items` and `views/`.
//!
//! The week is Monday to Sunday, the last one ending before the as-of day. The same data and
//! as-of day give the same bytes: nothing in the body depends on the clock unless `--stamp`.

use std::fmt::Write as _;

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use crate::cli::{WeeklyArgs, WeeklyFormat};
use crate::commands::{as_of, Context};
use crate::error::rejected;
use crate::output::i18n::{self, Lang};
use crate::output::reports::{PlanRef, ReportMessage};
use crate::output::summaries::{SummaryMessage, WEEK_CORRECTIONS, WEEK_VALUES};
use crate::output::verdicts::{self, VerdictMessage};
use crate::output::weekly_html;
use crate::output::{self, Format, Listing};
use crate::plan::compliance::{items, task_state, Moment, Outcome, Split, TaskStatus};
use crate::plan::forecast::AtRisk;
use crate::plan::measure::{Measurement, Status};
use crate::plan::summary::Summary;
use crate::plan::{forecast, IndicatorKind, Plan};
use crate::store::records::{count_between, measurements_between, recorded, Recorded, WeekCount};
use crate::views::grid::{self, Report};
use crate::views::overdue::{self, OverdueRow, UnitOverdue};

#[derive(Serialize)]
pub(super) struct Weekly {
    as_of: NaiveDate,
    week_start: NaiveDate,
    week_end: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    generated_at: Option<String>,
    headline: Headline,
    changes: Changes,
    compliance: Vec<ContentChange>,
    pub(super) report: Report,
    pub(super) overdue_by_unit: Vec<UnitOverdue>,
    /// Open items whose forecast or pace says they will be missed.
    at_risk: Vec<AtRisk>,
    silent_units: Vec<SilentUnit>,
    furthest_from_target: Vec<Forecast>,
}

#[derive(Serialize)]
struct Headline {
    days_since_start: i64,
    compliance_pct: Option<f64>,
    phases: Vec<CurrentPhase>,
}

#[derive(Serialize)]
struct CurrentPhase {
    content: String,
    phase: u8,
    name: String,
    end: NaiveDate,
    days_left: i64,
}

/// The values dated in the week: each one, or (a week of a city's files) counted by indicator.
pub enum WeekValues {
    Listed(Vec<Measurement>),
    Counted(WeekCount),
}

/// The week's values are listed one by one in the text, Markdown and HTML report up to this
/// many; beyond it, counted by indicator (JSON and CSV always list them, for scripts).
const LISTED_AT_MOST: usize = 200;

#[derive(Serialize)]
struct Changes {
    values: Vec<Measurement>,
    /// The values counted by indicator when too many to list (never in JSON).
    #[serde(skip)]
    counted: Option<WeekCount>,
    tasks_done: Vec<TaskDone>,
    became_overdue: Vec<OverdueRow>,
}

#[derive(Serialize)]
struct TaskDone {
    task: String,
    date: NaiveDate,
    days_late: i64,
}

#[derive(Serialize)]
struct ContentChange {
    code: String,
    compliance_pct: Option<f64>,
    last_week_pct: Option<f64>,
    change_points: Option<f64>,
}

#[derive(Serialize)]
struct SilentUnit {
    unit: String,
    indicators: Vec<String>,
}

#[derive(Serialize)]
struct Forecast {
    code: String,
    text: String,
    kind: crate::plan::IndicatorKind,
    unit_of_measure: String,
    comparator: &'static str,
    target: f64,
    achieved: f64,
    /// The indicator's next due date (a checkpoint or the deadline), judged against `target`.
    deadline: NaiveDate,
    /// The forecast value on that day; `None` without enough readings (see `prediction`).
    forecast: Option<f64>,
    forecast_meets: Option<bool>,
    /// The forecast with its basis, or why there is none.
    prediction: forecast::Forecast,
    /// The ward figure on each measured day so far, for the trend chart.
    series: Vec<SeriesPoint>,
}

#[derive(Serialize)]
struct SeriesPoint {
    date: NaiveDate,
    value: f64,
}

/// The Monday-to-Sunday week that ends before `as_of`.
pub fn week_before(as_of: NaiveDate) -> (NaiveDate, NaiveDate) {
    let back = u64::from(as_of.weekday().num_days_from_monday()) + 1;
    let end = as_of - Days::new(back);
    (end - Days::new(6), end)
}

/// Runs `weekly`.
pub fn run(context: &Context, args: WeeklyArgs) -> anyhow::Result<()> {
    let lang = context.lang;
    let (store, plan) = context.open_plan()?;
    let today = as_of(args.as_of.as_of);
    // Only the week's values are listed: read from its first day, not the whole history.
    let (week_start, week_end) = week_before(today);
    if week_end < plan.meta.start {
        return Err(rejected(
            VerdictMessage::WeekBeforePlan {
                start: week_start,
                end: week_end,
                plan_start: plan.meta.start,
            }
            .into(),
        ));
    }
    let recorded = recorded(store.conn(), &plan)?;
    let listed = matches!(args.format, WeeklyFormat::Json | WeeklyFormat::Csv);
    let count = match listed {
        true => None,
        false => Some(count_between(store.conn(), week_start, week_end)?),
    };
    let values = match count {
        Some(count) if count.values > LISTED_AT_MOST => WeekValues::Counted(count),
        _ => WeekValues::Listed(measurements_between(store.conn(), week_start, week_end)?),
    };
    let weekly = build(&plan, &recorded, values, today, args.stamp);
    let text = match args.format {
        WeeklyFormat::Json => output::json(&weekly),
        WeeklyFormat::Text => render_text(lang, &plan, &weekly, Format::Table),
        WeeklyFormat::Md => render_text(lang, &plan, &weekly, Format::Md),
        WeeklyFormat::Csv => render_csv(lang, &plan, &weekly),
        WeeklyFormat::Html => render_html(lang, &plan, &weekly),
    };
    match &args.out {
        Some(path) => crate::files::write_whole(path, text.as_bytes()),
        None => output::print(&text),
    }
}

pub(super) fn build(
    plan: &Plan,
    recorded: &Recorded,
    week: WeekValues,
    today: NaiveDate,
    stamp: bool,
) -> Weekly {
    // Every section speaks of the same week and is judged at the end of its last day; the
    // previous week, at the end of the day before it started.
    let (week_start, week_end) = week_before(today);
    let end = Moment::EndOf(week_end);
    let before = Moment::EndOf(week_start - Days::new(1));
    let records = recorded.records();
    let (summaries, events) = (&recorded.summaries, &recorded.task_events);
    let report = grid::build(plan, &records, end, None, None, false);
    let last_week = grid::build(plan, &records, before, None, None, false);
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
    let all = items(plan, &records, end, Split::Ward);
    let overdue_now = overdue::overdue_rows(&all, end, None, |_| true);
    // Overdue at the week's end and not at the previous week's end.
    let was_overdue: std::collections::HashSet<(String, NaiveDate, String)> =
        items(plan, &records, before, Split::Ward)
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
    let at_risk = forecast::at_risk(plan, &records, end, &all);

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
        generated_at: stamp.then(crate::store::records::now),
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

/// The week's values counted by indicator, in plan order.
fn counted_listing(lang: Lang, plan: &Plan, count: &WeekCount) -> Listing {
    let mut listing = Listing::new(&[
        lang.pick(i18n::INDICATOR),
        lang.pick(WEEK_VALUES),
        lang.pick(WEEK_CORRECTIONS),
    ]);
    listing.title = Some(
        SummaryMessage::WeekCounted {
            values: count.values,
            listed_at_most: LISTED_AT_MOST,
        }
        .render(lang),
    );
    for (_, indicator) in plan.indicators() {
        if let Some((code, values, corrections)) = count
            .by_indicator
            .iter()
            .find(|(code, ..)| *code == indicator.code)
        {
            listing.push(vec![
                code.clone(),
                values.to_string(),
                corrections.to_string(),
            ]);
        }
    }
    listing
}

/// One row of `weekly --format csv`: a fact of one section, each value in its own column.
#[derive(Default)]
struct CsvRow {
    section: &'static str,
    content: String,
    phase: String,
    code: String,
    unit: String,
    date: String,
    value: String,
    due: String,
    met: String,
    late: String,
    overdue: String,
    pct: String,
    days: String,
    text: String,
}

impl CsvRow {
    fn cells(self) -> Vec<String> {
        vec![
            self.section.to_string(),
            self.content,
            self.phase,
            self.code,
            self.unit,
            self.date,
            self.value,
            self.due,
            self.met,
            self.late,
            self.overdue,
            self.pct,
            self.days,
            self.text,
        ]
    }

    /// An overdue or at-risk item's row.
    fn item(section: &'static str, lang: Lang, row: &OverdueRow) -> Self {
        CsvRow {
            section,
            content: row.content.clone(),
            phase: row.phase.to_string(),
            code: row.code.clone(),
            unit: row.unit.clone(),
            date: lang.date(row.due),
            value: row.target.map(|t| lang.number(t)).unwrap_or_default(),
            days: row.days_overdue.to_string(),
            text: row.risk_text.clone().unwrap_or_else(|| row.text.clone()),
            ..CsvRow::default()
        }
    }
}

/// Every section in one CSV, a row per fact and a value per column, so a spreadsheet can
/// filter by section and sort and sum the numbers. The section names are stable keys.
fn render_csv(lang: Lang, plan: &Plan, weekly: &Weekly) -> String {
    let number = |v: f64| lang.number((v * 100.0).round() / 100.0);
    let optional = |v: Option<f64>| v.map(number).unwrap_or_default();
    let week_end = lang.date(weekly.week_end);
    let h = &weekly.headline;
    let mut rows = vec![CsvRow {
        section: "headline",
        date: week_end.clone(),
        pct: optional(h.compliance_pct),
        days: h.days_since_start.to_string(),
        ..CsvRow::default()
    }];
    rows.extend(h.phases.iter().map(|p| CsvRow {
        section: "current_phase",
        content: p.content.clone(),
        phase: p.phase.to_string(),
        date: lang.date(p.end),
        days: p.days_left.to_string(),
        text: p.name.clone(),
        ..CsvRow::default()
    }));
    rows.extend(weekly.changes.values.iter().map(|m| CsvRow {
        section: "value",
        code: m.indicator.clone(),
        unit: m.unit.clone(),
        date: lang.date(m.date),
        value: number(m.value),
        text: m.note.clone().unwrap_or_default(),
        ..CsvRow::default()
    }));
    rows.extend(weekly.changes.tasks_done.iter().map(|t| CsvRow {
        section: "task_done",
        code: t.task.clone(),
        date: lang.date(t.date),
        days: t.days_late.to_string(),
        ..CsvRow::default()
    }));
    rows.extend(
        weekly
            .changes
            .became_overdue
            .iter()
            .map(|r| CsvRow::item("newly_overdue", lang, r)),
    );
    for content in &weekly.report.contents {
        rows.extend(content.phases.iter().map(|cell| CsvRow {
            section: "compliance",
            content: content.code.clone(),
            phase: cell.number.to_string(),
            date: week_end.clone(),
            due: cell.tally.items_due.to_string(),
            met: cell.tally.items_met.to_string(),
            late: cell.tally.items_late.to_string(),
            overdue: cell.tally.items_overdue.to_string(),
            pct: optional(cell.compliance_pct),
            ..CsvRow::default()
        }));
    }
    rows.extend(weekly.compliance.iter().map(|change| CsvRow {
        section: "compliance_change",
        content: change.code.clone(),
        date: week_end.clone(),
        value: optional(change.change_points),
        pct: optional(change.compliance_pct),
        text: optional(change.last_week_pct),
        ..CsvRow::default()
    }));
    rows.extend(
        weekly
            .overdue_by_unit
            .iter()
            .flat_map(|g| g.items.iter())
            .map(|r| CsvRow::item("overdue", lang, r)),
    );
    let risks = overdue::risk_rows(lang, plan, weekly.week_end, &weekly.at_risk, |_| true);
    rows.extend(risks.iter().map(|r| CsvRow::item("at_risk", lang, r)));
    rows.extend(weekly.silent_units.iter().map(|unit| CsvRow {
        section: "silent_unit",
        code: unit.indicators.join(" "),
        unit: unit.unit.clone(),
        ..CsvRow::default()
    }));
    rows.extend(weekly.furthest_from_target.iter().map(|f| CsvRow {
        section: "forecast",
        code: f.code.clone(),
        date: lang.date(f.deadline),
        value: number(f.achieved),
        pct: optional(f.forecast),
        text: format!("{} {}", f.comparator, number(f.target)),
        ..CsvRow::default()
    }));
    let mut listing = Listing::new(&i18n::WEEKLY_CSV_COLUMNS.map(|c| lang.pick(c)));
    for row in rows {
        listing.push(row.cells());
    }
    listing.render(Format::Csv)
}

fn pct(lang: Lang, value: Option<f64>) -> String {
    value
        .map(|v| lang.percent((v * 10.0).round() / 10.0))
        .unwrap_or_else(|| "–".into())
}

fn points(lang: Lang, value: Option<f64>) -> String {
    match value {
        Some(v) if v > 0.05 => format!("+{}", lang.number((v * 10.0).round() / 10.0)),
        Some(v) if v < -0.05 => lang.number((v * 10.0).round() / 10.0),
        Some(_) => "0".into(),
        None => "–".into(),
    }
}

/// The sentences and tables of the report, as plain text (tables) or Markdown.
fn render_text(lang: Lang, plan: &Plan, weekly: &Weekly, format: Format) -> String {
    let md = format == Format::Md;
    let mut out = String::new();
    let heading = |out: &mut String, text: &str| {
        if md {
            let _ = write!(out, "\n## {text}\n\n");
        } else {
            let _ = write!(out, "\n{text}\n{}\n", "=".repeat(text.chars().count()));
        }
    };
    let day = weekly.week_end;
    let plan_ref = PlanRef {
        number: plan.meta.number.clone(),
        date: plan.meta.date,
    };
    let (start, end) = (weekly.week_start, weekly.week_end);
    let title = ReportMessage::WeeklyTitle {
        start,
        end,
        plan: plan_ref,
    }
    .render(lang);
    let _ = writeln!(out, "{}{title}", if md { "# " } else { "" });
    if let Some(at) = &weekly.generated_at {
        let at = crate::output::clerk::local_time(at);
        let _ = writeln!(out, "{} {at}", lang.pick(i18n::GENERATED_AT));
    }

    heading(&mut out, lang.pick(i18n::HEADLINE));
    let h = &weekly.headline;
    let (days, overall) = (h.days_since_start, h.compliance_pct);
    let headline = ReportMessage::WeeklyHeadline { day, days, overall };
    let _ = writeln!(out, "{}", headline.render(lang));
    let mut phases = Listing::new(&[
        lang.pick(i18n::CONTENT),
        lang.pick(i18n::PHASE),
        lang.pick(i18n::END),
        lang.pick(i18n::DAYS_LEFT),
    ]);
    for p in &h.phases {
        phases.push(vec![
            p.content.clone(),
            format!("{}. {}", p.phase, p.name),
            lang.date(p.end),
            p.days_left.to_string(),
        ]);
    }
    out.push_str(&phases.render(format));

    heading(&mut out, lang.pick(i18n::CHANGES_THIS_WEEK));
    let c = &weekly.changes;
    let values = c
        .counted
        .as_ref()
        .map_or(c.values.len(), |count| count.values);
    let (done, overdue) = (c.tasks_done.len(), c.became_overdue.len());
    let changes = ReportMessage::WeeklyChanges {
        values,
        done,
        overdue,
    };
    let _ = writeln!(out, "{}", changes.render(lang));
    if !c.values.is_empty() {
        out.push('\n');
        out.push_str(&crate::views::history::listing(lang, plan, &c.values).render(format));
    }
    if let Some(count) = &c.counted {
        out.push('\n');
        out.push_str(&counted_listing(lang, plan, count).render(format));
    }
    for t in &c.tasks_done {
        let (task, day, days_late) = (t.task.clone(), t.date, t.days_late);
        let line = ReportMessage::WeeklyTaskDone {
            task,
            day,
            days_late,
        };
        let _ = writeln!(out, "{}", line.render(lang));
    }
    if !c.became_overdue.is_empty() {
        out.push_str(&overdue::listing(lang, &c.became_overdue).render(format));
    }

    heading(&mut out, lang.pick(i18n::COMPLIANCE_BY_PHASE));
    out.push_str(
        &grid::grid_listing(lang, &weekly.report.contents, &weekly.report.totals, false)
            .render(format),
    );
    let mut change = Listing::new(&[
        lang.pick(i18n::CONTENT),
        lang.pick(i18n::THIS_WEEK),
        lang.pick(i18n::LAST_WEEK),
        lang.pick(i18n::CHANGE_POINTS),
    ]);
    for row in &weekly.compliance {
        change.push(vec![
            row.code.clone(),
            pct(lang, row.compliance_pct),
            pct(lang, row.last_week_pct),
            points(lang, row.change_points),
        ]);
    }
    out.push('\n');
    out.push_str(&change.render(format));

    heading(&mut out, lang.pick(i18n::OVERDUE_BY_UNIT));
    if weekly.overdue_by_unit.is_empty() {
        let _ = writeln!(out, "{}", lang.pick(i18n::NOTHING_IS_OVERDUE));
    }
    for group in &weekly.overdue_by_unit {
        let _ = writeln!(
            out,
            "{}{} ({})",
            if md { "### " } else { "" },
            group.unit,
            group.items.len()
        );
        out.push_str(&overdue::listing(lang, &group.items).render(format));
    }

    heading(&mut out, lang.pick(i18n::AT_RISK_HEADING));
    let risks = overdue::risk_rows(lang, plan, weekly.week_end, &weekly.at_risk, |_| true);
    if risks.is_empty() {
        let _ = writeln!(out, "{}", lang.pick(i18n::NOTHING_AT_RISK));
    } else {
        out.push_str(&overdue::listing(lang, &risks).render(format));
    }

    heading(&mut out, lang.pick(i18n::SILENT_UNITS));
    if weekly.silent_units.is_empty() {
        let _ = writeln!(out, "{}", lang.pick(i18n::EVERY_UNIT_SENT_FIGURES));
    } else {
        let mut silent = Listing::new(&[
            lang.pick(i18n::UNIT),
            lang.pick(i18n::INDICATORS_IT_ANSWERS_FOR),
        ]);
        for unit in &weekly.silent_units {
            silent.push(vec![unit.unit.clone(), unit.indicators.join(", ")]);
        }
        out.push_str(&silent.render(format));
    }

    heading(&mut out, lang.pick(i18n::INDICATORS_FURTHEST_FROM_TARGET));
    if weekly.furthest_from_target.is_empty() {
        let _ = writeln!(out, "{}", lang.pick(i18n::NO_INDICATOR_BEHIND));
    }
    for f in &weekly.furthest_from_target {
        let shown = |value: f64| {
            crate::views::figures::achieved_text(lang, f.kind, value, &f.unit_of_measure)
        };
        let target = match plan.indicator_by_code(&f.code) {
            Some((_, indicator)) => i18n::indicator_target(lang, indicator, f.target),
            None => shown(f.target),
        };
        let line = verdicts::forecast_line(
            lang,
            &f.code,
            &shown(f.achieved),
            &target,
            f.deadline,
            &f.prediction,
            shown,
        );
        let _ = writeln!(out, "{line}");
    }
    out
}

/// One self-contained page, made by `output::weekly_html` from the Markdown body and the
/// charts' numbers.
fn render_html(lang: Lang, plan: &Plan, weekly: &Weekly) -> String {
    let body = render_text(lang, plan, weekly, Format::Md);
    let bars: Vec<weekly_html::Bar> = weekly
        .compliance
        .iter()
        .map(|row| weekly_html::Bar {
            code: row.code.clone(),
            pct: row.compliance_pct,
        })
        .collect();
    let trends: Vec<weekly_html::Trend> = weekly
        .furthest_from_target
        .iter()
        .map(|f| {
            let comparator = crate::plan::Comparator::parse(f.comparator);
            let sign = comparator
                .map(crate::output::clerk::sign)
                .unwrap_or(f.comparator);
            let target_text = match (f.kind, comparator) {
                (IndicatorKind::Reduction | IndicatorKind::Growth, Some(comparator)) => {
                    let (word, sign, distance) = i18n::change_bound(f.kind, comparator, f.target);
                    format!("{} {sign} {}", lang.pick(word), lang.percent(distance))
                }
                (IndicatorKind::Reduction | IndicatorKind::Growth, None) => {
                    let change = crate::output::figures::Change::of(f.kind, f.target);
                    format!(
                        "{} {sign} {}",
                        lang.pick(change.word),
                        lang.percent(change.distance)
                    )
                }
                _ => {
                    let target = crate::views::figures::achieved_text(
                        lang,
                        f.kind,
                        f.target,
                        &f.unit_of_measure,
                    );
                    format!("{sign} {target}")
                }
            };
            weekly_html::Trend {
                code: f.code.clone(),
                target_text,
                target: f.target,
                series: f.series.iter().map(|p| (p.date, p.value)).collect(),
            }
        })
        .collect();
    weekly_html::render_html(lang, &body, &bars, &trends)
}
