//! Messages about the kept summaries: `check` finding one that does not follow from the
//! recorded rows, `check --repair` making them again, and a migration making them.

use chrono::NaiveDate;

use crate::output::lang::{Lang, Localized};

/// Something said about the summaries, with its values; rendered in the user's language.
#[derive(Debug, Clone, PartialEq)]
pub enum SummaryMessage {
    /// A summary table that does not match the rows it is made from.
    Mismatch {
        table: String,
        /// Empty for a table that is not one indicator's.
        indicator: String,
        /// The first day it differs on, when one day is at fault.
        day: Option<NaiveDate>,
    },
    /// `check --repair` made them again.
    Repaired { indicators: usize },
    /// What a migration's progress bar says while it makes them.
    Making,
    /// `show`'s list of an indicator's values, cut to the latest.
    OlderValuesOmitted {
        code: String,
        shown: usize,
        omitted: usize,
    },
    /// The weekly report's values, too many to list: counted by indicator.
    WeekCounted {
        values: usize,
        listed_at_most: usize,
    },
}

/// The columns of the weekly report's values counted by indicator.
pub const WEEK_VALUES: (&str, &str) = ("Số liệu", "Values");
pub const WEEK_CORRECTIONS: (&str, &str) = ("Đính chính", "Corrections");

impl SummaryMessage {
    /// The message in one language.
    pub fn render(&self, lang: Lang) -> String {
        use SummaryMessage::*;
        match (self, lang) {
            (Mismatch { table, indicator, .. }, Lang::Vi) if indicator.is_empty() => format!(
                "Bảng tổng hợp {table} không khớp với số liệu đã ghi: chạy «kehoach check --repair» để tính lại"
            ),
            (Mismatch { table, indicator, .. }, Lang::En) if indicator.is_empty() => format!(
                "The summary {table} does not match the recorded values: run \"kehoach check --repair\" to make it again"
            ),
            (Mismatch { table, indicator, day: Some(day) }, Lang::Vi) => format!(
                "Bảng tổng hợp {table} của {indicator} không khớp với số liệu đã ghi (từ ngày {}): chạy «kehoach check --repair» để tính lại",
                lang.date(*day)
            ),
            (Mismatch { table, indicator, day: Some(day) }, Lang::En) => format!(
                "The summary {table} of {indicator} does not match the recorded values (from {}): run \"kehoach check --repair\" to make it again",
                lang.date(*day)
            ),
            (Mismatch { table, indicator, day: None }, Lang::Vi) => format!(
                "Bảng tổng hợp {table} của {indicator} không khớp với số liệu đã ghi: chạy «kehoach check --repair» để tính lại"
            ),
            (Mismatch { table, indicator, day: None }, Lang::En) => format!(
                "The summary {table} of {indicator} does not match the recorded values: run \"kehoach check --repair\" to make it again"
            ),
            (Repaired { indicators }, Lang::Vi) => format!(
                "Đã tính lại các bảng tổng hợp của {indicators} chỉ tiêu từ số liệu đã ghi."
            ),
            (Repaired { indicators }, Lang::En) => format!(
                "Made the summaries of {indicators} {} again from the recorded values.",
                if *indicators == 1 { "indicator" } else { "indicators" }
            ),
            (Making, Lang::Vi) => "Đang nâng cấp cơ sở dữ liệu: tính các bảng tổng hợp".to_string(),
            (Making, Lang::En) => "Upgrading the database: making the summaries".to_string(),
            (OlderValuesOmitted { code, shown, omitted }, Lang::Vi) => format!(
                "{shown} số liệu gần nhất; {} số liệu cũ hơn: xem «kehoach history {code}»",
                lang.number(*omitted as f64)
            ),
            (OlderValuesOmitted { code, shown, omitted }, Lang::En) => format!(
                "The latest {shown} values; {} older ones: see \"kehoach history {code}\"",
                lang.number(*omitted as f64)
            ),
            (WeekCounted { values, listed_at_most }, Lang::Vi) => format!(
                "{} số liệu trong tuần (quá {listed_at_most} nên không liệt kê từng số), theo chỉ tiêu:",
                lang.number(*values as f64)
            ),
            (WeekCounted { values, listed_at_most }, Lang::En) => format!(
                "{} values in the week (over {listed_at_most}, so not listed one by one), by indicator:",
                lang.number(*values as f64)
            ),
        }
    }

    /// The message in both languages, for errors rendered later.
    pub fn localized(&self) -> Localized {
        Localized {
            vi: self.render(Lang::Vi),
            en: self.render(Lang::En),
        }
    }
}

impl From<SummaryMessage> for Localized {
    fn from(message: SummaryMessage) -> Self {
        message.localized()
    }
}
