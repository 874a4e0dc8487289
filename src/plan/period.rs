//! Reporting periods: the week, month, quarter, half-year or year around a day, the one just
//! before it, and the one after.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

/// How long a reporting period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    Week,
    Month,
    Quarter,
    Half,
    Year,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 5] = [
        Self::Week,
        Self::Month,
        Self::Quarter,
        Self::Half,
        Self::Year,
    ];

    /// The stable name, as in JSON and a template's identity sheet.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Week => "week",
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Half => "half",
            Self::Year => "year",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

/// A reporting period: its figures are as of its last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub kind: PeriodKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// The first day of the month `months` months after January of `year` (0-based).
fn month_start(year: i32, months: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year + (months / 12) as i32, months % 12 + 1, 1)
}

impl Period {
    /// The period of `kind` that contains `day`; weeks run Monday to Sunday.
    pub fn containing(kind: PeriodKind, day: NaiveDate) -> Period {
        let months = match kind {
            PeriodKind::Week => {
                let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
                return Period {
                    kind,
                    start: monday,
                    end: monday + Duration::days(6),
                };
            }
            PeriodKind::Month => 1,
            PeriodKind::Quarter => 3,
            PeriodKind::Half => 6,
            PeriodKind::Year => 12,
        };
        let first = day.month0() / months * months;
        let start = month_start(day.year(), first).unwrap_or(day);
        let end =
            month_start(day.year(), first + months).map_or(day, |next| next - Duration::days(1));
        Period { kind, start, end }
    }

    /// The last whole period of `kind` that ends before `day`.
    pub fn before(kind: PeriodKind, day: NaiveDate) -> Period {
        let current = Period::containing(kind, day);
        Period::containing(kind, current.start - Duration::days(1))
    }

    /// The period that follows this one.
    pub fn next(&self) -> Period {
        Period::containing(self.kind, self.end + Duration::days(1))
    }

    /// "2026-11", "2026-W48", "2026-Q4", "2026-H2", "2026": sorts, and is safe in a file name.
    pub fn label(&self) -> String {
        let year = self.start.year();
        match self.kind {
            PeriodKind::Week => {
                let week = self.start.iso_week();
                format!("{}-W{:02}", week.year(), week.week())
            }
            PeriodKind::Month => self.start.format("%Y-%m").to_string(),
            PeriodKind::Quarter => format!("{year}-Q{}", self.start.month0() / 3 + 1),
            PeriodKind::Half => format!("{year}-H{}", self.start.month0() / 6 + 1),
            PeriodKind::Year => year.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn span(period: Period) -> (NaiveDate, NaiveDate, String) {
        (period.start, period.end, period.label())
    }

    #[test]
    fn periods_around_a_day() {
        let d = day("2026-11-25");
        assert_eq!(
            span(Period::containing(PeriodKind::Week, d)),
            (day("2026-11-23"), day("2026-11-29"), "2026-W48".into())
        );
        assert_eq!(
            span(Period::containing(PeriodKind::Month, day("2028-02-10"))),
            (day("2028-02-01"), day("2028-02-29"), "2028-02".into())
        );
        assert_eq!(
            span(Period::containing(PeriodKind::Quarter, d)),
            (day("2026-10-01"), day("2026-12-31"), "2026-Q4".into())
        );
        assert_eq!(
            span(Period::containing(PeriodKind::Half, d)),
            (day("2026-07-01"), day("2026-12-31"), "2026-H2".into())
        );
        assert_eq!(
            span(Period::containing(PeriodKind::Year, d)),
            (day("2026-01-01"), day("2026-12-31"), "2026".into())
        );
    }

    #[test]
    fn the_period_before_a_day_and_the_one_after() {
        let d = day("2026-11-25");
        let month = Period::before(PeriodKind::Month, d);
        assert_eq!(
            (month.start, month.end),
            (day("2026-10-01"), day("2026-10-31"))
        );
        assert_eq!(month.next().end, day("2026-11-30"));
        let quarter = Period::before(PeriodKind::Quarter, day("2027-01-05"));
        assert_eq!(
            (quarter.start, quarter.end),
            (day("2026-10-01"), day("2026-12-31"))
        );
        assert_eq!(quarter.next().start, day("2027-01-01"));
        let half = Period::before(PeriodKind::Half, d);
        assert_eq!(
            (half.start, half.end),
            (day("2026-01-01"), day("2026-06-30"))
        );
        assert_eq!(Period::before(PeriodKind::Year, d).label(), "2025");
    }
}
