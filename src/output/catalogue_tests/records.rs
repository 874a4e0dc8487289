//! Examples of recording, the database and `init`.

use super::*;

pub(super) fn records() -> Vec<RecordMessage> {
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

pub(super) fn database() -> Vec<DatabaseMessage> {
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
        DatabaseMessage::CheckPassed {
            path: path(),
            measurements: 1,
            task_events: 0,
        },
        DatabaseMessage::ValuesWithoutPlan {
            path: path(),
            count: 2,
            code: "XX.99".into(),
            unit: "CAP".into(),
            day: day("2026-06-01"),
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
            table: "task_events".into(),
            row: 42,
            parent: "tasks".into(),
        },
        DatabaseMessage::MissingReference {
            table: "measurements".into(),
            day: Some(day("2026-03-01")),
            column: "indicator".into(),
            value: "999".into(),
            parent: "indicators".into(),
        },
        DatabaseMessage::MissingReference {
            table: "checkpoints".into(),
            day: None,
            column: "indicator".into(),
            value: "TT9.9".into(),
            parent: "indicators".into(),
        },
        DatabaseMessage::SqliteProblem {
            line: "row 5 missing from index idx_measurements".into(),
        },
    ]);
    all
}

pub(super) fn summaries() -> Vec<SummaryMessage> {
    vec![
        SummaryMessage::Mismatch {
            table: "ward_days".into(),
            indicator: "TT1.03".into(),
            day: Some(day("2026-11-25")),
        },
        SummaryMessage::Mismatch {
            table: "ward_days".into(),
            indicator: "TT1.03".into(),
            day: None,
        },
        SummaryMessage::Repaired { indicators: 32 },
        SummaryMessage::Making,
        SummaryMessage::Mismatch {
            table: "unit_days".into(),
            indicator: String::new(),
            day: None,
        },
        SummaryMessage::OlderValuesOmitted {
            code: "TT1.01".into(),
            shown: 200,
            omitted: 17_712,
        },
        SummaryMessage::WeekCounted {
            values: 251_370,
            listed_at_most: 200,
        },
    ]
}

pub(super) fn seed() -> Vec<SeedMessage> {
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
        SeedMessage::Orphan {
            code: "TT2.T09".into(),
            records: 1,
        },
    ]);
    all
}
