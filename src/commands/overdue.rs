//! `kehoach overdue`: tasks and indicator targets past due and not met, most overdue first.

use serde::Serialize;

use crate::cli::OverdueArgs;
use crate::commands::{as_of, content_filter, unit_filter, Context};
use crate::output::i18n::{self, Lang};
use crate::output::{self, Format, Listing};
use crate::plan::compliance::{items, Item, ItemKind, Outcome, Split};
use crate::store::records::recorded;

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

/// Runs `overdue`.
pub fn run(context: &Context, args: OverdueArgs) -> anyhow::Result<()> {
    let lang = context.lang;
    let (store, plan) = context.open_plan()?;
    let today = as_of(args.as_of.as_of);
    let content = content_filter(&plan, args.content.as_deref())?;
    let unit = unit_filter(&plan, args.unit.as_deref())?;
    let recorded = recorded(store.conn())?;
    let records = recorded.records();
    let all = items(&plan, &records, today, Split::Ward);
    let rows = overdue_rows(&all, today, args.due_within, |item| {
        content.is_none_or(|c| c.code == item.content) && unit.is_none_or(|u| u.code == item.unit)
    });
    if args.format.format == Format::Json {
        return output::print(&output::json(&rows));
    }
    let mut listing = listing(lang, &rows);
    if rows.iter().any(|r| r.kind == ItemKind::Indicator) {
        listing.notes.push(
            lang.pick(i18n::INDICATOR_CHECKPOINT_OR_DEADLINE)
                .to_string(),
        );
    }
    if rows.is_empty() {
        listing
            .notes
            .push(lang.pick(i18n::NOTHING_IS_OVERDUE).to_string());
    }
    listing.title = Some(i18n::overdue_title(today).get(lang).to_string());
    output::print(&listing.render(args.format.format))
}

/// The overdue items (and upcoming ones within `due_within` days) that pass `keep`,
/// most overdue first, then upcoming by due date.
pub fn overdue_rows(
    all: &[Item],
    today: chrono::NaiveDate,
    due_within: Option<u32>,
    keep: impl Fn(&Item) -> bool,
) -> Vec<OverdueRow> {
    let horizon = due_within.map(|days| today + chrono::Days::new(days.into()));
    let mut rows: Vec<OverdueRow> = all
        .iter()
        .filter(|item| keep(item))
        .filter_map(|item| {
            let upcoming = match item.outcome {
                Outcome::Overdue { .. } => false,
                Outcome::Open if horizon.is_some_and(|h| item.due <= h) => true,
                _ => return None,
            };
            Some(OverdueRow {
                kind: item.kind,
                code: item.code.clone(),
                content: item.content.clone(),
                phase: item.phase,
                unit: item.unit.clone(),
                due: item.due,
                days_overdue: (today - item.due).num_days(),
                text: item.text.clone(),
                upcoming,
                comparator: item.target.map(|t| t.0.symbol()),
                target: item.target.map(|t| t.1),
            })
        })
        .collect();
    // Most overdue first; ties in plan order (the sort is stable).
    rows.sort_by_key(|r| (r.upcoming, -r.days_overdue));
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
        let days = if row.upcoming {
            i18n::upcoming(-row.days_overdue).get(lang).to_string()
        } else {
            row.days_overdue.to_string()
        };
        let mut text = row.text.clone();
        let comparator = row.comparator.and_then(crate::plan::Comparator::parse);
        if let (Some(comparator), Some(target)) = (comparator, row.target) {
            let bound = crate::output::clerk::bound(lang, comparator, target);
            text.push_str(&format!(" [{bound}]"));
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
