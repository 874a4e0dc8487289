//! `kehoach weekly`: the Monday report for the ward's leadership, made unattended by cron.
//! The report is built in `views::weekly` and written out by `views::weekly_document`.
//!
//! The same data and as-of day give the same bytes: nothing in the body depends on the clock
//! unless `--stamp`.

use crate::cli::{WeeklyArgs, WeeklyFormat};
use crate::commands::{as_of, Context};
use crate::error::rejected;
use crate::output::verdicts::VerdictMessage;
use crate::output::{self, Format};
use crate::store::recorded::recorded;
use crate::store::records::{count_between, measurements_between, now};
use crate::views::weekly::{build, week_before, WeekValues, LISTED_AT_MOST};
use crate::views::weekly_document::{render_csv, render_html, render_text};

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
    let weekly = build(
        &plan,
        &recorded.records(),
        values,
        today,
        args.stamp.then(now),
    );
    let text = match args.format {
        WeeklyFormat::Json => output::json(&weekly),
        WeeklyFormat::Text => render_text(lang, &plan, &weekly, Format::Table),
        WeeklyFormat::Md => render_text(lang, &plan, &weekly, Format::Md),
        WeeklyFormat::Csv => render_csv(lang, &plan, &weekly),
        WeeklyFormat::Html => render_html(lang, &plan, &weekly),
    };
    match &args.out {
        Some(path) => Ok(crate::files::write_whole(path, text.as_bytes())?),
        None => output::print(&text),
    }
}
