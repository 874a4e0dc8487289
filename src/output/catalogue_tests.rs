//! Every message and label a user can see, in both languages, with example values, in one
//! snapshot a translator can read and review (`src/output/snapshots/`). Each entry is named by
//! its variant or constant, so a change asked for in review can be found in the code.
//!
//! Why this file is long: it lists an example of every message of every area, by hand, so that
//! the snapshot shows them all; the labels come from the lists `labels!` makes.

use chrono::NaiveDate;

use crate::input::date::DateError;
use crate::input::decode::DecodeError;
use crate::input::number::NumberError;
use crate::output::baocao_text::{self, BaocaoText};
use crate::output::clerk::{self, Clerk, UsageError, UsageProblem};
use crate::output::database::{DatabaseFailure, DatabaseMessage};
use crate::output::export_messages::ExportMessage;
use crate::output::import_messages::ImportMessage;
use crate::output::lang::{Lang, Localized};
use crate::output::problems::Message;
use crate::output::records::{Figure, Mark, RecordMessage, Stored};
use crate::output::refusals::Refusal;
use crate::output::reports::{PlanRef, ReportMessage};
use crate::output::seed_messages::{SeedChange, SeedMessage};
use crate::output::seed_toml::SeedTomlMessage;
use crate::output::template_text::{self, Sheet, TemplateText};
use crate::output::{labels, periods, protocol, verdicts};
use crate::plan::compliance::{
    Item, ItemKind, Outcome, PhaseStatus, Tally, TaskAction, TaskEventConflict, TaskStatus,
};
use crate::plan::flow::{BaselineBasis, FlowFigure};
use crate::plan::forecast::{AtRisk, Basis, Forecast, RiskReason};
use crate::plan::measure::{Reading, ReadingProblem, Status, Trend};
use crate::plan::period::{Period, PeriodKind};
use crate::plan::validate::Breach;
use crate::plan::{Comparator, ContentKind, IndicatorKind};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A message made by a function of the language.
fn both(make: impl Fn(Lang) -> String) -> Localized {
    Localized {
        vi: make(Lang::Vi),
        en: make(Lang::En),
    }
}

/// The variant's name, from its `Debug` form: what a reviewer quotes to find it in the code.
fn name_of(message: &impl std::fmt::Debug) -> String {
    let debug = format!("{message:?}");
    debug
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or_default()
        .to_string()
}

/// One area of the catalogue: a heading and its entries.
struct Section {
    title: &'static str,
    entries: Vec<(String, Localized)>,
}

impl Section {
    fn new(title: &'static str) -> Self {
        Self {
            title,
            entries: Vec::new(),
        }
    }

    fn add(&mut self, name: impl Into<String>, text: impl Into<Localized>) {
        self.entries.push((name.into(), text.into()));
    }

    /// Messages named by their variant.
    fn messages<M: std::fmt::Debug + Into<Localized>>(mut self, messages: Vec<M>) -> Self {
        for message in messages {
            let name = name_of(&message);
            self.add(name, message);
        }
        self
    }

    fn labels(mut self, labels: &[(&str, (&str, &str))]) -> Self {
        for (name, (vi, en)) in labels {
            self.add(
                *name,
                Localized {
                    vi: vi.to_string(),
                    en: en.to_string(),
                },
            );
        }
        self
    }
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
        Message::FileUnwritable {
            path: "bao-cao.csv".into(),
            error: "Permission denied (os error 13)".into(),
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

fn refusals() -> Vec<Refusal> {
    let mut all: Vec<Refusal> = [
        ("", NumberError::Empty),
        ("#DIV/0!", NumberError::ExcelError("#DIV/0!".into())),
        ("=B2/C2", NumberError::Formula("=B2/C2".into())),
        ("chín mươi", NumberError::NotANumber("chín mươi".into())),
        ("1.23", NumberError::BadGrouping("1.23".into())),
        ("5/0", NumberError::DenominatorZero),
        ("-3/10", NumberError::Negative("-3/10".into())),
        ("9 5", NumberError::BadSpaces("9 5".into())),
        (
            "11111111111111111111",
            NumberError::TooLarge("1".repeat(20)),
        ),
    ]
    .into_iter()
    .map(|(typed, error)| Refusal::InvalidValue {
        typed: typed.into(),
        error,
    })
    .collect();
    all.extend(
        [
            ("", DateError::Empty),
            ("hôm qua", DateError::NotADate("hôm qua".into())),
            ("31/02/2026", DateError::NoSuchDay("31/02/2026".into())),
            (
                "01/13/2026",
                DateError::NoSuchMonth("01/13/2026".into(), 13),
            ),
            ("01/07/26", DateError::TwoDigitYear("01/07/26".into())),
            ("46204", DateError::ExcelSerial("46204".into())),
            (
                "01/07/2026 sáng",
                DateError::TrailingText {
                    date: "01/07/2026".into(),
                    rest: "sáng".into(),
                },
            ),
        ]
        .into_iter()
        .map(|(text, error)| Refusal::InvalidDate {
            text: text.into(),
            error,
        }),
    );
    all.extend(
        [
            DecodeError::InvalidUtf8 {
                offset: 1234,
                line: 17,
            },
            DecodeError::OddUtf16,
            DecodeError::Binary,
        ]
        .into_iter()
        .map(|error| Refusal::UnreadableText {
            file: "so-lieu.csv".into(),
            error,
        }),
    );
    all.push(Refusal::Date(DateError::NotADate("hôm qua".into())));
    all
}

fn records() -> Vec<RecordMessage> {
    let suggestions = vec!["TT1.01".to_string(), "TT1.10".to_string()];
    let figure = |value: f64, unit_of_measure: &str| Figure {
        reading: Reading {
            value,
            numerator: None,
            denominator: None,
        },
        unit_of_measure: unit_of_measure.into(),
    };
    let rate = Figure {
        reading: Reading {
            value: 91.56,
            numerator: Some(412.0),
            denominator: Some(450.0),
        },
        unit_of_measure: "%".into(),
    };
    let reading = |problem| RecordMessage::Reading {
        problem,
        indicator: "TT1.03".into(),
        unit_of_measure: "%".into(),
    };
    let stored = |outcome, marks| RecordMessage::Stored {
        outcome,
        code: "TT1.03".into(),
        marks,
        figure: rate.clone(),
        unit: "TTPVHCC".into(),
        day: day("2026-11-25"),
    };
    vec![
        RecordMessage::UnknownIndicator {
            code: "TT1.1".into(),
            suggestions: suggestions.clone(),
        },
        RecordMessage::UnknownIndicator {
            code: "XYZ".into(),
            suggestions: Vec::new(),
        },
        RecordMessage::UnknownTask {
            code: "TT2.T4".into(),
            suggestions: vec!["TT2.T04".into()],
        },
        RecordMessage::UnknownUnit {
            text: "Khu pho 9".into(),
            suggestions: vec!["KP9".into()],
        },
        RecordMessage::UnknownContent {
            code: "ND9".into(),
            all: "TT1, TT2, TT3".into(),
        },
        RecordMessage::DateInFuture {
            day: day("2026-12-01"),
            today: day("2026-11-25"),
        },
        RecordMessage::DateOutsidePlan {
            day: day("2025-12-31"),
            start: day("2026-01-01"),
            end: day("2026-12-31"),
        },
        reading(ReadingProblem::OverHundred(120.5)),
        reading(ReadingProblem::Negative(-3.5)),
        reading(ReadingProblem::NumeratorOverDenominator(460.0, 450.0)),
        reading(ReadingProblem::ZeroDenominator),
        RecordMessage::Reading {
            problem: ReadingProblem::NotARate,
            indicator: "TT1.10".into(),
            unit_of_measure: "sáng kiến".into(),
        },
        RecordMessage::AlreadyRecorded {
            code: "TT1.03".into(),
            unit: "TTPVHCC".into(),
            day: day("2026-11-25"),
            old: rate.clone(),
            by: Some("chi.lan".into()),
            at: "2026-11-25 15:00 (+07:00)".into(),
        },
        RecordMessage::AlreadyRecorded {
            code: "TT1.10".into(),
            unit: "KP1".into(),
            day: day("2026-11-25"),
            old: figure(7.0, "sáng kiến"),
            by: None,
            at: "2026-11-25 15:00 (+07:00)".into(),
        },
        RecordMessage::ValueDiffers {
            code: "TT1.03".into(),
            unit: "TTPVHCC".into(),
            day: day("2026-11-25"),
            old: 91.5,
            new: 92.25,
        },
        RecordMessage::CorrectionNeedsNote,
        stored(Stored::New, Vec::new()),
        stored(
            Stored::New,
            vec![Mark::Period("08/2026".into()), Mark::Baseline],
        ),
        stored(Stored::Corrected, Vec::new()),
        stored(Stored::Unchanged, Vec::new()),
        RecordMessage::TaskChanged {
            code: "TT2.T04".into(),
            action: TaskAction::Done,
            day: day("2026-11-25"),
        },
        RecordMessage::TaskDoneLate {
            days: 3,
            deadline: day("2026-11-22"),
        },
        RecordMessage::TaskDoneLate {
            days: 1,
            deadline: day("2026-11-24"),
        },
        RecordMessage::StatusNotUnderstood {
            status: "gần xong".into(),
        },
    ]
}

fn database() -> Vec<DatabaseMessage> {
    let path = || "kehoach.db".to_string();
    let error = || "disk I/O error".to_string();
    let mut all = vec![
        DatabaseMessage::IsFolder {
            path: "du-lieu".into(),
        },
        DatabaseMessage::Missing { path: path() },
        DatabaseMessage::CannotCreateFolder {
            folder: "/mnt/usb/kehoach".into(),
            error: "Permission denied (os error 13)".into(),
        },
        DatabaseMessage::NewerSchema {
            path: path(),
            version: 9,
            known: 7,
        },
        DatabaseMessage::NotInitialised { path: path() },
        DatabaseMessage::NoPlan { path: path() },
        DatabaseMessage::NoPlace,
    ];
    for kind in [
        DatabaseFailure::Busy,
        DatabaseFailure::NotADatabase,
        DatabaseFailure::ReadOnly,
        DatabaseFailure::CannotOpen,
        DatabaseFailure::Corrupt,
        DatabaseFailure::DiskFull,
        DatabaseFailure::Unreadable("premature end of input".into()),
        DatabaseFailure::Other,
    ] {
        all.push(DatabaseMessage::Failure {
            kind,
            path: path(),
            error: error(),
        });
    }
    all.extend([
        DatabaseMessage::BackupDone {
            path: "sao-luu.db".into(),
        },
        DatabaseMessage::BackupFailed {
            path: "sao-luu.db".into(),
            error: error(),
        },
        DatabaseMessage::BackupExists {
            path: "sao-luu.db".into(),
        },
        DatabaseMessage::CheckFailed { count: 1 },
        DatabaseMessage::CheckFailed { count: 3 },
        DatabaseMessage::CheckPassed {
            path: path(),
            measurements: 1204,
            task_events: 87,
        },
        DatabaseMessage::RecordOutsidePlan {
            what: "measurement".into(),
            code: "TT1.03".into(),
            day: day("2025-12-31"),
        },
        DatabaseMessage::RecordOutsidePlan {
            what: "task event".into(),
            code: "TT2.T04".into(),
            day: day("2027-01-02"),
        },
        DatabaseMessage::BrokenReference {
            table: "measurements".into(),
            row: 42,
            parent: "indicators".into(),
        },
        DatabaseMessage::SqliteProblem {
            line: "row 5 missing from index idx_measurements".into(),
        },
    ]);
    all
}

fn seed() -> Vec<SeedMessage> {
    let breaches = vec![
        Breach::DuplicateCode("TT1.03".into()),
        Breach::NotAnIdentifier("/../../X".into()),
        Breach::UnknownUnit {
            unit: "KP10".into(),
            suggestions: vec!["KP1".into()],
        },
        Breach::UnknownUnit {
            unit: "XYZ".into(),
            suggestions: Vec::new(),
        },
        Breach::NoWard,
        Breach::SeveralWards(vec!["UBND".into(), "DU".into()]),
        Breach::PhaseCount {
            content: "TT1".into(),
            found: 4,
        },
        Breach::PhaseNumber {
            content: "TT1".into(),
            expected: 3,
            found: 4,
        },
        Breach::PhaseStartAfterEnd {
            start: day("2026-07-01"),
            end: day("2026-06-30"),
        },
        Breach::PhasesOverlap {
            previous_end: day("2026-06-30"),
            start: day("2026-06-15"),
        },
        Breach::TaskPhase(6),
        Breach::OutsidePlan {
            date: day("2027-03-01"),
            start: day("2026-01-01"),
            end: day("2026-12-31"),
        },
        Breach::PlanStartAfterEnd,
        Breach::NotANumber(f64::NAN),
        Breach::Blank,
        Breach::SignerMark {
            mark: "TM.",
            found: "ỦY BAN NHÂN DÂN".into(),
        },
        Breach::SignerMark {
            mark: "KT.",
            found: "CHỦ TỊCH".into(),
        },
        Breach::DeputyWithoutTitle,
    ];
    let mut all: Vec<SeedMessage> = breaches.into_iter().map(SeedMessage::Breach).collect();
    all.extend([
        SeedMessage::Rejected {
            file: "ke-hoach.toml".into(),
            problems: 1,
        },
        SeedMessage::Rejected {
            file: "ke-hoach.toml".into(),
            problems: 3,
        },
        SeedMessage::NotUtf8 {
            path: "ke-hoach.toml".into(),
        },
        SeedMessage::Unreadable {
            path: "ke-hoach.toml".into(),
            error: "No such file or directory (os error 2)".into(),
        },
    ]);
    for message in [
        "invalid type: string \"95\", expected f64",
        "missing field `deadline`",
        "unknown field `deadlin`, expected one of `code`, `text`",
        "expected `=`",
    ] {
        all.push(SeedMessage::Toml {
            message: message.into(),
        });
    }
    all.extend([
        SeedMessage::ContentKindInvalid {
            name: "main".into(),
        },
        SeedMessage::IndicatorKindInvalid {
            name: "ratio".into(),
            known: "percent, count, reduction, growth".into(),
        },
        SeedMessage::ComparatorInvalid {
            symbol: "=>".into(),
        },
        SeedMessage::BaselineNeeded {
            kind: "reduction".into(),
        },
        SeedMessage::PlanLoaded {
            number: "118/KH-UBND".into(),
            db: "kehoach.db".into(),
            contents: 4,
            indicators: 32,
            tasks: 57,
            units: 12,
        },
        SeedMessage::PlanUnchanged {
            number: "118/KH-UBND".into(),
            db: "kehoach.db".into(),
        },
    ]);
    for change in [
        SeedChange::Added,
        SeedChange::Changed,
        SeedChange::Removed,
        SeedChange::Retired,
    ] {
        all.push(SeedMessage::Changes {
            change,
            codes: "TT1.11, TT2.T09".into(),
        });
    }
    all.extend([
        SeedMessage::DropsData {
            file: "ke-hoach-moi.toml".into(),
        },
        SeedMessage::Orphan {
            code: "TT1.08".into(),
            records: 14,
        },
    ]);
    all
}

fn import() -> Vec<ImportMessage> {
    let file = || "so-lieu.csv".to_string();
    let book = || "so-lieu.xlsx".to_string();
    vec![
        ImportMessage::RulesInvalid {
            path: "quy-tac.toml".into(),
            message: "unknown field `colum`".into(),
        },
        ImportMessage::RulesWithoutValue {
            path: "quy-tac.toml".into(),
        },
        ImportMessage::RulesUnreadable {
            path: "quy-tac.toml".into(),
            error: "No such file or directory (os error 2)".into(),
        },
        ImportMessage::FileUnreadable {
            path: file(),
            error: "No such file or directory (os error 2)".into(),
        },
        ImportMessage::CsvEmpty { file: file() },
        ImportMessage::CsvBroken {
            file: file(),
            error: "found record with 3 fields, but the previous record has 4 fields".into(),
        },
        ImportMessage::HeaderNotRecognised {
            file: file(),
            line: 1,
            found: "STT | Tên | Số".into(),
        },
        ImportMessage::MappingColumnMissing {
            file: file(),
            line: 3,
            found: "STT | Tên | Số".into(),
            column: "Tỷ lệ".into(),
        },
        ImportMessage::WorkbookUnreadable {
            file: book(),
            reason: "invalid zip header".into(),
        },
        ImportMessage::SheetMissing {
            file: book(),
            sheet: "Tháng 11".into(),
            sheets: "Sheet1, Tháng 10".into(),
        },
        ImportMessage::WorkbookEmpty { file: book() },
        ImportMessage::TemplateOtherPlan {
            file: book(),
            theirs: "97/KH-UBND".into(),
            ours: "118/KH-UBND".into(),
        },
        ImportMessage::TemplateOldVersion {
            file: book(),
            unit: "KP1".into(),
            as_of: day("2026-12-01"),
        },
        ImportMessage::TemplateNewerLayout {
            file: book(),
            layout: 3,
        },
        ImportMessage::CellMissing {
            cell: labels::CELL_DATE,
        },
        ImportMessage::CellMissing {
            cell: labels::CELL_INDICATOR,
        },
        ImportMessage::CellMissing {
            cell: labels::CELL_VALUE,
        },
        ImportMessage::CellMissing {
            cell: labels::CELL_TASK,
        },
        ImportMessage::CellMissing {
            cell: labels::CELL_STATUS,
        },
        ImportMessage::IndicatorMissing,
        ImportMessage::MappingWithoutDate,
        ImportMessage::DateMissing,
        ImportMessage::RowDatabaseError {
            error: "database is locked".into(),
        },
        ImportMessage::RowsRejected { count: 12 },
        ImportMessage::RowsBlank { count: 4 },
        ImportMessage::CellPlace {
            file: book(),
            sheet: "Chỉ tiêu".into(),
            column: Some("G".into()),
            row: 7,
            field: Some("Giá trị".into()),
        },
        ImportMessage::CellPlace {
            file: book(),
            sheet: "Chỉ tiêu".into(),
            column: None,
            row: 7,
            field: None,
        },
    ]
}

fn reports() -> Vec<ReportMessage> {
    let plan = || PlanRef {
        number: "118/KH-UBND".into(),
        date: day("2026-05-30"),
    };
    vec![
        ReportMessage::ReportTitle {
            day: day("2026-11-25"),
            plan: plan(),
            by_unit: false,
        },
        ReportMessage::ReportTitle {
            day: day("2026-11-25"),
            plan: plan(),
            by_unit: true,
        },
        ReportMessage::OverdueTitle {
            day: day("2026-11-25"),
        },
        ReportMessage::Upcoming { days_left: 1 },
        ReportMessage::Upcoming { days_left: 5 },
        ReportMessage::TaskLateness {
            done: true,
            days: 3,
        },
        ReportMessage::TaskLateness {
            done: false,
            days: 1,
        },
        ReportMessage::WeeklyTitle {
            start: day("2026-11-16"),
            end: day("2026-11-22"),
            plan: plan(),
        },
        ReportMessage::WeeklyHeadline {
            day: day("2026-11-22"),
            days: 176,
            overall: Some(87.54),
        },
        ReportMessage::WeeklyHeadline {
            day: day("2026-05-31"),
            days: 1,
            overall: None,
        },
        ReportMessage::WeeklyChanges {
            values: 14,
            done: 1,
            overdue: 2,
        },
        ReportMessage::WeeklyChanges {
            values: 1,
            done: 0,
            overdue: 1,
        },
        ReportMessage::WeeklyTaskDone {
            task: "TT2.T04".into(),
            day: day("2026-11-20"),
            days_late: 0,
        },
        ReportMessage::WeeklyTaskDone {
            task: "TT2.T05".into(),
            day: day("2026-11-20"),
            days_late: 4,
        },
    ]
}

fn baocao() -> Vec<BaocaoText> {
    let month = Period {
        kind: PeriodKind::Month,
        start: day("2026-10-01"),
        end: day("2026-10-31"),
    };
    let opening = |period| BaocaoText::Opening {
        plan_number: "118/KH-UBND".into(),
        plan_date: day("2026-05-30"),
        issuer: "UBND phường Tam Phước".into(),
        period,
    };
    let codes = |codes: &[&str]| codes.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    vec![
        opening(Some(month)),
        opening(None),
        BaocaoText::TableCaption {
            number: 3,
            text: "Việc quá hạn theo đơn vị chủ trì".into(),
        },
        BaocaoText::IndicatorsCaption {
            content: "TT1".into(),
            day: day("2026-10-31"),
        },
        BaocaoText::PhaseLine {
            number: 2,
            name: "Triển khai".into(),
            start: day("2026-07-01"),
            end: day("2026-09-30"),
        },
        BaocaoText::TasksLine {
            on_time: 5,
            late: 1,
            overdue: codes(&["TT2.T04", "TT2.T07"]),
            open: 9,
        },
        BaocaoText::TasksLine {
            on_time: 5,
            late: 0,
            overdue: Vec::new(),
            open: 9,
        },
        BaocaoText::PhasesCaption {
            day: Some(day("2026-10-31")),
        },
        BaocaoText::PhasesCaption { day: None },
        BaocaoText::OverallLine {
            tally: Tally {
                items_total: 40,
                items_due: 24,
                items_met: 19,
                items_late: 2,
                items_overdue: 3,
            },
        },
        BaocaoText::OverallLine {
            tally: Tally::default(),
        },
        BaocaoText::StandingBeforeDeadline {
            status: Status::NotMet,
        },
        BaocaoText::IndicatorsLine {
            met: codes(&["TT1.01", "TT1.03"]),
            not_met: codes(&["TT1.05"]),
            total: 5,
        },
        BaocaoText::IndicatorsLine {
            met: Vec::new(),
            not_met: Vec::new(),
            total: 2,
        },
        BaocaoText::NextCaption {
            next: Some(month.next()),
        },
        BaocaoText::NextCaption { next: None },
        BaocaoText::NothingNext {
            next: Some(month.next()),
        },
        BaocaoText::NothingNext { next: None },
        BaocaoText::OutUnknown {
            path: "bao-cao.pdf".into(),
        },
        BaocaoText::BeforePlan {
            period: Period {
                kind: PeriodKind::Quarter,
                start: day("2026-01-01"),
                end: day("2026-03-31"),
            },
            start: day("2026-05-30"),
        },
        BaocaoText::NoPhaseEnded {
            today: day("2026-06-15"),
        },
    ]
}

fn templates() -> Vec<TemplateText> {
    let month = Period {
        kind: PeriodKind::Month,
        start: day("2026-11-01"),
        end: day("2026-11-30"),
    };
    let title = |sheet| TemplateText::Title {
        sheet,
        plan: "118/KH-UBND".into(),
        unit: "Khu phố 1".into(),
        period: month,
    };
    vec![
        title(Sheet::Indicators),
        title(Sheet::Tasks),
        TemplateText::TaskInstructions {
            end: day("2026-11-30"),
        },
        TemplateText::Written {
            path: "mau-KP1.xlsx".into(),
            unit: "KP1".into(),
            indicators: 6,
            tasks: 3,
        },
        TemplateText::UnitsWithoutWork {
            units: "DU, MTTQ".into(),
        },
        TemplateText::UnitWithoutWork { unit: "DU".into() },
        TemplateText::OutUnknown {
            path: "mau.pdf".into(),
        },
    ]
}

fn clerk_messages() -> Vec<Localized> {
    let month = Period {
        kind: PeriodKind::Month,
        start: day("2026-11-01"),
        end: day("2026-11-30"),
    };
    let mut all: Vec<Localized> = vec![
        Clerk::ReportExists {
            path: "bao-cao.docx".into(),
        }
        .into(),
        Clerk::TemplatePeriod {
            period: month,
            made: day("2026-12-02"),
        }
        .into(),
        Clerk::TemplateBeforePlan {
            period: month,
            start: day("2027-01-01"),
        }
        .into(),
    ];
    let usage = |problem, suggestion: Option<&str>| UsageError {
        problem,
        suggestion: suggestion.map(String::from),
        usage: Some("kehoach report [OPTIONS]".into()),
        vietnamese: vec!["giai-doan".into(), "don-vi".into()],
    };
    for error in [
        usage(
            UsageProblem::InvalidValue {
                value: "tuan".into(),
                arg: "--by".into(),
                valid: vec!["phase".into(), "unit".into()],
            },
            None,
        ),
        usage(
            UsageProblem::BadValue {
                value: "abc".into(),
                arg: "--limit".into(),
                reason: "invalid digit found in string".into(),
            },
            None,
        ),
        usage(
            UsageProblem::UnknownSubcommand("repot".into()),
            Some("report"),
        ),
        usage(
            UsageProblem::UnknownArgument("--formt".into()),
            Some("--format, --force"),
        ),
        usage(UsageProblem::Missing(vec!["<INDICATOR>".into()]), None),
        usage(
            UsageProblem::Conflict {
                arg: "--period".into(),
                prior: "--date".into(),
            },
            None,
        ),
        usage(UsageProblem::Unexpected("extra".into()), None),
        usage(UsageProblem::Other("a clap message".into()), None),
    ] {
        all.push(both(|lang| error.render(lang)));
    }
    all
}

fn exports() -> Vec<ExportMessage> {
    vec![
        ExportMessage::BadWardCode {
            code: "tam phước".into(),
        },
        ExportMessage::NoWardCode,
        ExportMessage::OutIsFile {
            path: "xuat.csv".into(),
        },
        ExportMessage::CannotWrite {
            path: "xuat/ward=26041".into(),
            error: "Permission denied (os error 13)".into(),
        },
        ExportMessage::Exported {
            ward: "26041".into(),
            datasets: 5,
            rows: 1892,
            dir: "xuat".into(),
        },
        ExportMessage::DatasetHeader,
        ExportMessage::RowsHeader,
        ExportMessage::FileHeader,
    ]
}

fn verdict_and_period_messages() -> Vec<Localized> {
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
        all.push(both(|lang| {
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
    let item = Item {
        kind: ItemKind::Indicator,
        code: "TT1.10".into(),
        content: "TT1".into(),
        phase: 3,
        unit: "VP".into(),
        due: day("2026-12-31"),
        text: "Sáng kiến cải cách hành chính".into(),
        target: Some((Comparator::AtLeast, 10.0)),
        outcome: Outcome::Open,
    };
    for reason in [
        RiskReason::ForecastMisses {
            forecast: 8.0,
            basis,
        },
        RiskReason::BehindPace {
            expected: 7.0,
            achieved: 3.0,
        },
        RiskReason::NotStarted { elapsed_pct: 62.4 },
    ] {
        let risk = AtRisk {
            item: item.clone(),
            reason,
        };
        all.push(both(|lang| {
            verdicts::risk_reason(lang, &risk, "≥ 10 sáng kiến", shown)
        }));
    }
    all.push(both(|lang| {
        periods::window_text(lang, day("2026-01-01"), day("2026-08-31"))
    }));
    all.push(both(|lang| {
        periods::window_text(lang, day("2026-01-01"), day("2026-07-15"))
    }));
    let flow = FlowFigure {
        from: day("2026-01-01"),
        to: day("2026-08-31"),
        value: 64.0,
        missing_months: vec![day("2026-03-01")],
        months_compared: 7,
        baseline_year: Some(2025),
        baseline: Some(80.0),
        basis: Some(BaselineBasis::ProRated {
            yearly: 120.0,
            share: 8.0 / 12.0,
        }),
    };
    let cases = |value: f64| format!("{value} vụ");
    all.push(both(|lang| periods::comparison_text(lang, &flow, cases)));
    all.push(both(|lang| periods::same_period_cell(lang, &flow, cases)));
    all.push(both(|lang| periods::window_cell(lang, &flow, cases)));
    all.push(both(|lang| periods::period_mark(lang, "08/2026")));
    all.push(both(|lang| verdicts::basis_text(lang, &basis)));
    all
}

/// The names of values: kinds, statuses, trends, outcomes, targets, periods.
fn words() -> Vec<(String, Localized)> {
    let mut all: Vec<(String, Localized)> = Vec::new();
    let mut add = |name: &str, make: &dyn Fn(Lang) -> String| {
        all.push((name.to_string(), both(make)));
    };
    for kind in [ContentKind::Focal, ContentKind::Further] {
        add(&format!("content_kind {kind:?}"), &|lang| {
            labels::content_kind(lang, kind).into()
        });
    }
    for status in [
        Status::Met,
        Status::NotMet,
        Status::NoData,
        Status::NoBaseline,
    ] {
        add(&format!("status {status:?}"), &|lang| {
            labels::status(lang, status).into()
        });
    }
    for trend in [Trend::Up, Trend::Down, Trend::Flat, Trend::Unknown] {
        add(&format!("trend {trend:?}"), &|lang| {
            labels::trend(lang, trend).into()
        });
    }
    for status in [
        TaskStatus::NotStarted,
        TaskStatus::InProgress,
        TaskStatus::Done,
        TaskStatus::Cancelled,
    ] {
        add(&format!("task_status {status:?}"), &|lang| {
            labels::task_status(lang, status).into()
        });
    }
    for action in [
        TaskAction::Start,
        TaskAction::Done,
        TaskAction::Reopen,
        TaskAction::Cancel,
    ] {
        add(&format!("task_action {action:?}"), &|lang| {
            labels::task_action(lang, action).into()
        });
    }
    for outcome in [
        Outcome::Open,
        Outcome::Met {
            on: day("2026-10-02"),
        },
        Outcome::Late {
            on: day("2026-10-12"),
        },
        Outcome::Overdue { days: 1 },
        Outcome::Overdue { days: 12 },
        Outcome::Cancelled,
    ] {
        add(&format!("outcome {outcome:?}"), &|lang| {
            labels::outcome(lang, outcome)
        });
    }
    for status in [
        PhaseStatus::NotStarted,
        PhaseStatus::Running,
        PhaseStatus::Finished,
    ] {
        add(&format!("phase_status {status:?}"), &|lang| {
            clerk::phase_status(lang, status).into()
        });
    }
    for (kind, comparator, target, unit_of_measure, year) in [
        (IndicatorKind::Percent, Comparator::AtLeast, 95.5, "%", None),
        (
            IndicatorKind::Count,
            Comparator::AtLeast,
            10.0,
            "sáng kiến",
            None,
        ),
        (IndicatorKind::Percent, Comparator::LessThan, 3.0, "%", None),
        (
            IndicatorKind::Reduction,
            Comparator::AtLeast,
            20.0,
            "%",
            Some(2025),
        ),
        (
            IndicatorKind::Growth,
            Comparator::AtLeast,
            12.5,
            "%",
            Some(2025),
        ),
    ] {
        add(&format!("target_text {kind:?}"), &|lang| {
            labels::target_text(lang, kind, comparator, target, unit_of_measure, year)
        });
    }
    for (kind, start, end) in [
        (PeriodKind::Week, "2026-11-23", "2026-11-29"),
        (PeriodKind::Month, "2026-11-01", "2026-11-30"),
        (PeriodKind::Quarter, "2026-10-01", "2026-12-31"),
        (PeriodKind::Half, "2026-01-01", "2026-06-30"),
        (PeriodKind::Half, "2026-07-01", "2026-12-31"),
        (PeriodKind::Year, "2026-01-01", "2026-12-31"),
    ] {
        let period = Period {
            kind,
            start: day(start),
            end: day(end),
        };
        add(&format!("period_text {kind:?}"), &|lang| {
            periods::period_text(lang, &period)
        });
    }
    add("PlanRef", &|lang| {
        PlanRef {
            number: "118/KH-UBND".into(),
            date: day("2026-05-30"),
        }
        .render(lang)
    });
    all
}

/// The decree's fixed blocks: Vietnamese in every language, so shown once.
fn official_blocks() -> Vec<(String, String)> {
    let month = Period {
        kind: PeriodKind::Month,
        start: day("2026-10-01"),
        end: day("2026-10-31"),
    };
    vec![
        (
            "OFFICIAL_MOTTO".into(),
            protocol::OFFICIAL_MOTTO.join(" / "),
        ),
        (
            "OFFICIAL_RECIPIENTS".into(),
            protocol::OFFICIAL_RECIPIENTS.into(),
        ),
        (
            "DEFAULT_AUTHORITY".into(),
            protocol::DEFAULT_AUTHORITY.into(),
        ),
        (
            "DEFAULT_SIGNER_TITLE".into(),
            protocol::DEFAULT_SIGNER_TITLE.into(),
        ),
        ("BAOCAO_KIND".into(), protocol::BAOCAO_KIND.into()),
        (
            "official_issuer".into(),
            protocol::official_issuer("UBND phường Tam Phước"),
        ),
        (
            "official_place_date".into(),
            protocol::official_place_date("Tam Phước", day("2027-02-05")),
        ),
        (
            "baocao_number 25".into(),
            protocol::baocao_number(Some("25")),
        ),
        (
            "baocao_number 25/BC-VP".into(),
            protocol::baocao_number(Some("25/BC-VP")),
        ),
        ("baocao_number none".into(), protocol::baocao_number(None)),
        (
            "baocao_abstract month".into(),
            protocol::baocao_abstract(
                "118/KH-UBND",
                day("2026-05-30"),
                "UBND phường Tam Phước",
                Some(&month),
            ),
        ),
        (
            "baocao_abstract phase".into(),
            protocol::baocao_abstract(
                "118/KH-UBND",
                day("2026-05-30"),
                "UBND phường Tam Phước",
                None,
            ),
        ),
    ]
}

fn pairs(
    list: &[(&'static str, &'static str)],
    name: &str,
) -> Vec<(String, (&'static str, &'static str))> {
    list.iter()
        .enumerate()
        .map(|(n, pair)| (format!("{name}[{n}]"), *pair))
        .collect()
}

fn sections() -> Vec<Section> {
    let mut other_labels: Vec<(String, (&str, &str))> = Vec::new();
    other_labels.extend(pairs(
        &baocao_text::BAOCAO_OVERDUE_COLUMNS,
        "BAOCAO_OVERDUE_COLUMNS",
    ));
    other_labels.extend(pairs(
        &baocao_text::BAOCAO_INDICATOR_COLUMNS,
        "BAOCAO_INDICATOR_COLUMNS",
    ));
    other_labels.extend(pairs(
        &baocao_text::BAOCAO_NEXT_COLUMNS,
        "BAOCAO_NEXT_COLUMNS",
    ));
    let weekly: Vec<(&str, &str)> = verdicts::WEEKLY_CSV_COLUMNS
        .iter()
        .map(|l| l.pair())
        .collect();
    other_labels.extend(pairs(&weekly, "WEEKLY_CSV_COLUMNS"));
    for (name, label) in [
        ("AT_RISK_HEADING", verdicts::AT_RISK_HEADING.pair()),
        ("NOTHING_AT_RISK", verdicts::NOTHING_AT_RISK.pair()),
        ("SAME_PERIOD", periods::SAME_PERIOD.pair()),
        ("TEMPLATE_PERIOD", periods::TEMPLATE_PERIOD.pair()),
        ("REPLACED", clerk::REPLACED),
        ("RECORDED_BY", clerk::RECORDED_BY),
        ("RECORDED_AT", clerk::RECORDED_AT),
        ("DONE_ON", clerk::DONE_ON),
        ("DAYS_LATE", clerk::DAYS_LATE),
        ("KIND", clerk::KIND),
        ("UNIT_TARGETS", clerk::UNIT_TARGETS),
        ("COOPERATING", clerk::COOPERATING),
        ("GRID_STATUS", clerk::GRID_STATUS),
        ("GRID_MET", clerk::GRID_MET),
        ("GRID_DUE", clerk::GRID_DUE),
        ("GRID_PCT", clerk::GRID_PCT),
        ("GRID_BEHIND", clerk::GRID_BEHIND),
    ] {
        other_labels.push((name.into(), label));
    }
    let mut words_section = Section::new("Tên các giá trị — The names of values");
    for (name, text) in words() {
        words_section.add(name, text);
    }
    let mut verdicts_section =
        Section::new("Dự báo, rủi ro và kỳ — Verdicts, forecasts and periods");
    for text in verdict_and_period_messages() {
        verdicts_section.add("", text);
    }
    let mut clerk_section = Section::new("Văn thư và dòng lệnh — The clerk and the command line");
    for text in clerk_messages() {
        clerk_section.add("", text);
    }
    let mut seed_toml = Section::new("Xuất tệp kế hoạch — Writing the plan as a seed");
    for message in [
        SeedTomlMessage::Header {
            number: "118/KH-UBND".into(),
            issuer: "UBND phường Tam Phước".into(),
        },
        SeedTomlMessage::WholePlanOnly,
    ] {
        seed_toml.add(name_of(&message), both(|lang| message.render(lang)));
    }
    let mut exports_section = Section::new("Xuất dữ liệu — Export");
    for message in exports() {
        exports_section.add(name_of(&message), both(|lang| message.render(lang)));
    }
    let mut official = Section::new(
        "Thể thức văn bản (Nghị định 30/2020/NĐ-CP), tiếng Việt ở mọi ngôn ngữ — The decree's fixed blocks",
    );
    for (name, text) in official_blocks() {
        official.add(
            name,
            Localized {
                vi: text.clone(),
                en: text,
            },
        );
    }
    let mut other = Section::new("Nhãn khác — Other labels");
    for (name, (vi, en)) in other_labels {
        other.add(
            name,
            Localized {
                vi: vi.into(),
                en: en.into(),
            },
        );
    }
    vec![
        Section::new("Ghi số liệu, đính chính, tra cứu — Recording, corrections, look-ups")
            .messages(records()),
        Section::new("Giá trị, ngày, tệp không đọc được — Values, dates and files refused")
            .messages(refusals()),
        Section::new("Dữ liệu và tệp có vấn đề — Problems with input and files")
            .messages(problems()),
        Section::new("Cơ sở dữ liệu, kiểm tra, sao lưu — The database, check and backup")
            .messages(database()),
        Section::new("Nạp kế hoạch (init) — Loading the plan").messages(seed()),
        Section::new("Nhập số liệu (import) — Import").messages(import()),
        Section::new("Báo cáo, quá hạn, báo cáo tuần — Report, overdue, weekly")
            .messages(reports()),
        Section::new("Báo cáo định kỳ (baocao) — The periodic report").messages(baocao()),
        Section::new("Mẫu biểu (template) — Templates").messages(templates()),
        verdicts_section,
        clerk_section,
        exports_section,
        seed_toml,
        words_section,
        Section::new("Nhãn: tiêu đề cột, chú thích — Labels: headers, legends")
            .labels(labels::ALL_LABELS),
        Section::new("Nhãn của báo cáo định kỳ — Labels of the periodic report")
            .labels(baocao_text::BAOCAO_LABELS),
        Section::new("Lời dặn trong mẫu biểu — Template instructions")
            .labels(template_text::TEMPLATE_LABELS),
        other,
        Section::new(
            "Giao thức: tiêu đề mẫu biểu mà import đọc lại (sửa phải giữ import đọc được) — Protocol: template headers import reads back",
        )
        .labels(protocol::PROTOCOL_LABELS),
        official,
    ]
}

#[test]
fn every_message_in_both_languages() {
    let mut catalogue = String::new();
    let mut n = 0;
    for section in sections() {
        catalogue.push_str(&format!("## {}\n\n", section.title));
        for (name, text) in section.entries {
            n += 1;
            let name = if name.is_empty() {
                String::new()
            } else {
                format!(" {name}")
            };
            catalogue.push_str(&format!(
                "{n:>3}{name}\n    vi: {}\n    en: {}\n\n",
                text.vi.replace('\n', "\n        "),
                text.en.replace('\n', "\n        ")
            ));
        }
    }
    insta::assert_snapshot!("catalogue", catalogue);
}
