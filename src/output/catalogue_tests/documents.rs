//! Examples of the listings, the periodic report, templates, verdicts and periods, the clerk's
//! messages and usage errors, and `export`.

use super::*;

pub(super) fn reports() -> Vec<ReportMessage> {
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

pub(super) fn baocao() -> Vec<BaocaoText> {
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
            text: "…".into(),
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
            tally: Tally {
                items_total: 3,
                items_due: 3,
                items_met: 1,
                items_late: 1,
                items_overdue: 1,
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
            met: codes(&["TT1.01"]),
            not_met: codes(&["TT1.05"]),
            total: 3,
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

pub(super) fn templates() -> Vec<TemplateText> {
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
        TemplateText::Written {
            path: "mau-KP1-nhiem-vu.csv".into(),
            unit: "KP1".into(),
            indicators: 0,
            tasks: 1,
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

pub(super) fn clerk() -> Vec<Clerk> {
    let month = Period {
        kind: PeriodKind::Month,
        start: day("2026-11-01"),
        end: day("2026-11-30"),
    };
    vec![
        Clerk::ReportExists {
            path: "bao-cao.docx".into(),
        },
        Clerk::TemplatePeriod {
            period: month,
            made: day("2026-12-02"),
        },
        Clerk::TemplateBeforePlan {
            period: month,
            start: day("2027-01-01"),
        },
    ]
}

pub(super) fn usage_errors() -> Vec<UsageError> {
    let usage = |problem, suggestion: Option<&str>| UsageError {
        problem,
        suggestion: suggestion.map(String::from),
        usage: Some("kehoach report [OPTIONS]".into()),
        vietnamese: vec!["giai-doan".into(), "don-vi".into()],
    };
    vec![
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
    ]
}

pub(super) fn clerk_messages() -> Vec<(String, Localized)> {
    let mut all: Vec<(String, Localized)> = clerk()
        .into_iter()
        .map(|message| (name_of(&message), message.into()))
        .collect();
    for error in usage_errors() {
        let name = format!("UsageError {}", name_of(&error.problem));
        all.push((name, both(|lang| error.render(lang))));
    }
    all
}

pub(super) fn exports() -> Vec<ExportMessage> {
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

pub(super) fn verdicts() -> Vec<VerdictMessage> {
    vec![
        VerdictMessage::TaskEventRefused {
            code: "TT2.T04".into(),
            action: TaskAction::Done,
            day: day("2026-11-02"),
            conflict: TaskEventConflict::BreaksLater {
                later: TaskAction::Start,
                on: day("2026-11-03"),
                status: TaskStatus::Done,
            },
        },
        VerdictMessage::TaskEventRefused {
            code: "TT2.T04".into(),
            action: TaskAction::Reopen,
            day: day("2026-11-04"),
            conflict: TaskEventConflict::NotAllowed {
                status: TaskStatus::InProgress,
            },
        },
        VerdictMessage::WeekBeforePlan {
            start: day("2026-04-20"),
            end: day("2026-04-26"),
            plan_start: day("2026-05-30"),
        },
    ]
}

pub(super) fn period_messages() -> Vec<PeriodMessage> {
    vec![
        PeriodMessage::AggregationInvalid { name: "sum".into() },
        PeriodMessage::AgainstInvalid {
            name: "budget".into(),
        },
        PeriodMessage::PeriodInvalid {
            text: "13/2026".into(),
        },
        PeriodMessage::PeriodNeeded {
            code: "TT3.05".into(),
        },
        PeriodMessage::PeriodNotForLevel {
            code: "TT1.03".into(),
        },
        PeriodMessage::PeriodNotOver {
            period: "12/2026".into(),
            end: day("2026-12-31"),
        },
        PeriodMessage::PeriodOverlaps {
            code: "TT3.05".into(),
            unit: "CAP".into(),
            new: "Q3/2026".into(),
            old: "07/2026".into(),
        },
    ]
}

pub(super) fn verdict_and_period_messages() -> Vec<(String, Localized)> {
    let basis = Basis {
        readings: 6,
        span_days: 63,
    };
    let shown = |value: f64| format!("{value} sáng kiến");
    let mut all: Vec<(String, Localized)> = verdicts()
        .into_iter()
        .map(|message| (name_of(&message), message.into()))
        .collect();
    for message in period_messages() {
        all.push((name_of(&message), message.into()));
    }
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
        let name = format!("forecast_line {}", name_of(&prediction));
        all.push((
            name,
            both(|lang| {
                verdicts::forecast_line(
                    lang,
                    "TT1.10",
                    "3 sáng kiến",
                    "≥ 10 sáng kiến",
                    day("2027-09-30"),
                    &prediction,
                    shown,
                )
            }),
        ));
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
        let name = format!("risk_reason {}", name_of(&reason));
        let risk = AtRisk {
            item: item.clone(),
            reason,
        };
        all.push((
            name,
            both(|lang| verdicts::risk_reason(lang, &risk, "≥ 10 sáng kiến", shown)),
        ));
    }
    all.push((
        "window_text".into(),
        both(|lang| periods::window_text(lang, day("2026-01-01"), day("2026-08-31"))),
    ));
    all.push((
        "window_text".into(),
        both(|lang| periods::window_text(lang, day("2026-01-01"), day("2026-07-15"))),
    ));
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
    all.push((
        "comparison_text".into(),
        both(|lang| periods::comparison_text(lang, &flow, cases)),
    ));
    all.push((
        "same_period_cell".into(),
        both(|lang| periods::same_period_cell(lang, &flow, cases)),
    ));
    all.push((
        "window_cell".into(),
        both(|lang| periods::window_cell(lang, &flow, cases)),
    ));
    all.push((
        "period_mark".into(),
        both(|lang| periods::period_mark(lang, "08/2026")),
    ));
    all.push((
        "basis_text".into(),
        both(|lang| verdicts::basis_text(lang, &basis)),
    ));
    all
}
