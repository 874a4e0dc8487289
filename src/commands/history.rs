//! `kehoach history`: every value and every correction, oldest first.

use crate::views::history::{listing, Latest};

use serde::Serialize;

use crate::cli::HistoryArgs;
use crate::commands::{find_indicator, find_unit, Context};
use crate::output::{self, Format};
use crate::plan::measure::Measurement;
use crate::store::records::measurement_history;

#[derive(Serialize)]
struct HistoryRow<'a> {
    #[serde(flatten)]
    measurement: &'a Measurement,
    /// A later revision replaced this value.
    superseded: bool,
}

/// Runs `history`.
pub fn run(context: &Context, args: HistoryArgs) -> anyhow::Result<()> {
    let (store, plan) = context.open_plan()?;
    let indicator = match &args.indicator {
        Some(code) => Some(find_indicator(&plan, code)?.1.code.clone()),
        None => None,
    };
    let unit = match &args.unit {
        Some(unit) => Some(find_unit(&plan, unit)?.code.clone()),
        None => None,
    };
    let history = measurement_history(
        store.conn(),
        indicator.as_deref(),
        unit.as_deref(),
        args.since,
    )?;
    if args.format.format == Format::Json {
        let latest = Latest::of(&history);
        let rows: Vec<HistoryRow> = history
            .iter()
            .map(|m| HistoryRow {
                measurement: m,
                superseded: latest.supersedes(m),
            })
            .collect();
        return output::print(&output::json(&rows));
    }
    output::print(&listing(context.lang, &plan, &history).render(args.format.format))
}
