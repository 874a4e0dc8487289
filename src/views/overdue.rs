//! Items past due (and at risk), as rows: grouped by responsible unit, and as a table.
//! `overdue`, `weekly` and `baocao` list them the same way.

use serde::Serialize;

use crate::output::i18n::{self, Lang};
use crate::output::reports::ReportMessage;
use crate::output::verdicts::risk_reason;
use crate::output::Listing;
use crate::plan::compliance::{Item, ItemKind, Moment, Outcome};
use crate::plan::forecast::{AtRisk, RiskReason};
use crate::plan::Plan;

/// One row of `overdue --format json` (the shape in CLI.md, plus `upcoming` and `target`).
#[derive(Serialize)]
pub struct OverdueRow {
    pub kind: ItemKind,
    pub code: String,
    pub content: String,
    pub phase: u8,
    pub unit: String,
    pub due: chrono::NaiveDate,
    /// Days past due; zero or negative (days left) for upcoming items.
    pub days_overdue: i64,
    pub text: String,
    /// Falls due within `--due-within` days; not overdue yet.
    pub upcoming: bool,
    pub comparator: Option<&'static str>,
    pub target: Option<f64>,
    /// Not due yet, but its forecast or pace says it will be missed (`--at-risk`).
    pub at_risk: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskReason>,
    /// The risk's reason in words, in the language of the run.
    #[serde(skip)]
    pub risk_text: Option<String>,
}

impl OverdueRow {
    /// The row of an item, `days_overdue` days past its due date (negative: days left).
    pub fn of(item: &Item, days_overdue: i64) -> Self {
        OverdueRow {
            kind: item.kind,
            code: item.code.clone(),
            content: item.content.clone(),
            phase: item.phase,
            unit: item.unit.clone(),
            due: item.due,
            days_overdue,
            text: item.text.clone(),
            upcoming: false,
            comparator: item.target.map(|t| t.0.symbol()),
            target: item.target.map(|t| t.1),
            at_risk: false,
            risk: None,
            risk_text: None,
        }
    }
}

/// The overdue rows of one responsible unit.
#[derive(Serialize)]
pub struct UnitOverdue {
    pub unit: String,
    pub items: Vec<OverdueRow>,
}

/// Overdue rows grouped by responsible unit, the unit with the most first (ties in the order
/// the rows come), each group's rows in their order.
pub fn by_unit(rows: impl IntoIterator<Item = OverdueRow>) -> Vec<UnitOverdue> {
    let mut groups: Vec<UnitOverdue> = Vec::new();
    for row in rows {
        match groups.iter_mut().find(|g| g.unit == row.unit) {
            Some(group) => group.items.push(row),
            None => groups.push(UnitOverdue {
                unit: row.unit.clone(),
                items: vec![row],
            }),
        }
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.items.len()));
    groups
}

/// The overdue items (and upcoming ones within `due_within` days) that pass `keep`,
/// most overdue first, then upcoming by due date.
pub fn overdue_rows(
    all: &[Item],
    moment: Moment,
    due_within: Option<u32>,
    keep: impl Fn(&Item) -> bool,
) -> Vec<OverdueRow> {
    let today = moment.day();
    let horizon = due_within.map(|days| today + chrono::Days::new(days.into()));
    let mut rows: Vec<OverdueRow> = all
        .iter()
        .filter(|item| keep(item))
        .filter_map(|item| {
            let (upcoming, days_overdue) = match item.outcome {
                Outcome::Overdue { days } => (false, days),
                Outcome::Open if horizon.is_some_and(|h| item.due <= h) => {
                    (true, (today - item.due).num_days())
                }
                _ => return None,
            };
            Some(OverdueRow {
                upcoming,
                ..OverdueRow::of(item, days_overdue)
            })
        })
        .collect();
    // Most overdue first; ties in plan order (the sort is stable).
    rows.sort_by_key(|r| (r.upcoming, -r.days_overdue));
    rows
}

/// The items at risk that pass `keep`, as rows after the overdue ones, soonest due first.
pub fn risk_rows(
    lang: Lang,
    plan: &Plan,
    today: chrono::NaiveDate,
    risks: &[AtRisk],
    keep: impl Fn(&Item) -> bool,
) -> Vec<OverdueRow> {
    let mut rows: Vec<OverdueRow> = risks
        .iter()
        .filter(|risk| keep(&risk.item))
        .map(|risk| {
            let item = &risk.item;
            let indicator = plan.indicator_by_code(&item.code).map(|(_, i)| i);
            let shown = |value: f64| match indicator {
                Some(i) => {
                    crate::views::figures::achieved_text(lang, i.kind, value, &i.unit_of_measure)
                }
                None => lang.number(value),
            };
            let target = match (indicator, item.target) {
                (Some(i), Some((_, t))) => i18n::indicator_target(lang, i, t),
                _ => String::new(),
            };
            OverdueRow {
                at_risk: true,
                risk: Some(risk.reason),
                risk_text: Some(risk_reason(lang, risk, &target, shown)),
                ..OverdueRow::of(item, (today - item.due).num_days())
            }
        })
        .collect();
    rows.sort_by_key(|r| r.due);
    rows
}

/// Overdue rows as a table.
pub fn listing(lang: Lang, rows: &[OverdueRow]) -> Listing {
    let mut listing = Listing::new(&[
        lang.pick(i18n::CODE),
        lang.pick(i18n::PHASE),
        lang.pick(i18n::UNIT),
        lang.pick(i18n::DUE),
        lang.pick(i18n::DAYS_OVERDUE),
        lang.pick(i18n::TEXT),
    ]);
    for row in rows {
        let code = match row.kind {
            ItemKind::Task => row.code.clone(),
            ItemKind::Indicator => format!("{} ◆", row.code),
        };
        let days = if row.at_risk {
            lang.pick(i18n::AT_RISK).to_string()
        } else if row.upcoming {
            ReportMessage::Upcoming {
                days_left: -row.days_overdue,
            }
            .render(lang)
        } else {
            row.days_overdue.to_string()
        };
        let mut text = row.text.clone();
        let comparator = row.comparator.and_then(crate::plan::Comparator::parse);
        if let (Some(comparator), Some(target)) = (comparator, row.target) {
            let bound = crate::output::clerk::bound(lang, comparator, target);
            text.push_str(&format!(" [{bound}]"));
        }
        if let Some(reason) = &row.risk_text {
            text.push_str(&format!(" — {reason}"));
        }
        listing.push(vec![
            code,
            format!("{}/{}", row.content, row.phase),
            row.unit.clone(),
            lang.date(row.due),
            days,
            text,
        ]);
    }
    listing
}
