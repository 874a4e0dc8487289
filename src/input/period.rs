//! Periods as people write them: `11/2026` (a month), `Q4/2026` or `quý 4/2026` (a quarter),
//! `2026` (a year), or two dates `01/07/2026-15/07/2026` (from–to, both included).

use chrono::{Datelike, NaiveDate};

use super::date::parse_date;

/// A span of days, both ends included.
pub type Span = (NaiveDate, NaiveDate);

/// The last day of the month `months` months after January of `year` (0-based).
fn month_end(year: i32, month0: u32) -> Option<NaiveDate> {
    let (y, m) = if month0 == 11 {
        (year + 1, 1)
    } else {
        (year, month0 + 2)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

fn year_in_range(year: i32) -> Option<i32> {
    (1900..=2200).contains(&year).then_some(year)
}

/// The span `text` names, or `None` when it is not a period.
pub fn parse_period(text: &str) -> Option<Span> {
    let text = text.trim();
    let lower = text.to_lowercase();
    // A quarter: Q4/2026, q4-2026, quý 4/2026, quy 4/2026.
    let quarter = lower
        .strip_prefix("quý")
        .or_else(|| lower.strip_prefix("quy"))
        .or_else(|| lower.strip_prefix('q'));
    if let Some(rest) = quarter {
        let (q, year) = rest.trim().split_once(['/', '-', ' '])?;
        let q: u32 = q.trim().parse().ok()?;
        let year = year_in_range(year.trim().parse().ok()?)?;
        if !(1..=4).contains(&q) {
            return None;
        }
        let start = NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1)?;
        return Some((start, month_end(year, q * 3 - 1)?));
    }
    // A year: 2026.
    if text.len() == 4 && text.chars().all(|c| c.is_ascii_digit()) {
        let year = year_in_range(text.parse().ok()?)?;
        return Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        ));
    }
    // A month: 11/2026, 2026-11.
    let month = text
        .split_once('/')
        .filter(|(m, y)| m.len() <= 2 && y.len() == 4)
        .or_else(|| {
            text.split_once('-')
                .filter(|(y, m)| y.len() == 4 && m.len() <= 2)
                .map(|(y, m)| (m, y))
        });
    if let Some((m, y)) = month {
        let m: u32 = m.trim().parse().ok()?;
        let year = year_in_range(y.trim().parse().ok()?)?;
        if !(1..=12).contains(&m) {
            return None;
        }
        return Some((
            NaiveDate::from_ymd_opt(year, m, 1)?,
            month_end(year, m - 1)?,
        ));
    }
    // From–to: two dates joined by "-", "–" or " đến ".
    for separator in [" đến ", "–", " - ", "-"] {
        if let Some((from, to)) = text.split_once(separator) {
            let (Ok(from), Ok(to)) = (parse_date(from.trim()), parse_date(to.trim())) else {
                continue;
            };
            return (from <= to).then_some((from, to));
        }
    }
    None
}

/// "11/2026", "Q4/2026", "2026", or "01/07/2026–15/07/2026": the shortest way to write a span.
pub fn format_period(span: Span) -> String {
    let (start, end) = span;
    let whole_months = start.day() == 1 && end.succ_opt().is_some_and(|next| next.day() == 1);
    if whole_months && start.year() == end.year() {
        let months = end.month() - start.month() + 1;
        match months {
            1 => return format!("{:02}/{}", start.month(), start.year()),
            3 if start.month0() % 3 == 0 => {
                return format!("Q{}/{}", start.month0() / 3 + 1, start.year())
            }
            12 => return start.year().to_string(),
            _ => {}
        }
    }
    format!(
        "{}–{}",
        super::date::format_date_vi(start),
        super::date::format_date_vi(end)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_ways_a_period_is_written() {
        assert_eq!(
            parse_period("11/2026"),
            Some((day("2026-11-01"), day("2026-11-30")))
        );
        assert_eq!(
            parse_period("2/2028"),
            Some((day("2028-02-01"), day("2028-02-29")))
        );
        assert_eq!(
            parse_period("Q4/2026"),
            Some((day("2026-10-01"), day("2026-12-31")))
        );
        assert_eq!(
            parse_period("quý 1/2027"),
            Some((day("2027-01-01"), day("2027-03-31")))
        );
        assert_eq!(
            parse_period("2025"),
            Some((day("2025-01-01"), day("2025-12-31")))
        );
        assert_eq!(
            parse_period("01/07/2026-15/07/2026"),
            Some((day("2026-07-01"), day("2026-07-15")))
        );
        assert_eq!(
            parse_period("01/07/2026 đến 15/07/2026"),
            Some((day("2026-07-01"), day("2026-07-15")))
        );
        for bad in [
            "13/2026",
            "Q5/2026",
            "15/07/2026-01/07/2026",
            "tháng 11",
            "",
            "11/26",
        ] {
            assert_eq!(parse_period(bad), None, "{bad}");
        }
    }

    #[test]
    fn periods_are_written_back_as_short_as_they_were() {
        for text in ["11/2026", "Q4/2026", "2026", "01/07/2026–15/07/2026"] {
            assert_eq!(format_period(parse_period(text).unwrap()), text);
        }
    }
}
