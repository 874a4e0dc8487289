//! What a unit is handed to fill: the indicators it reports, the open tasks it leads, the
//! period the figures are for, and the identity that lets `import` recognise the sheet again.

use chrono::NaiveDate;
use serde::Serialize;

use crate::plan::compliance::TaskStatus;
use crate::plan::{Indicator, Plan, Task};

pub use crate::plan::period::{Period, PeriodKind};

/// The name of the hidden sheet that carries a template's identity.
pub const IDENTITY_SHEET: &str = "_kehoach";

/// The version of the template layout; a newer layout is refused by an older binary.
pub const TEMPLATE_LAYOUT: u32 = 1;

/// What a template says about itself, so a filled one can be checked on import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identity {
    pub layout: u32,
    pub plan_number: String,
    /// The fingerprint of the plan as loaded when the template was made.
    pub plan_version: String,
    /// The unit the template is for; `None` for a template of every unit.
    pub unit: Option<String>,
    pub period: Period,
}

impl Identity {
    /// The identity as key and value pairs, the rows of the hidden sheet.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("layout", self.layout.to_string()),
            ("plan_number", self.plan_number.clone()),
            ("plan_version", self.plan_version.clone()),
            ("unit", self.unit.clone().unwrap_or_default()),
            ("period", self.period.kind.as_str().to_string()),
            ("period_start", self.period.start.to_string()),
            ("period_end", self.period.end.to_string()),
        ]
    }

    /// Reads an identity back from its pairs; `None` when a key is missing or malformed.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<Identity> {
        let pairs: Vec<(&str, &str)> = pairs.into_iter().collect();
        let get = |key: &str| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.trim());
        let date = |key: &str| get(key).and_then(|v| v.parse::<NaiveDate>().ok());
        let kind = PeriodKind::parse(get("period")?)?;
        Some(Identity {
            layout: get("layout")?.parse().ok()?,
            plan_number: get("plan_number")?.to_string(),
            plan_version: get("plan_version")?.to_string(),
            unit: get("unit").filter(|u| !u.is_empty()).map(str::to_string),
            period: Period {
                kind,
                start: date("period_start")?,
                end: date("period_end")?,
            },
        })
    }
}

/// An indicator a unit reports, one row of the template.
#[derive(Debug, Clone, Copy)]
pub struct IndicatorLine<'p> {
    pub indicator: &'p Indicator,
    pub unit: &'p str,
    /// The unit's own target, when the plan splits the target by unit.
    pub unit_target: Option<f64>,
}

/// The units that report an indicator: those the plan gives their own target, else every
/// responsible unit, each its own part (the ward's figure sums them, as it does for `record`).
pub fn reporting_units(indicator: &Indicator) -> Vec<(&str, Option<f64>)> {
    if indicator.unit_targets.is_empty() {
        indicator
            .responsible
            .iter()
            .map(|unit| (unit.as_str(), None))
            .collect()
    } else {
        indicator
            .unit_targets
            .iter()
            .map(|t| (t.unit.as_str(), Some(t.target)))
            .collect()
    }
}

/// The indicator rows for `unit` (every unit when `None`), in plan order.
pub fn indicator_lines<'p>(
    plan: &'p Plan,
    unit: Option<&str>,
    content: Option<&str>,
) -> Vec<IndicatorLine<'p>> {
    plan.indicators()
        .filter(|(c, _)| content.is_none_or(|code| c.code == code))
        .flat_map(|(_, indicator)| {
            reporting_units(indicator)
                .into_iter()
                .filter(|(u, _)| unit.is_none_or(|wanted| *u == wanted))
                .map(move |(u, unit_target)| IndicatorLine {
                    indicator,
                    unit: u,
                    unit_target,
                })
        })
        .collect()
}

/// A task a unit leads and has not finished, one row of the template's task sheet.
#[derive(Debug, Clone, Copy)]
pub struct TaskLine<'p> {
    pub task: &'p Task,
    pub status: TaskStatus,
}

/// The open tasks `unit` leads (every unit's when `None`) whose phase has begun by the end of
/// the period: not done, not cancelled.
pub fn task_lines<'p>(
    plan: &'p Plan,
    unit: Option<&str>,
    content: Option<&str>,
    period: &Period,
    status_of: impl Fn(&Task) -> TaskStatus,
) -> Vec<TaskLine<'p>> {
    plan.tasks()
        .filter(|(c, _)| content.is_none_or(|code| c.code == code))
        .filter(|(_, t)| unit.is_none_or(|wanted| t.lead == wanted))
        .filter(|(c, t)| {
            c.phases
                .iter()
                .find(|p| p.number == t.phase)
                .is_none_or(|p| p.start <= period.end)
        })
        .map(|(_, task)| TaskLine {
            task,
            status: status_of(task),
        })
        .filter(|line| matches!(line.status, TaskStatus::NotStarted | TaskStatus::InProgress))
        .collect()
}

/// The units that have something to fill: an indicator to report or an open task to lead.
pub fn units_with_work<'p>(
    plan: &'p Plan,
    content: Option<&str>,
    period: &Period,
    status_of: impl Fn(&Task) -> TaskStatus + Copy,
) -> Vec<&'p str> {
    plan.units
        .iter()
        .map(|u| u.code.as_str())
        .filter(|code| {
            !indicator_lines(plan, Some(code), content).is_empty()
                || !task_lines(plan, Some(code), content, period, status_of).is_empty()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn an_identity_survives_its_sheet() {
        let identity = Identity {
            layout: TEMPLATE_LAYOUT,
            plan_number: "118/KH-UBND".into(),
            plan_version: "abc123".into(),
            unit: Some("KP1".into()),
            period: Period::containing(PeriodKind::Month, day("2026-11-25")),
        };
        let pairs = identity.pairs();
        let back = Identity::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, Some(identity));
        assert_eq!(Identity::from_pairs([("layout", "1")]), None);
    }
}
