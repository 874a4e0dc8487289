//! Dates as the office writes them: dd/mm/yyyy (day first, always), and ISO.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq)]
pub enum DateError {
    Empty,
    NotADate(String),
    /// Well formed, but no such day (31/02/2026).
    NoSuchDay(String),
    TwoDigitYear(String),
    /// A month past 12, as typed (2026/13/01): echoing it day first would invent a date.
    NoSuchMonth(String, u32),
    /// A bare number: a spreadsheet cell formatted as a number, not a date.
    ExcelSerial(String),
}

/// The English message; every message, in both languages, is in `output::i18n`.
impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::output::i18n::date_error(self).en)
    }
}

/// Parses "25/11/2026", "5/3/2026", "05-03-2026", "05.03.2026", "2026-11-25", "2026/11/25";
/// a time after the date ("00:00", "T00:00:00") is ignored.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(DateError::Empty);
    }
    let date_part = trimmed.split([' ', 'T']).next().unwrap_or(trimmed);
    if date_part.chars().all(|c| c.is_ascii_digit() || c == '.') && !date_part.contains('.') {
        return Err(DateError::ExcelSerial(trimmed.to_string()));
    }
    let parts: Vec<&str> = date_part.split(['/', '-', '.']).collect();
    let not_a_date = || DateError::NotADate(trimmed.to_string());
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(not_a_date());
    }
    let number = |p: &str| p.parse::<u32>().map_err(|_| not_a_date());
    let (year, month, day) = if parts[0].len() == 4 {
        (parts[0], number(parts[1])?, number(parts[2])?)
    } else {
        (parts[2], number(parts[1])?, number(parts[0])?)
    };
    if year.len() != 4 {
        return Err(if year.len() == 2 {
            DateError::TwoDigitYear(trimmed.to_string())
        } else {
            not_a_date()
        });
    }
    let year: i32 = year.parse().map_err(|_| not_a_date())?;
    if !(1..=12).contains(&month) {
        return Err(DateError::NoSuchMonth(trimmed.to_string(), month));
    }
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| DateError::NoSuchDay(format!("{day:02}/{month:02}/{year}")))
}

/// "05/03/2026".
pub fn format_date_vi(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_forms_the_office_writes() {
        for text in [
            "05/03/2026",
            "5/3/2026",
            "05-03-2026",
            "05.03.2026",
            "2026-03-05",
            "2026/03/05",
            " 5/3/2026 00:00",
            "2026-03-05 00:00:00",
            "2026-03-05T00:00:00",
        ] {
            assert_eq!(parse_date(text), Ok(day(2026, 3, 5)), "{text}");
        }
    }

    #[test]
    fn what_is_refused() {
        assert_eq!(
            parse_date("31/02/2026"),
            Err(DateError::NoSuchDay("31/02/2026".into()))
        );
        assert_eq!(
            parse_date("2026-13-01"),
            Err(DateError::NoSuchMonth("2026-13-01".into(), 13))
        );
        assert_eq!(
            parse_date("25/11/26"),
            Err(DateError::TwoDigitYear("25/11/26".into()))
        );
        assert_eq!(
            parse_date("46351"),
            Err(DateError::ExcelSerial("46351".into()))
        );
        assert_eq!(parse_date(""), Err(DateError::Empty));
        assert!(matches!(parse_date("hôm nay"), Err(DateError::NotADate(_))));
    }

    #[test]
    fn formats() {
        assert_eq!(format_date_vi(day(2026, 3, 5)), "05/03/2026");
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC*") {
            let _ = parse_date(&text);
        }

        #[test]
        fn both_forms_read_back(days in 0i64..100_000) {
            let date = day(1900, 1, 1) + chrono::Duration::days(days);
            prop_assert_eq!(parse_date(&format_date_vi(date)), Ok(date));
            prop_assert_eq!(parse_date(&date.format("%Y-%m-%d").to_string()), Ok(date));
        }
    }
}
