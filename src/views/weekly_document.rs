//! The weekly report written out: the sentences and tables as text or Markdown, every section
//! as one CSV, and the HTML page's body and charts (drawn by `output::weekly_html`).
//!
//! Its tables are the ones `report`, `overdue` and `history` show, from `views/`; every number
//! comes from [`Weekly`], built in `views::weekly`.

use std::fmt::Write as _;

use crate::output::i18n::{self, Lang};
use crate::output::reports::{PlanRef, ReportMessage};
use crate::output::summaries::{SummaryMessage, WEEK_CORRECTIONS, WEEK_VALUES};
use crate::output::verdicts;
use crate::output::weekly_html;
use crate::output::{Format, Listing};
use crate::plan::measure::WeekCount;
use crate::plan::{IndicatorKind, Plan};
use crate::views::grid;
use crate::views::overdue::{self, OverdueRow};
use crate::views::weekly::{Weekly, LISTED_AT_MOST};

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
pub fn render_csv(lang: Lang, plan: &Plan, weekly: &Weekly) -> String {
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
pub fn render_text(lang: Lang, plan: &Plan, weekly: &Weekly, format: Format) -> String {
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
pub fn render_html(lang: Lang, plan: &Plan, weekly: &Weekly) -> String {
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
