//! The typed messages in both languages, in one snapshot a translator can read and review
//! (`src/output/snapshots/`): problems with input and files, verdicts, periods. The older
//! catalogue in `i18n.rs` is reviewed through the commands' own snapshots in `tests/`.

use chrono::NaiveDate;

use crate::output::lang::{Lang, Localized};
use crate::output::problems::Message;
use crate::output::{periods, verdicts};
use crate::plan::compliance::{TaskAction, TaskEventConflict, TaskStatus};
use crate::plan::forecast::{Basis, Forecast};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn problems() -> Vec<Message> {
    let file = || "so-lieu.csv".to_string();
    let book = || "so-lieu.xlsx".to_string();
    vec![
        Message::BadSpaces { text: "9 5".into() },
        Message::TooLarge {
            text: "1".repeat(20),
        },
        Message::TrailingText {
            date: "01/07/2026".into(),
            rest: "hoặc 15/07/2026".into(),
        },
        Message::NotUtf8 {
            places: vec![(3, 12, 0xe1), (7, 2, 0xff)],
            total: 2,
        },
        Message::QuoteNotClosed {
            file: file(),
            line: 4,
        },
        Message::QuoteSwallowsRow {
            file: file(),
            line: 4,
            over: 5,
        },
        Message::DuplicateColumn {
            file: file(),
            line: 1,
            name: "Giá trị".into(),
            first: 4,
            second: 6,
        },
        Message::ForeignDatabase {
            path: "khac.db".into(),
            tables: "orders, customers".into(),
        },
        Message::UnknownSchemaVersion {
            path: "kehoach.db".into(),
            version: -5,
        },
        Message::WorkbookPartTooLarge {
            file: book(),
            part: "xl/sharedStrings.xml".into(),
            limit_mb: 256,
        },
        Message::WorkbookTimedOut {
            file: book(),
            seconds: 300,
        },
        Message::WorkbookDamaged { file: book() },
        Message::WorkbookPartTruncated {
            file: book(),
            part: "content.xml".into(),
        },
        Message::WorkbookTooLarge {
            file: book(),
            limit_mb: 512,
        },
        Message::TooManyCells {
            file: book(),
            sheet: "Số liệu".into(),
            limit: 5_000_000,
        },
        Message::CellOutOfBounds {
            file: book(),
            sheet: "Số liệu".into(),
            cell: "XFD1048576".into(),
            columns: 1000,
            rows: 1_000_000,
        },
        Message::NoteTooLong {
            length: 5000,
            limit: 2000,
        },
        Message::FractionForPercent {
            typed: "0,955".into(),
            value: 0.955,
            confirm: true,
        },
        Message::FractionForPercent {
            typed: "0,955".into(),
            value: 0.955,
            confirm: false,
        },
        Message::CountNotWhole {
            typed: "2,5".into(),
            code: "TT1.10".into(),
            unit_of_measure: "sáng kiến".into(),
        },
        Message::NothingToCorrect {
            code: "TT1.03".into(),
            unit: "TTPVHCC".into(),
            day: "25/11/2026".into(),
        },
        Message::NothingChanged,
        Message::NotARegularFile {
            path: "/dev/null".into(),
        },
        Message::WouldOverwrite {
            path: "bao-cao.docx".into(),
        },
        Message::MoreProblems { count: 615 },
        Message::BackupTimedOut {
            path: "sao-luu.db".into(),
            seconds: 600,
        },
        Message::BackupDamaged {
            path: "sao-luu.db".into(),
            count: 3,
        },
        Message::BackupChecked,
        Message::NotAnIdentifier {
            code: "/../../X".into(),
        },
    ]
}

fn verdict_and_period_messages() -> Vec<Localized> {
    let both = |make: &dyn Fn(Lang) -> String| Localized {
        vi: make(Lang::Vi),
        en: make(Lang::En),
    };
    let basis = Basis {
        readings: 6,
        span_days: 63,
    };
    let shown = |value: f64| format!("{value} sáng kiến");
    let mut all = vec![
        verdicts::task_event_refused(
            "TT2.T04",
            TaskAction::Done,
            day("2026-11-02"),
            &TaskEventConflict::BreaksLater {
                later: TaskAction::Start,
                on: day("2026-11-03"),
                status: TaskStatus::Done,
            },
        ),
        verdicts::task_event_refused(
            "TT2.T04",
            TaskAction::Reopen,
            day("2026-11-04"),
            &TaskEventConflict::NotAllowed {
                status: TaskStatus::InProgress,
            },
        ),
        verdicts::week_before_plan(day("2026-04-20"), day("2026-04-26"), day("2026-05-30")),
        periods::aggregation_invalid("sum"),
        periods::against_invalid("budget"),
        periods::period_invalid("13/2026"),
        periods::period_needed("TT3.05"),
        periods::period_not_for_level("TT1.03"),
        periods::period_not_over("12/2026", day("2026-12-31")),
        periods::period_overlaps("TT3.05", "CAP", "Q3/2026", "07/2026"),
    ];
    for prediction in [
        Forecast::Value { value: 8.0, basis },
        Forecast::TooFewReadings {
            basis: Basis {
                readings: 2,
                span_days: 5,
            },
        },
        Forecast::TooFarAhead { basis },
    ] {
        all.push(both(&|lang| {
            verdicts::forecast_line(
                lang,
                "TT1.10",
                "3 sáng kiến",
                "≥ 10 sáng kiến",
                day("2027-09-30"),
                &prediction,
                shown,
            )
        }));
    }
    for label in [
        verdicts::AT_RISK_HEADING,
        verdicts::NOTHING_AT_RISK,
        periods::SAME_PERIOD,
        periods::TEMPLATE_PERIOD,
    ] {
        all.push(Localized {
            vi: label.vi.into(),
            en: label.en.into(),
        });
    }
    all
}

#[test]
fn the_typed_messages_in_both_languages() {
    let mut catalogue = String::new();
    let messages = problems()
        .into_iter()
        .map(Localized::from)
        .chain(verdict_and_period_messages());
    for (n, message) in messages.enumerate() {
        catalogue.push_str(&format!(
            "{:>2} vi: {}\n   en: {}\n\n",
            n + 1,
            message.vi,
            message.en
        ));
    }
    insta::assert_snapshot!("catalogue", catalogue);
}
