//! `kehoach overdue`: tasks and indicator targets past due and not met, most overdue first.

use crate::views::overdue::{listing, overdue_rows, risk_rows};

use crate::cli::OverdueArgs;
use crate::commands::{as_of, content_filter, unit_filter, Context};
use crate::output::i18n::{self};
use crate::output::reports::ReportMessage;
use crate::output::{self, Format};
use crate::plan::compliance::{items, ItemKind, Moment, Split};
use crate::plan::forecast::at_risk;
use crate::store::recorded::recorded;

/// Runs `overdue`.
pub fn run(context: &Context, args: OverdueArgs) -> anyhow::Result<()> {
    let lang = context.lang;
    let (store, plan) = context.open_plan()?;
    let today = as_of(args.as_of.as_of);
    let content = content_filter(&plan, args.content.as_deref())?;
    let unit = unit_filter(&plan, args.unit.as_deref())?;
    let recorded = recorded(store.conn(), &plan)?;
    let records = recorded.records();
    let moment = Moment::During(today);
    let all = items(&plan, &records, moment, Split::Ward);
    let rows = overdue_rows(&all, moment, args.due_within, |item| {
        content.is_none_or(|c| c.code == item.content) && unit.is_none_or(|u| u.code == item.unit)
    });
    let mut rows = rows;
    if args.at_risk {
        let risks = at_risk(&plan, &records, moment, &all);
        rows.extend(risk_rows(lang, &plan, today, &risks, |item| {
            content.is_none_or(|c| c.code == item.content)
                && unit.is_none_or(|u| u.code == item.unit)
        }));
    }
    if args.format.format == Format::Json {
        return output::print(&output::json(&rows));
    }
    let mut listing = listing(lang, &rows);
    if rows.iter().any(|r| r.kind == ItemKind::Indicator) {
        listing
            .notes
            .push(lang.pick(i18n::LEGEND_INDICATOR).to_string());
    }
    if rows.is_empty() {
        listing
            .notes
            .push(lang.pick(i18n::NOTHING_IS_OVERDUE).to_string());
    }
    listing.title = Some(ReportMessage::OverdueTitle { day: today }.render(lang));
    output::print(&listing.render(args.format.format))
}
