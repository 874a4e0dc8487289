//! Examples of the names of values, and the decree's fixed blocks.

use super::*;

/// The names of values: kinds, statuses, trends, outcomes, targets, periods.
pub(super) fn words() -> Vec<(String, Localized)> {
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
            crate::output::figures::target_text(
                lang,
                kind,
                comparator,
                target,
                unit_of_measure,
                year,
            )
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
pub(super) fn official_blocks() -> Vec<(String, String)> {
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
