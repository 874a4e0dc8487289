//! `kehoach history`: every value and every correction, oldest first.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::cli::HistoryArgs;
use crate::commands::{find_indicator, find_unit, Context};
use crate::output::i18n::{self, Lang};
use crate::output::{self, Format, Listing};
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
    output::print(&listing(context.lang, &history).render(args.format.format))
}

/// The latest revision of each (indicator, unit, date, baseline) in a history, read once so
/// that telling a replaced value costs one lookup, not a pass over the whole history.
struct Latest<'h>(HashMap<(&'h str, &'h str, NaiveDate, bool), i64>);

impl<'h> Latest<'h> {
    fn of(history: &'h [Measurement]) -> Self {
        let mut latest = HashMap::new();
        for m in history {
            let key = (m.indicator.as_str(), m.unit.as_str(), m.date, m.baseline);
            let revision = latest.entry(key).or_insert(m.revision);
            *revision = (*revision).max(m.revision);
        }
        Latest(latest)
    }

    /// Whether a later revision of the same value exists.
    fn supersedes(&self, m: &Measurement) -> bool {
        let key = (m.indicator.as_str(), m.unit.as_str(), m.date, m.baseline);
        self.0.get(&key).is_some_and(|latest| *latest > m.revision)
    }
}

/// The history as a listing: one row per stored revision, replaced ones struck through in words.
pub fn listing(lang: Lang, history: &[Measurement]) -> Listing {
    let mut listing = Listing::new(&[
        lang.pick(i18n::DATE),
        lang.pick(i18n::INDICATOR),
        lang.pick(i18n::UNIT),
        lang.pick(i18n::VALUE),
        lang.pick(i18n::REVISION),
        lang.pick(i18n::NOTE),
        lang.pick(i18n::RECORDED),
    ]);
    let latest = Latest::of(history);
    for m in history {
        let mut value = match (m.numerator, m.denominator) {
            (Some(n), Some(d)) => format!(
                "{} ({}/{})",
                lang.number(m.value),
                lang.number(n),
                lang.number(d)
            ),
            _ => lang.number(m.value),
        };
        if m.baseline {
            value.push_str(&format!(" [{}]", lang.pick(i18n::BASELINE_MARK)));
        }
        let mut revision = m.revision.to_string();
        if m.revision > 1 {
            revision.push_str(&format!(" ({})", lang.pick(i18n::CORRECTION)));
        }
        if latest.supersedes(m) {
            value = format!("{value} ✗");
        }
        listing.push(vec![
            lang.date(m.date),
            m.indicator.clone(),
            m.unit.clone(),
            value,
            revision,
            m.note.clone().unwrap_or_default(),
            recorded(m.recorded_by.as_deref(), &m.recorded_at),
        ]);
    }
    if history.iter().any(|m| latest.supersedes(m)) {
        listing
            .notes
            .push(lang.pick(i18n::REPLACED_BY_A_LATER_CORRECTION).to_string());
    }
    listing
}

/// "lan\n2026-11-25 04:42 UTC": who typed a value in, and when.
pub fn recorded(by: Option<&str>, at: &str) -> String {
    let at = at.get(..16).unwrap_or(at).replace('T', " ");
    match by {
        Some(by) => format!("{by}\n{at} UTC"),
        None => format!("{at} UTC"),
    }
}
