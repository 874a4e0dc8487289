//! `kehoach report`: compliance of each content in each of its five phases, as of a day.

use crate::views::grid::{build, grid_listing};

use crate::cli::{ReportArgs, ReportBy};
use crate::commands::{as_of, content_filter, Context};
use crate::output::i18n::{self, Lang};
use crate::output::reports::{PlanRef, ReportMessage};
use crate::output::{self, Format, Listing};
use crate::plan::compliance::{Item, ItemKind, Moment};
use crate::plan::Plan;
use crate::store::recorded::recorded;

/// Runs `report`.
pub fn run(context: &Context, args: ReportArgs) -> anyhow::Result<()> {
    let lang = context.lang;
    let (store, plan) = context.open_plan()?;
    let today = as_of(args.as_of.as_of);
    let content = content_filter(&plan, args.content.as_deref())?;
    let recorded = recorded(store.conn(), &plan)?;
    let records = recorded.records();
    let report = build(
        &plan,
        &records,
        Moment::During(today),
        content,
        args.phase,
        args.by == Some(ReportBy::Unit),
    );
    if args.format.format == Format::Json {
        return output::print(&output::json(&report));
    }
    let format = args.format.format;
    let mut parts = Vec::new();
    let rows = report.units.as_ref().unwrap_or(&report.contents);
    let mut grid = grid_listing(lang, rows, &report.totals, report.units.is_some());
    grid.title = Some(title(lang, &plan, today, report.units.is_some()));
    parts.push(grid.render(format));
    if let Some(items) = &report.items {
        parts.push(items_listing(lang, items).render(format));
    }
    output::print(&parts.join("\n"))
}

fn title(lang: Lang, plan: &Plan, as_of: chrono::NaiveDate, by_unit: bool) -> String {
    let plan = PlanRef {
        number: plan.meta.number.clone(),
        date: plan.meta.date,
    };
    ReportMessage::ReportTitle {
        day: as_of,
        plan,
        by_unit,
    }
    .render(lang)
}

/// One content's items, phase by phase.
fn items_listing(lang: Lang, items: &[Item]) -> Listing {
    let mut listing = Listing::new(&[
        lang.pick(i18n::PHASE),
        lang.pick(i18n::CODE),
        lang.pick(i18n::UNIT),
        lang.pick(i18n::DUE),
        lang.pick(i18n::TEXT),
        lang.pick(i18n::STATUS),
    ]);
    let mut sorted: Vec<&Item> = items.iter().collect();
    sorted.sort_by_key(|i| (i.phase, i.due));
    for item in sorted {
        let mut text = item.text.clone();
        if let Some((comparator, target)) = item.target {
            let bound = crate::output::clerk::bound(lang, comparator, target);
            text.push_str(&format!(" [{bound}]"));
        }
        let code = match item.kind {
            ItemKind::Task => item.code.clone(),
            ItemKind::Indicator => format!("{} ◆", item.code),
        };
        listing.push(vec![
            item.phase.to_string(),
            code,
            item.unit.clone(),
            lang.date(item.due),
            text,
            i18n::outcome(lang, item.outcome),
        ]);
    }
    listing
        .notes
        .push(lang.pick(i18n::LEGEND_INDICATOR).to_string());
    listing
}
