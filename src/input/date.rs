//! Dates as the office writes them: dd/mm/yyyy (day first, always), and ISO.

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
    /// Something other than a time after the date ("01/07/2026 hoặc 15/07/2026").
    TrailingText {
        date: String,
        rest: String,
    },
}

/// Whether `rest` (what follows a date) is a time of day: "00:00", "8:30:00", "00:00:00.000",
/// with an optional "Z" or offset, as spreadsheets and ISO write them.
fn is_time(rest: &str) -> bool {
    let rest = rest.trim();
    let rest = rest
        .strip_suffix('Z')
        .or_else(|| {
            let at = rest.rfind(['+', '-'])?;
            let offset = &rest[at + 1..];
            (offset.len() == 5 && offset.as_bytes()[2] == b':').then_some(&rest[..at])
        })
        .unwrap_or(rest);
    let (clock, fraction) = rest.split_once('.').unwrap_or((rest, "0"));
    let parts: Vec<&str> = clock.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .enumerate()
            .all(|(i, p)| (1..=2).contains(&p.len()) && (i > 0 || !p.is_empty()))
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
        && !fraction.is_empty()
        && fraction.chars().all(|c| c.is_ascii_digit())
}

/// Parses "25/11/2026", "5/3/2026", "05-03-2026", "05.03.2026", "2026-11-25", "2026/11/25";
/// a time after the date ("00:00", "T00:00:00") is ignored; any other text after it is refused.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let whole = crate::input::text::trim(text);
    if whole.is_empty() {
        return Err(DateError::Empty);
    }
    // An error message echoes a few dozen characters of the cell, never all of it.
    let echo = || crate::input::text::clip(whole, crate::input::text::ECHO_LIMIT);
    let (date_part, rest) = whole.split_once([' ', 'T']).unwrap_or((whole, ""));
    if date_part.len() < whole.len() && rest.trim().is_empty() {
        return Err(DateError::NotADate(echo()));
    }

    if date_part.chars().all(|c| c.is_ascii_digit() || c == '.') && !date_part.contains('.') {
        return Err(DateError::ExcelSerial(echo()));
    }
    let not_a_date = || DateError::NotADate(echo());
    let mut parts = date_part.split(['/', '-', '.']);
    let (Some(first), Some(second), Some(third), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(not_a_date());
    };
    if [first, second, third]
        .iter()
        .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(not_a_date());
    }
    let number = |p: &str| p.parse::<u32>().map_err(|_| not_a_date());
    let (year, month, day) = if first.len() == 4 {
        (first, number(second)?, number(third)?)
    } else {
        (third, number(second)?, number(first)?)
    };
    if year.len() != 4 {
        return Err(if year.len() == 2 {
            DateError::TwoDigitYear(echo())
        } else {
            not_a_date()
        });
    }
    let year: i32 = year.parse().map_err(|_| not_a_date())?;
    if !(1..=12).contains(&month) {
        return Err(DateError::NoSuchMonth(echo(), month));
    }
    let found = NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| DateError::NoSuchDay(format!("{day:02}/{month:02}/{year}")))?;
    // "01/07/2026 hoặc 15/07/2026" is not 01/07: only a time may follow a date.
    if !rest.trim().is_empty() && !is_time(rest) {
        return Err(DateError::TrailingText {
            date: crate::input::text::clip(date_part, crate::input::text::ECHO_LIMIT),
            rest: crate::input::text::clip(rest.trim(), crate::input::text::ECHO_LIMIT),
        });
    }
    Ok(found)
}

/// The last date cell read and its day: a file's rows come day by day, so most rows repeat the
/// cell above them and need not be parsed again.
#[derive(Debug, Default)]
pub struct LastDate {
    text: String,
    date: Option<NaiveDate>,
}

impl LastDate {
    /// [`parse_date`] of `text`, without parsing it again when it is the last good date's.
    pub fn parse(&mut self, text: &str) -> Result<NaiveDate, DateError> {
        if let Some(date) = self.date.filter(|_| self.text == text) {
            return Ok(date);
        }
        let parsed = parse_date(text);
        // Only a good date is kept: a bad cell is parsed, and refused, every time.
        if let Ok(date) = parsed {
            self.text.clear();
            self.text.push_str(text);
            self.date = Some(date);
        }
        parsed
    }
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
        assert_eq!(
            parse_date("01/07/2026 hoặc 15/07/2026"),
            Err(DateError::TrailingText {
                date: "01/07/2026".into(),
                rest: "hoặc 15/07/2026".into()
            })
        );
        for bad in [
            "01/07/2026 x",
            "2026-07-01T",
            "01/07/2026 25",
            "01/07/2026 8:",
            "01/07/2026 :30",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
        for good in [
            "01/07/2026 8:30",
            "2026-07-01T08:30:00Z",
            "2026-07-01 08:30:00.000",
            "2026-07-01T08:30:00+07:00",
        ] {
            assert!(parse_date(good).is_ok(), "{good}");
        }
        let long = format!("x{}", "9".repeat(100_000));
        let Err(DateError::NotADate(echoed)) = parse_date(&long) else {
            panic!("{long:.20}");
        };
        assert_eq!(echoed.chars().count(), 41);
        assert!(matches!(parse_date("hôm nay"), Err(DateError::NotADate(_))));
    }

    #[test]
    fn the_last_date_gives_the_dates_parsing_gives() {
        let mut last = LastDate::default();
        for text in [
            "05/03/2026",
            "05/03/2026",
            "31/02/2026",
            "05/03/2026",
            "",
            "06/03/2026",
            "05/03/2026 x",
            "06/03/2026",
            "2026-03-06",
            "46351",
        ] {
            assert_eq!(last.parse(text), parse_date(text), "{text}");
        }
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
        fn the_last_date_agrees_with_parsing(texts in proptest::collection::vec(
            prop_oneof![Just("01/07/2026".to_string()), Just("31/06/2026".to_string()), "\\PC{0,12}"],
            0..20,
        )) {
            let mut last = LastDate::default();
            for text in &texts {
                prop_assert_eq!(last.parse(text), parse_date(text));
            }
        }

        #[test]
        fn both_forms_read_back(days in 0i64..100_000) {
            let date = day(1900, 1, 1) + chrono::Duration::days(days);
            prop_assert_eq!(parse_date(&format_date_vi(date)), Ok(date));
            prop_assert_eq!(parse_date(&date.format("%Y-%m-%d").to_string()), Ok(date));
        }
    }
}
