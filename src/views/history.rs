//! Recorded values as a table, with who recorded them and when: `history`, `show` and the
//! weekly report's values of the week.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::output::clerk;
use crate::output::i18n::{self, Lang};
use crate::output::Listing;
use crate::plan::measure::Measurement;
use crate::plan::Plan;

/// The latest revision of each (indicator, unit, date, baseline) in a history, read once so
/// that telling a replaced value costs one lookup, not a pass over the whole history.
pub struct Latest<'h>(HashMap<(&'h str, &'h str, NaiveDate, bool), i64>);

impl<'h> Latest<'h> {
    pub fn of(history: &'h [Measurement]) -> Self {
        let mut latest = HashMap::new();
        for m in history {
            let key = (m.indicator.as_str(), m.unit.as_str(), m.date, m.baseline);
            let revision = latest.entry(key).or_insert(m.revision);
            *revision = (*revision).max(m.revision);
        }
        Latest(latest)
    }

    /// Whether a later revision of the same value exists.
    pub fn supersedes(&self, m: &Measurement) -> bool {
        let key = (m.indicator.as_str(), m.unit.as_str(), m.date, m.baseline);
        self.0.get(&key).is_some_and(|latest| *latest > m.revision)
    }
}

/// The history as a listing: one row per stored revision, replaced ones struck through in words.
/// The table shows who and when in one cell; the CSV gives every value its own column.
pub fn listing(lang: Lang, plan: &Plan, history: &[Measurement]) -> Listing {
    let mut listing = Listing::new(&[
        lang.pick(i18n::DATE),
        lang.pick(i18n::INDICATOR),
        lang.pick(i18n::UNIT),
        lang.pick(i18n::VALUE),
        lang.pick(i18n::REVISION),
        lang.pick(i18n::NOTE),
        lang.pick(i18n::RECORDED),
    ]);
    let mut csv_rows = Vec::new();
    let latest = Latest::of(history);
    for m in history {
        let percent = plan
            .indicator_by_code(&m.indicator)
            .is_some_and(|(_, i)| i.unit_of_measure == "%");
        let number = if percent {
            lang.percent(m.value)
        } else {
            lang.number(m.value)
        };
        let mut value = match (m.numerator, m.denominator) {
            (Some(n), Some(d)) => format!("{number} ({}/{})", lang.number(n), lang.number(d)),
            _ => number.clone(),
        };
        if m.baseline {
            value.push_str(&format!(" [{}]", lang.pick(i18n::BASELINE_MARK)));
        }
        let mut revision = m.revision.to_string();
        if m.revision > 1 {
            revision.push_str(&format!(" ({})", lang.pick(i18n::CORRECTION)));
        }
        let replaced = latest.supersedes(m);
        if replaced {
            value = format!("{value} ✗");
        }
        let by = clerk::who(lang, m.recorded_by.as_deref());
        let at = clerk::local_time(&m.recorded_at);
        let mark = |yes: bool| if yes { "x".to_string() } else { String::new() };
        let optional = |n: Option<f64>| n.map(|n| lang.number(n)).unwrap_or_default();
        csv_rows.push(vec![
            lang.date(m.date),
            m.indicator.clone(),
            m.unit.clone(),
            number,
            optional(m.numerator),
            optional(m.denominator),
            mark(m.baseline),
            m.revision.to_string(),
            mark(replaced),
            m.note.clone().unwrap_or_default(),
            by,
            at,
        ]);
        listing.push(vec![
            lang.date(m.date),
            m.indicator.clone(),
            m.unit.clone(),
            value,
            revision,
            m.note.clone().unwrap_or_default(),
            recorded(lang, m.recorded_by.as_deref(), &m.recorded_at),
        ]);
    }
    let csv_headers = [
        i18n::DATE,
        i18n::INDICATOR,
        i18n::UNIT,
        i18n::VALUE,
        i18n::TEMPLATE_NUMERATOR,
        i18n::TEMPLATE_DENOMINATOR,
        i18n::BASELINE,
        i18n::REVISION,
        clerk::REPLACED,
        i18n::NOTE,
        clerk::RECORDED_BY,
        clerk::RECORDED_AT,
    ];
    listing.csv = Some((
        csv_headers
            .iter()
            .map(|h| lang.pick(*h).to_string())
            .collect(),
        csv_rows,
    ));
    if history.iter().any(|m| latest.supersedes(m)) {
        listing
            .notes
            .push(lang.pick(i18n::LEGEND_REPLACED).to_string());
    }
    listing
}

/// "lan\n2026-11-25 11:42 (+07:00)": who typed a value in ("không rõ" when nobody is known),
/// and when, in local time.
pub fn recorded(lang: Lang, by: Option<&str>, at: &str) -> String {
    format!("{}\n{}", clerk::who(lang, by), clerk::local_time(at))
}
