//! The domain: Kế hoạch 118/KH-UBND as plain data, and the rules that judge it.
//!
//! Nothing here knows about SQLite, files or terminals: the store fills these types, the
//! commands hand them to the rules, the output module renders what the rules return.

pub mod codes;
pub mod compliance;
pub mod flow;
pub mod forecast;
pub mod measure;
pub mod measurement;
pub mod period;
pub mod summary;
pub mod template;
pub mod validate;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use codes::upper_case;

/// The whole plan: its identity, the units it names, and its contents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    #[serde(rename = "plan")]
    pub meta: PlanMeta,
    pub units: Vec<Unit>,
    pub contents: Vec<Content>,
    /// Codes to positions, built on first use: an import looks up a unit on every row.
    #[serde(skip)]
    pub index: CodeIndex,
}

/// Where each unit and indicator code is in the plan, by its upper-case code.
#[derive(Debug, Clone, Default)]
pub struct CodeIndex(std::sync::OnceLock<CodePositions>);

#[derive(Debug, Clone, Default)]
pub struct CodePositions {
    units: rustc_hash::FxHashMap<String, usize>,
    /// (content, indicator) positions.
    indicators: rustc_hash::FxHashMap<String, (usize, usize)>,
}

/// The index is made from the plan itself, so two plans equal in all else are equal.
impl PartialEq for CodeIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The plan's identity and span, and the blocks an official report needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanMeta {
    pub number: String,
    pub date: NaiveDate,
    pub issuer: String,
    pub issuer_parent: Option<String>,
    pub place: Option<String>,
    pub title: String,
    /// First day anything may be due or measured.
    pub start: NaiveDate,
    /// Last day anything may be due or measured.
    pub end: NaiveDate,
    pub signer_title: Option<String>,
    pub signer_name: Option<String>,
    pub recipients: Vec<String>,
    /// How the periodic report is addressed and signed, where it differs from the plan.
    pub report: ReportSettings,
    /// The ward's official code (mã đơn vị hành chính), naming its partition in the city's
    /// export; left out of the JSON when absent, so older plans keep their fingerprint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ward_code: Option<String>,
}

/// Whether `code` can name a ward in the city's export (`ward=<code>` folders, SQL values):
/// 1 to 32 ASCII letters, digits, `_` or `-`, starting with a letter or digit.
pub fn is_ward_code(code: &str) -> bool {
    (1..=32).contains(&code.len())
        && code.starts_with(|c: char| c.is_ascii_alphanumeric())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// The seed's optional `[report]`: the periodic report (báo cáo định kỳ) goes to other
/// recipients than the plan, and may be signed by a deputy. Every field falls back to the plan's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportSettings {
    /// Nơi nhận of the report; `None`: the plan's recipients.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipients: Option<Vec<String>>,
    /// The collective the signer signs for ("TM. ỦY BAN NHÂN DÂN", the default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    /// When a deputy signs: whom for ("KT. CHỦ TỊCH").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signs_for: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer_title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer_name: Option<String>,
}

/// A responsible unit: the ward, a department, Công an phường, a khu phố.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    pub code: String,
    pub name: String,
    /// The unit this one rolls up to; `None` only for the ward itself.
    pub parent: Option<String>,
    pub aliases: Vec<String>,
}

/// Whether a content is one of the three focal contents or one of the four further tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ContentKind {
    Focal,
    Further,
}

/// One content of the plan (TT1..TT3, NV1..NV4) with its own phases, indicators and tasks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Content {
    pub code: String,
    pub kind: ContentKind,
    pub title: String,
    pub lead: String,
    pub objectives: Vec<String>,
    pub phases: Vec<Phase>,
    pub indicators: Vec<Indicator>,
    pub tasks: Vec<Task>,
}

/// A giai đoạn of one content; both ends inclusive, as the plan words them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Phase {
    pub number: u8,
    pub name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Phase {
    /// Whether `day` falls in this phase, ends included.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }
}

/// How an indicator's values are read and added up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IndicatorKind {
    /// A rate 0-100, possibly recorded as numerator/denominator.
    Percent,
    /// A count or amount; the ward figure is the sum over units.
    Count,
    /// A count judged by its fall against a baseline, in percent.
    Reduction,
    /// An amount judged by its rise over a baseline, in percent.
    Growth,
}

impl IndicatorKind {
    /// All kinds, for parsing and messages.
    pub const ALL: [IndicatorKind; 4] = [Self::Percent, Self::Count, Self::Reduction, Self::Growth];

    /// The seed's and the database's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Percent => "percent",
            Self::Count => "count",
            Self::Reduction => "reduction",
            Self::Growth => "growth",
        }
    }

    /// The kind named `name`, if any.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }

    /// Whether the target is met by a change against a baseline rather than the value itself.
    pub fn needs_baseline(self) -> bool {
        matches!(self, Self::Reduction | Self::Growth)
    }
}

/// Whether an indicator's values describe a moment or add up over time (DHIS2's
/// aggregation type: "average/last value" against "sum").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Accumulation {
    /// A rate or state at a moment ("90% hồ sơ trực tuyến"): the latest value counts.
    Level,
    /// A count or amount over a period (violations, crimes, revenue): each value covers a
    /// month, a quarter, a year or dates, and a window's figure is their sum.
    Flow,
}

impl Accumulation {
    /// The seed's and the database's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Level => "level",
            Self::Flow => "flow",
        }
    }

    /// The accumulation named `name`, if any.
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Level, Self::Flow]
            .into_iter()
            .find(|a| a.as_str() == name)
    }

    /// What a kind is when the seed does not say: reductions and growth compare what
    /// happened over a period with the same period before, so they are flows.
    pub fn default_for(kind: IndicatorKind) -> Self {
        if kind.needs_baseline() {
            Self::Flow
        } else {
            Self::Level
        }
    }
}

/// What a baseline's year and figure stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BaselineAgainst {
    /// A fixed past year ("so với năm 2025"): a window is compared with the same months of it.
    Year,
    /// The year before the window's ("so với năm trước", "cùng kỳ năm trước").
    PreviousYear,
    /// A plan figure for the year ("so với dự toán", "chỉ tiêu kế hoạch năm"): the window's
    /// total is compared with the whole figure, never a share of it.
    Plan,
}

impl BaselineAgainst {
    /// The seed's and the database's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::PreviousYear => "previous_year",
            Self::Plan => "plan",
        }
    }

    /// The meaning named `name`, if any.
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Year, Self::PreviousYear, Self::Plan]
            .into_iter()
            .find(|a| a.as_str() == name)
    }
}

/// How an achieved figure is compared with a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Comparator {
    #[serde(rename = ">=")]
    AtLeast,
    #[serde(rename = ">")]
    MoreThan,
    #[serde(rename = "<=")]
    AtMost,
    #[serde(rename = "<")]
    LessThan,
    #[serde(rename = "=")]
    Exactly,
}

impl Comparator {
    /// All comparators, for parsing and messages.
    pub const ALL: [Comparator; 5] = [
        Self::AtLeast,
        Self::MoreThan,
        Self::AtMost,
        Self::LessThan,
        Self::Exactly,
    ];

    /// The symbol used in seeds, the database and JSON.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::AtLeast => ">=",
            Self::MoreThan => ">",
            Self::AtMost => "<=",
            Self::LessThan => "<",
            Self::Exactly => "=",
        }
    }

    /// The comparator written `symbol` (`≥` and `≤` accepted too).
    pub fn parse(symbol: &str) -> Option<Self> {
        let symbol = match symbol.trim() {
            "≥" => ">=",
            "≤" => "<=",
            other => other,
        };
        Self::ALL.into_iter().find(|c| c.symbol() == symbol)
    }

    /// Whether `achieved` satisfies `target` under this comparator.
    ///
    /// Figures are compared at a hundredth: 89.999 computed from 412/457.8 is not a miss of 90.
    pub fn holds(self, achieved: f64, target: f64) -> bool {
        const EPSILON: f64 = 0.005;
        match self {
            Self::AtLeast => achieved >= target - EPSILON,
            Self::MoreThan => achieved > target + EPSILON,
            Self::AtMost => achieved <= target + EPSILON,
            Self::LessThan => achieved < target - EPSILON,
            Self::Exactly => (achieved - target).abs() <= EPSILON,
        }
    }
}

/// A past figure that a reduction or growth indicator is judged against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Baseline {
    pub year: i32,
    /// Unknown until recorded (`record IND VALUE --baseline`).
    pub value: Option<f64>,
    pub against: BaselineAgainst,
}

impl Baseline {
    /// The year a window of `year` is compared with.
    pub fn year_for(&self, year: i32) -> i32 {
        match self.against {
            BaselineAgainst::Year => self.year,
            BaselineAgainst::PreviousYear => year - 1,
            BaselineAgainst::Plan => year,
        }
    }
}

/// An intermediate date with its own target ("95% by 30/11").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checkpoint {
    pub date: NaiveDate,
    pub target: f64,
}

/// A unit's own share of an indicator's target ("3/2/3/2 by unit").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitTarget {
    pub unit: String,
    pub target: f64,
}

/// A chỉ tiêu: a quantified target with its deadline and responsible units.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    pub code: String,
    pub text: String,
    pub kind: IndicatorKind,
    pub accumulation: Accumulation,
    pub comparator: Comparator,
    pub target: f64,
    pub unit_of_measure: String,
    pub deadline: NaiveDate,
    /// Responsible units, the lead first.
    pub responsible: Vec<String>,
    pub baseline: Option<Baseline>,
    pub checkpoints: Vec<Checkpoint>,
    pub unit_targets: Vec<UnitTarget>,
    pub note: Option<String>,
}

impl Indicator {
    /// The unit answerable for the indicator.
    pub fn lead(&self) -> &str {
        self.responsible.first().map(String::as_str).unwrap_or("")
    }
}

/// An activity of a phase, with the "6 rõ": who leads, with whom, what output, by when.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Task {
    pub code: String,
    pub phase: u8,
    pub text: String,
    pub lead: String,
    pub cooperating: Vec<String>,
    pub output: Option<String>,
    pub deadline: NaiveDate,
}

impl Plan {
    /// The content with `code`.
    pub fn content(&self, code: &str) -> Option<&Content> {
        self.contents.iter().find(|c| c.code == code)
    }

    /// The ward: the one unit without a parent.
    pub fn ward(&self) -> Option<&Unit> {
        self.units.iter().find(|u| u.parent.is_none())
    }

    /// Every indicator with the content it belongs to.
    pub fn indicators(&self) -> impl Iterator<Item = (&Content, &Indicator)> {
        self.contents
            .iter()
            .flat_map(|c| c.indicators.iter().map(move |i| (c, i)))
    }

    /// Every task with the content it belongs to.
    pub fn tasks(&self) -> impl Iterator<Item = (&Content, &Task)> {
        self.contents
            .iter()
            .flat_map(|c| c.tasks.iter().map(move |t| (c, t)))
    }

    /// The indicator with `code`, and its content.
    fn positions(&self) -> &CodePositions {
        self.index.0.get_or_init(|| CodePositions {
            units: self
                .units
                .iter()
                .enumerate()
                .map(|(i, u)| (u.code.to_uppercase(), i))
                .collect(),
            indicators: self
                .contents
                .iter()
                .enumerate()
                .flat_map(|(c, content)| {
                    content
                        .indicators
                        .iter()
                        .enumerate()
                        .map(move |(i, indicator)| (indicator.code.to_uppercase(), (c, i)))
                })
                .collect(),
        })
    }

    /// The unit whose code is `code`, in any case.
    pub fn unit_by_code(&self, code: &str) -> Option<&Unit> {
        let position = *self.positions().units.get(&*upper_case(code))?;
        self.units.get(position)
    }

    /// The indicator whose code is `code`, in any case, and its content.
    pub fn indicator_by_code(&self, code: &str) -> Option<(&Content, &Indicator)> {
        let (c, i) = *self.positions().indicators.get(&*upper_case(code))?;
        let content = self.contents.get(c)?;
        Some((content, content.indicators.get(i)?))
    }

    pub fn indicator(&self, code: &str) -> Option<(&Content, &Indicator)> {
        self.indicators().find(|(_, i)| i.code == code)
    }

    /// The task with `code`, and its content.
    pub fn task(&self, code: &str) -> Option<(&Content, &Task)> {
        self.tasks().find(|(_, t)| t.code == code)
    }

    /// The unit with `code`.
    pub fn unit(&self, code: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.code == code)
    }
}

impl Content {
    /// This content's phase `number`.
    pub fn phase(&self, number: u8) -> Option<&Phase> {
        self.phases.iter().find(|p| p.number == number)
    }

    /// The phase of this content that holds `day`, if any.
    pub fn phase_on(&self, day: NaiveDate) -> Option<&Phase> {
        self.phases.iter().find(|p| p.contains(day))
    }
}
