//! The rules a plan must follow before it is loaded. Each breach names the item and field it
//! is about, so that the seed reader can point at the line and column.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::{Plan, ReportSettings};

/// Whether `code` is a plain identifier: 1 to 32 ASCII letters, digits, `.`, `_` or `-`,
/// beginning with a letter or digit.
pub fn is_identifier(code: &str) -> bool {
    (1..=32).contains(&code.len())
        && code.starts_with(|c: char| c.is_ascii_alphanumeric())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// Which item and field of the plan a problem is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Locator {
    Plan(&'static str),
    /// A field of the seed's `[report]`.
    Report(&'static str),
    Unit(String, &'static str),
    Content(String, &'static str),
    Phase(String, u8, &'static str),
    Indicator(String, &'static str),
    Task(String, &'static str),
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum Breach {
    DuplicateCode(String),
    /// A unit code that is not a plain identifier (letters, digits, `.`, `_`, `-`): it names
    /// files, so `/../../X` must never be one.
    NotAnIdentifier(String),
    UnknownUnit {
        unit: String,
        suggestions: Vec<String>,
    },
    NoWard,
    SeveralWards(Vec<String>),
    PhaseCount {
        content: String,
        found: usize,
    },
    PhaseNumber {
        content: String,
        expected: u8,
        found: u8,
    },
    PhaseStartAfterEnd {
        start: NaiveDate,
        end: NaiveDate,
    },
    PhasesOverlap {
        previous_end: NaiveDate,
        start: NaiveDate,
    },
    TaskPhase(u8),
    OutsidePlan {
        date: NaiveDate,
        start: NaiveDate,
        end: NaiveDate,
    },
    PlanStartAfterEnd,
    NotANumber(f64),
    /// A text that must say something is blank.
    Blank,
    /// A signer line without its decree mark ("TM." for the collective, "KT." for a deputy).
    SignerMark {
        mark: &'static str,
        found: String,
    },
    /// A deputy signs ("KT. CHỦ TỊCH") but the report names no title of their own.
    DeputyWithoutTitle,
}

/// One breach of the rules, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub at: Locator,
    pub breach: Breach,
}

/// Every breach of the plan's rules, in plan order; empty when the plan may be loaded.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |at: Locator, breach: Breach| problems.push(Problem { at, breach });
    let meta = &plan.meta;
    if meta.start > meta.end {
        push(Locator::Plan("start"), Breach::PlanStartAfterEnd);
    }
    validate_report(&meta.report, &mut push);
    let in_span = |date: NaiveDate| meta.start <= date && date <= meta.end;
    let outside = |date: NaiveDate| Breach::OutsidePlan {
        date,
        start: meta.start,
        end: meta.end,
    };

    let unit_codes: Vec<&str> = plan.units.iter().map(|u| u.code.as_str()).collect();
    let known_unit = |code: &str| unit_codes.contains(&code);
    let unknown = |code: &str| Breach::UnknownUnit {
        unit: code.to_string(),
        suggestions: super::codes::suggest(code, unit_codes.iter().copied(), 3)
            .into_iter()
            .map(str::to_string)
            .collect(),
    };

    let mut seen = HashSet::new();
    for unit in &plan.units {
        if !is_identifier(&unit.code) {
            push(
                Locator::Unit(unit.code.clone(), "code"),
                Breach::NotAnIdentifier(unit.code.clone()),
            );
        }
        if !seen.insert(unit.code.clone()) {
            push(
                Locator::Unit(unit.code.clone(), "code"),
                Breach::DuplicateCode(unit.code.clone()),
            );
        }
        if let Some(parent) = &unit.parent {
            if !known_unit(parent) {
                push(Locator::Unit(unit.code.clone(), "parent"), unknown(parent));
            }
        }
    }
    let roots: Vec<String> = plan
        .units
        .iter()
        .filter(|u| u.parent.is_none())
        .map(|u| u.code.clone())
        .collect();
    match roots.len() {
        0 => push(Locator::Plan("units"), Breach::NoWard),
        1 => {}
        _ => push(
            Locator::Unit(roots[1].clone(), "parent"),
            Breach::SeveralWards(roots),
        ),
    }

    let mut codes = HashSet::new();
    for content in &plan.contents {
        let c = content.code.clone();
        if !codes.insert(c.clone()) {
            push(
                Locator::Content(c.clone(), "code"),
                Breach::DuplicateCode(c.clone()),
            );
        }
        if !known_unit(&content.lead) {
            push(Locator::Content(c.clone(), "lead"), unknown(&content.lead));
        }
        if content.phases.len() != 5 {
            push(
                Locator::Content(c.clone(), "phases"),
                Breach::PhaseCount {
                    content: c.clone(),
                    found: content.phases.len(),
                },
            );
        }
        let mut previous_end: Option<NaiveDate> = None;
        for (index, phase) in content.phases.iter().enumerate() {
            let at = |field| Locator::Phase(c.clone(), phase.number, field);
            let expected = index as u8 + 1;
            if phase.number != expected {
                push(
                    at("number"),
                    Breach::PhaseNumber {
                        content: c.clone(),
                        expected,
                        found: phase.number,
                    },
                );
            }
            if phase.start > phase.end {
                push(
                    at("start"),
                    Breach::PhaseStartAfterEnd {
                        start: phase.start,
                        end: phase.end,
                    },
                );
            }
            if let Some(previous_end) = previous_end {
                if phase.start <= previous_end {
                    push(
                        at("start"),
                        Breach::PhasesOverlap {
                            previous_end,
                            start: phase.start,
                        },
                    );
                }
            }
            for (field, date) in [("start", phase.start), ("end", phase.end)] {
                if !in_span(date) {
                    push(at(field), outside(date));
                }
            }
            previous_end = Some(phase.end);
        }
        for indicator in &content.indicators {
            let code = indicator.code.clone();
            let at = |field| Locator::Indicator(code.clone(), field);
            if !codes.insert(code.clone()) {
                push(at("code"), Breach::DuplicateCode(code.clone()));
            }
            if !indicator.target.is_finite() {
                push(at("target"), Breach::NotANumber(indicator.target));
            }
            if !in_span(indicator.deadline) {
                push(at("deadline"), outside(indicator.deadline));
            }
            for checkpoint in &indicator.checkpoints {
                if !in_span(checkpoint.date) {
                    push(at("checkpoints"), outside(checkpoint.date));
                }
            }
            for unit in &indicator.responsible {
                if !known_unit(unit) {
                    push(at("responsible"), unknown(unit));
                }
            }
            for share in &indicator.unit_targets {
                if !known_unit(&share.unit) {
                    push(at("unit_targets"), unknown(&share.unit));
                }
            }
        }
        for task in &content.tasks {
            let code = task.code.clone();
            let at = |field| Locator::Task(code.clone(), field);
            if !codes.insert(code.clone()) {
                push(at("code"), Breach::DuplicateCode(code.clone()));
            }
            if !(1..=5).contains(&task.phase) {
                push(at("phase"), Breach::TaskPhase(task.phase));
            }
            if !in_span(task.deadline) {
                push(at("deadline"), outside(task.deadline));
            }
            if !known_unit(&task.lead) {
                push(at("lead"), unknown(&task.lead));
            }
            for unit in &task.cooperating {
                if !known_unit(unit) {
                    push(at("cooperating"), unknown(unit));
                }
            }
        }
    }
    problems
}

/// The seed's `[report]`: no blank recipient or signer, each signer line with its decree mark
/// (Nghị định 30/2020/NĐ-CP: TM. for the collective, KT. when a deputy signs).
fn validate_report(report: &ReportSettings, push: &mut impl FnMut(Locator, Breach)) {
    let blank = |text: &String| text.trim().is_empty();
    if report.recipients.iter().flatten().any(blank) {
        push(Locator::Report("recipients"), Breach::Blank);
    }
    for (field, text) in [
        ("signer_title", &report.signer_title),
        ("signer_name", &report.signer_name),
    ] {
        if text.as_ref().is_some_and(blank) {
            push(Locator::Report(field), Breach::Blank);
        }
    }
    for (field, mark, text) in [
        ("authority", "TM.", &report.authority),
        ("signs_for", "KT.", &report.signs_for),
    ] {
        if let Some(text) = text.as_ref().filter(|t| !t.trim_start().starts_with(mark)) {
            let found = text.clone();
            push(Locator::Report(field), Breach::SignerMark { mark, found });
        }
    }
    if report.signs_for.is_some() && report.signer_title.is_none() {
        push(Locator::Report("signs_for"), Breach::DeputyWithoutTitle);
    }
}
