//! Reading a seed (TOML) into a [`Plan`], with every problem placed at its line and column.

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use crate::plan::validate::{self, Locator};
use crate::plan::{
    Accumulation, Baseline, BaselineAgainst, Checkpoint, Comparator, Content, ContentKind,
    Indicator, IndicatorKind, Phase, Plan, PlanMeta, ReportSettings, Task, Unit, UnitTarget,
};

/// The seed of Kế hoạch 118/KH-UBND, built into the program.
pub const DEFAULT_SEED: &str = include_str!("../../seeds/118-KH-UBND.toml");
/// The name the embedded seed goes by in messages.
pub const DEFAULT_SEED_NAME: &str = "118-KH-UBND.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedFile {
    plan: Spanned<SeedPlan>,
    report: Option<Spanned<SeedReport>>,
    units: Spanned<Vec<SeedUnit>>,
    contents: Vec<SeedContent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedPlan {
    number: Spanned<String>,
    #[serde(deserialize_with = "date")]
    date: NaiveDate,
    issuer: String,
    issuer_parent: Option<String>,
    place: Option<String>,
    title: String,
    start: Spanned<SeedDate>,
    end: Spanned<SeedDate>,
    signer_title: Option<String>,
    signer_name: Option<String>,
    #[serde(default)]
    recipients: Vec<String>,
    /// The ward's official code for the city's export (optional).
    ward_code: Option<Spanned<String>>,
}

/// `[report]`: how the periodic report is addressed and signed (all optional).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedReport {
    recipients: Option<Spanned<Vec<String>>>,
    authority: Option<Spanned<String>>,
    signs_for: Option<Spanned<String>>,
    signer_title: Option<Spanned<String>>,
    signer_name: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedUnit {
    code: Spanned<String>,
    name: String,
    parent: Option<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedContent {
    code: Spanned<String>,
    kind: Spanned<String>,
    title: String,
    lead: Spanned<String>,
    #[serde(default)]
    objectives: Vec<String>,
    #[serde(default)]
    phases: Vec<SeedPhase>,
    #[serde(default)]
    indicators: Vec<SeedIndicator>,
    #[serde(default)]
    tasks: Vec<SeedTask>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedPhase {
    number: Spanned<u8>,
    name: String,
    start: Spanned<SeedDate>,
    end: Spanned<SeedDate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedIndicator {
    code: Spanned<String>,
    text: String,
    kind: Spanned<String>,
    /// "level" or "flow"; the kind's default when absent.
    aggregation: Option<Spanned<String>>,
    comparator: Spanned<String>,
    target: Spanned<f64>,
    unit_of_measure: String,
    deadline: Spanned<SeedDate>,
    responsible: Spanned<Vec<String>>,
    baseline: Option<SeedBaseline>,
    checkpoints: Option<Spanned<Vec<SeedCheckpoint>>>,
    unit_targets: Option<Spanned<Vec<SeedUnitTarget>>>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedBaseline {
    year: i32,
    value: Option<f64>,
    /// "year" (the default), "previous_year" or "plan".
    against: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedCheckpoint {
    #[serde(deserialize_with = "date")]
    date: NaiveDate,
    target: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedUnitTarget {
    unit: String,
    target: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedTask {
    code: Spanned<String>,
    phase: Spanned<u8>,
    text: String,
    lead: Spanned<String>,
    cooperating: Option<Spanned<Vec<String>>>,
    output: Option<String>,
    deadline: Option<Spanned<SeedDate>>,
}

/// A date written as a TOML date (2026-05-31) or as text ("31/05/2026").
struct SeedDate(NaiveDate);

impl<'de> Deserialize<'de> for SeedDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        date(deserializer).map(SeedDate)
    }
}

fn date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    use serde::de::Error;
    let text = match toml::Value::deserialize(deserializer)? {
        toml::Value::Datetime(datetime) => datetime.to_string(),
        toml::Value::String(text) => text,
        other => {
            return Err(D::Error::custom(format!(
                "expected a date (2026-05-31 or \"31/05/2026\"), found {}",
                other.type_str()
            )))
        }
    };
    crate::input::date::parse_date(&text)
        .map_err(|_| D::Error::custom("not a date: write it 2026-05-30"))
}

/// Where each item and field of the plan stands in the seed text, for error positions.
#[derive(Default)]
struct Spans(HashMap<Locator, Range<usize>>);

impl Spans {
    fn put(&mut self, at: Locator, span: Range<usize>) {
        self.0.insert(at, span);
    }

    /// The span of `at`, else of the item's code, else of nothing.
    fn find(&self, at: &Locator) -> Option<Range<usize>> {
        let code_of = |at: &Locator| match at {
            Locator::Plan(_) => Locator::Plan("table"),
            Locator::Report(_) => Locator::Report("table"),
            Locator::Unit(code, _) => Locator::Unit(code.clone(), "code"),
            Locator::Content(code, _) | Locator::Phase(code, _, _) => {
                Locator::Content(code.clone(), "code")
            }
            Locator::Indicator(code, _) => Locator::Indicator(code.clone(), "code"),
            Locator::Task(code, _) => Locator::Task(code.clone(), "code"),
        };
        self.0.get(at).or_else(|| self.0.get(&code_of(at))).cloned()
    }
}

/// The 1-based line and column of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Reads and checks a seed; `file` names it in messages.
///
/// Every problem found is reported at once, each with its line and column (exit code 3).
pub fn parse_seed(text: &str, file: &str) -> Result<Plan, SeedError> {
    let text = crate::input::text::nfc(text);
    let place = |span: Option<Range<usize>>| span.map(|span| line_column(&text, span.start));
    let seed: SeedFile = toml::from_str(&text).map_err(|e| SeedError {
        file: file.to_string(),
        // The reader's message may quote a value: a few hundred characters of it at most.
        problems: vec![SeedProblem {
            at: place(e.span()),
            what: SeedProblemKind::Toml(crate::input::text::clip(e.message(), 300)),
        }],
    })?;
    let mut spans = Spans::default();
    let mut problems: Vec<SeedProblem> = Vec::new();
    let plan = convert(seed, &mut spans, &mut |span, what| {
        problems.push(SeedProblem {
            at: place(Some(span)),
            what,
        });
    });
    for problem in validate::validate(&plan) {
        problems.push(SeedProblem {
            at: place(spans.find(&problem.at)),
            what: SeedProblemKind::Breach(problem.breach),
        });
    }
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(SeedError {
            file: file.to_string(),
            problems,
        })
    }
}

/// A seed that could not be loaded: every problem found, each at its line and column.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedError {
    pub file: String,
    pub problems: Vec<SeedProblem>,
}

/// One problem of a seed and where it is (line and column, 1-based), if known.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedProblem {
    pub at: Option<(usize, usize)>,
    pub what: SeedProblemKind,
}

/// What is wrong in a seed; `commands::init` says it in words (`output::seed_messages`).
#[derive(Debug, Clone, PartialEq)]
pub enum SeedProblemKind {
    /// Not TOML, or not of the seed's shape (the TOML reader's own message).
    Toml(String),
    ContentKind(String),
    IndicatorKind {
        name: String,
        known: String,
    },
    Comparator(String),
    Aggregation(String),
    BaselineAgainst(String),
    /// A `ward_code` that is not a plain ASCII code.
    WardCode(String),
    /// A reduction or growth indicator without `baseline = { year = … }`.
    BaselineNeeded(&'static str),
    /// A rule of the plan broken (duplicate codes, unknown units, dates out of order, …).
    Breach(validate::Breach),
}

/// The seed's `[report]`, each field's place noted for the validation's messages.
fn report_settings(report: Spanned<SeedReport>, spans: &mut Spans) -> ReportSettings {
    spans.put(Locator::Report("table"), report.span());
    let report = report.into_inner();
    let mut field = |name: &'static str, value: Option<Spanned<String>>| {
        value.map(|v| {
            spans.put(Locator::Report(name), v.span());
            v.into_inner()
        })
    };
    let authority = field("authority", report.authority);
    let signs_for = field("signs_for", report.signs_for);
    let signer_title = field("signer_title", report.signer_title);
    let signer_name = field("signer_name", report.signer_name);
    let recipients = report.recipients.map(|r| {
        spans.put(Locator::Report("recipients"), r.span());
        r.into_inner()
    });
    ReportSettings {
        recipients,
        authority,
        signs_for,
        signer_title,
        signer_name,
    }
}

/// Turns the seed's records into the domain plan, reporting kinds and comparators it
/// does not know; the domain validation does the rest.
fn convert(
    seed: SeedFile,
    spans: &mut Spans,
    problem: &mut dyn FnMut(Range<usize>, SeedProblemKind),
) -> Plan {
    spans.put(Locator::Plan("table"), seed.plan.span());
    spans.put(Locator::Plan("units"), seed.units.span());
    let plan = seed.plan.into_inner();
    let ward_code = plan.ward_code.map(|code| {
        if !crate::plan::is_ward_code(code.get_ref()) {
            problem(
                code.span(),
                SeedProblemKind::WardCode(code.get_ref().clone()),
            );
        }
        code.into_inner()
    });
    spans.put(Locator::Plan("number"), plan.number.span());
    spans.put(Locator::Plan("start"), plan.start.span());
    spans.put(Locator::Plan("end"), plan.end.span());
    let meta = PlanMeta {
        number: plan.number.into_inner(),
        date: plan.date,
        issuer: plan.issuer,
        issuer_parent: plan.issuer_parent,
        place: plan.place,
        title: plan.title,
        start: plan.start.get_ref().0,
        end: plan.end.get_ref().0,
        signer_title: plan.signer_title,
        signer_name: plan.signer_name,
        recipients: plan.recipients,
        report: seed
            .report
            .map(|report| report_settings(report, spans))
            .unwrap_or_default(),
        ward_code,
    };
    let units = seed
        .units
        .into_inner()
        .into_iter()
        .map(|u| {
            let code = u.code.get_ref().clone();
            spans.put(Locator::Unit(code.clone(), "code"), u.code.span());
            if let Some(parent) = &u.parent {
                spans.put(Locator::Unit(code.clone(), "parent"), parent.span());
            }
            Unit {
                code,
                name: u.name,
                parent: u.parent.map(Spanned::into_inner),
                aliases: u.aliases,
            }
        })
        .collect();
    let plan_end = meta.end;
    let contents = seed
        .contents
        .into_iter()
        .map(|c| convert_content(c, plan_end, spans, problem))
        .collect();
    Plan {
        meta,
        units,
        contents,
        index: Default::default(),
    }
}

fn convert_content(
    c: SeedContent,
    plan_end: NaiveDate,
    spans: &mut Spans,
    problem: &mut dyn FnMut(Range<usize>, SeedProblemKind),
) -> Content {
    let code = c.code.get_ref().clone();
    spans.put(Locator::Content(code.clone(), "code"), c.code.span());
    spans.put(Locator::Content(code.clone(), "lead"), c.lead.span());
    let kind = match c.kind.get_ref().as_str() {
        "focal" => ContentKind::Focal,
        "further" => ContentKind::Further,
        other => {
            problem(
                c.kind.span(),
                SeedProblemKind::ContentKind(other.to_string()),
            );
            ContentKind::Further
        }
    };
    let phases: Vec<Phase> = c
        .phases
        .into_iter()
        .map(|p| {
            let number = *p.number.get_ref();
            spans.put(
                Locator::Phase(code.clone(), number, "number"),
                p.number.span(),
            );
            spans.put(
                Locator::Phase(code.clone(), number, "start"),
                p.start.span(),
            );
            spans.put(Locator::Phase(code.clone(), number, "end"), p.end.span());
            Phase {
                number,
                name: p.name,
                start: p.start.get_ref().0,
                end: p.end.get_ref().0,
            }
        })
        .collect();
    let indicators = c
        .indicators
        .into_iter()
        .map(|i| convert_indicator(i, spans, problem))
        .collect();
    let tasks = c
        .tasks
        .into_iter()
        .map(|t| {
            let task = t.code.get_ref().clone();
            let at = |field| Locator::Task(task.clone(), field);
            spans.put(at("code"), t.code.span());
            spans.put(at("phase"), t.phase.span());
            spans.put(at("lead"), t.lead.span());
            if let Some(cooperating) = &t.cooperating {
                spans.put(at("cooperating"), cooperating.span());
            }
            let phase = *t.phase.get_ref();
            // A task without a deadline is due when its phase ends (a missing phase is
            // reported on its own; the plan's end keeps this task from a second error).
            let deadline = match &t.deadline {
                Some(deadline) => {
                    spans.put(at("deadline"), deadline.span());
                    deadline.get_ref().0
                }
                None => phases
                    .iter()
                    .find(|p| p.number == phase)
                    .map_or(plan_end, |p| p.end),
            };
            Task {
                code: task,
                phase,
                text: t.text,
                lead: t.lead.into_inner(),
                cooperating: t.cooperating.map(Spanned::into_inner).unwrap_or_default(),
                output: t.output,
                deadline,
            }
        })
        .collect();
    Content {
        code,
        kind,
        title: c.title,
        lead: c.lead.into_inner(),
        objectives: c.objectives,
        phases,
        indicators,
        tasks,
    }
}

fn convert_indicator(
    i: SeedIndicator,
    spans: &mut Spans,
    problem: &mut dyn FnMut(Range<usize>, SeedProblemKind),
) -> Indicator {
    let code = i.code.get_ref().clone();
    let at = |field| Locator::Indicator(code.clone(), field);
    spans.put(at("code"), i.code.span());
    spans.put(at("target"), i.target.span());
    spans.put(at("deadline"), i.deadline.span());
    spans.put(at("responsible"), i.responsible.span());
    if let Some(checkpoints) = &i.checkpoints {
        spans.put(at("checkpoints"), checkpoints.span());
    }
    if let Some(unit_targets) = &i.unit_targets {
        spans.put(at("unit_targets"), unit_targets.span());
    }
    let kind = IndicatorKind::parse(i.kind.get_ref()).unwrap_or_else(|| {
        let name = i.kind.get_ref();
        let known = IndicatorKind::ALL.map(IndicatorKind::as_str).join(", ");
        problem(
            i.kind.span(),
            SeedProblemKind::IndicatorKind {
                name: name.to_string(),
                known,
            },
        );
        IndicatorKind::Count
    });
    let comparator = Comparator::parse(i.comparator.get_ref()).unwrap_or_else(|| {
        let symbol = i.comparator.get_ref();
        problem(
            i.comparator.span(),
            SeedProblemKind::Comparator(symbol.to_string()),
        );
        Comparator::AtLeast
    });
    let accumulation = match &i.aggregation {
        None => Accumulation::default_for(kind),
        Some(name) => Accumulation::parse(name.get_ref()).unwrap_or_else(|| {
            problem(
                name.span(),
                SeedProblemKind::Aggregation(name.get_ref().to_string()),
            );
            Accumulation::default_for(kind)
        }),
    };
    let against = match i.baseline.as_ref().and_then(|b| b.against.as_deref()) {
        None => BaselineAgainst::Year,
        Some(name) => BaselineAgainst::parse(name).unwrap_or_else(|| {
            problem(
                i.kind.span(),
                SeedProblemKind::BaselineAgainst(name.to_string()),
            );
            BaselineAgainst::Year
        }),
    };
    if kind.needs_baseline() && i.baseline.is_none() {
        let kind_name = kind.as_str();
        problem(i.kind.span(), SeedProblemKind::BaselineNeeded(kind_name));
    }
    Indicator {
        code,
        text: i.text,
        kind,
        accumulation,
        comparator,
        target: *i.target.get_ref(),
        unit_of_measure: i.unit_of_measure,
        deadline: i.deadline.get_ref().0,
        responsible: i.responsible.into_inner(),
        baseline: i.baseline.map(|b| Baseline {
            year: b.year,
            value: b.value,
            against,
        }),
        checkpoints: i
            .checkpoints
            .map(Spanned::into_inner)
            .unwrap_or_default()
            .into_iter()
            .map(|c| Checkpoint {
                date: c.date,
                target: c.target,
            })
            .collect(),
        unit_targets: i
            .unit_targets
            .map(Spanned::into_inner)
            .unwrap_or_default()
            .into_iter()
            .map(|u| UnitTarget {
                unit: u.unit,
                target: u.target,
            })
            .collect(),
        note: i.note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each plan-level place is its own key's (the number's was once the end's), and one
    /// without a key of its own is the `[plan]` table.
    #[test]
    fn plan_level_problems_point_at_their_own_key() {
        let text = include_str!("../../fixtures/seeds/ward.toml");
        let seed: SeedFile = toml::from_str(text).unwrap();
        let mut spans = Spans::default();
        convert(seed, &mut spans, &mut |_, what| panic!("{what:?}"));
        let at = |key| {
            let span = spans.find(&Locator::Plan(key)).unwrap();
            let (line, column) = line_column(text, span.start);
            let found = text.lines().nth(line - 1).unwrap();
            (line, column, found.to_string())
        };
        assert_eq!(at("number"), (8, 10, "number = \"99/KH-TEST\"".into()));
        assert_eq!(at("start"), (13, 9, "start = 2026-01-01".into()));
        assert_eq!(at("end"), (14, 7, "end = 2026-12-31".into()));
        assert_eq!(at("units"), (16, 1, "[[units]]".into()));
        assert_eq!(at("title"), (7, 1, "[plan]".into()));
    }
}
