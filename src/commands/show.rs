//! `kehoach show IND`: one indicator: target, figures per unit and for the ward, verdict.

use serde::Serialize;

use crate::cli::ShowArgs;
use crate::commands::{as_of, find_indicator, Context};
use crate::output::i18n;
use crate::output::summaries::SummaryMessage;
use crate::output::{self, Format, Listing};
use crate::plan::compliance::{items, Item, Moment, Outcome, Records, Split};
use crate::plan::measure::{self, unit_status, Measurement, Reading, Status, Trend};
use crate::store::records::{current_measurements_of, recent_history};
use crate::store::summaries::{self, latest_values};
use crate::views::figures::{achieved_text, shown_reading};

#[derive(Serialize)]
struct ShowJson<'a> {
    code: &'a str,
    content: &'a str,
    text: &'a str,
    kind: &'static str,
    /// "level" or "flow".
    aggregation: &'static str,
    comparator: &'static str,
    target: f64,
    unit_of_measure: &'a str,
    deadline: chrono::NaiveDate,
    responsible: &'a [String],
    as_of: chrono::NaiveDate,
    baseline: Option<f64>,
    latest: Option<LatestJson<'a>>,
    achieved: Option<f64>,
    status: Status,
    trend: Trend,
    /// A flow's window (year to date), its figure, the same window of the baseline year and
    /// how that was made (`same_months`, `pro_rated`, `plan_figure`), and the months missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<&'a crate::plan::flow::FlowFigure>,
    units: Vec<UnitJson>,
    checkpoints: Vec<CheckpointJson>,
    /// The latest values and corrections (at most [`HISTORY_SHOWN`]), oldest first.
    history: Vec<Measurement>,
    /// How many older ones `history` leaves out (`kehoach history IND` lists them all).
    history_omitted: usize,
}

/// How many of an indicator's latest values `show` lists: a city's indicator holds tens of
/// thousands, which `history` lists.
const HISTORY_SHOWN: usize = 200;

#[derive(Serialize)]
struct LatestJson<'a> {
    value: f64,
    date: chrono::NaiveDate,
    unit: &'a str,
    numerator: Option<f64>,
    denominator: Option<f64>,
    method: measure::Aggregation,
}

#[derive(Serialize)]
struct UnitJson {
    unit: String,
    value: Option<f64>,
    date: Option<chrono::NaiveDate>,
    numerator: Option<f64>,
    denominator: Option<f64>,
    target: Option<f64>,
    status: Option<Status>,
}

#[derive(Serialize)]
struct CheckpointJson {
    date: chrono::NaiveDate,
    target: f64,
    #[serde(flatten)]
    outcome: Outcome,
}

/// Runs `show`.
pub fn run(context: &Context, args: ShowArgs) -> anyhow::Result<()> {
    let lang = context.lang;
    let (store, plan) = context.open_plan()?;
    let (content, indicator) = find_indicator(&plan, &args.indicator)?;
    let today = as_of(args.as_of.as_of);
    let ward = plan.ward().map(|u| u.code.as_str()).unwrap_or_default();
    // The ward's figure, the trend and the checkpoints from the kept summary, as the report
    // judges them; each unit's latest figure from the kept ones when the day is past the last
    // value (the usual case), else from the indicator's values up to that day.
    let summary = summaries::load_one(store.conn(), indicator)?;
    let mut standing = summary.standing_on(indicator, ward, today, indicator.target);
    let last_value = latest_values(store.conn(), &indicator.code)?;
    standing.units = match &standing.flow {
        // A flow's units are their sums over the window: from its periods.
        Some(flow) => {
            let current = current_measurements_of(store.conn(), &indicator.code)?;
            measure::window_units(&current, flow.from, today)
        }
        None if last_value.iter().all(|f| f.date <= today) => last_value,
        None => {
            let current = current_measurements_of(store.conn(), &indicator.code)?;
            measure::latest_per_unit(&current, today, false)
        }
    };
    let trend = measure::trend(&summary.series(indicator, ward, today));
    let (history, history_total) =
        recent_history(store.conn(), &indicator.code, today, HISTORY_SHOWN)?;
    let history_omitted = history_total.saturating_sub(history.len());

    // The checkpoints' and the deadline's outcomes come from the same rules as the report.
    let summaries = std::collections::HashMap::from([(indicator.code.clone(), summary)]);
    let no_events = std::collections::HashMap::new();
    let records = Records {
        summaries: &summaries,
        task_events: &no_events,
    };
    let targets: Vec<Item> = items(&plan, &records, Moment::During(today), Split::Ward)
        .into_iter()
        .filter(|i| i.code == indicator.code)
        .collect();

    // One row per responsible unit, per unit with a target share, and per unit that reported.
    let mut unit_codes: Vec<String> = indicator.responsible.clone();
    for code in indicator
        .unit_targets
        .iter()
        .map(|u| &u.unit)
        .chain(standing.units.iter().map(|f| &f.unit))
    {
        if !unit_codes.contains(code) {
            unit_codes.push(code.clone());
        }
    }
    let units: Vec<UnitJson> = unit_codes
        .iter()
        .map(|code| {
            let figure = standing.units.iter().find(|f| &f.unit == code);
            let target = indicator
                .unit_targets
                .iter()
                .find(|u| &u.unit == code)
                .map(|u| u.target);
            UnitJson {
                unit: code.clone(),
                value: figure.map(|f| f.value),
                date: figure.map(|f| f.date),
                numerator: figure.and_then(|f| f.numerator),
                denominator: figure.and_then(|f| f.denominator),
                target,
                status: target.map(|t| unit_status(indicator, figure, t)),
            }
        })
        .collect();

    if args.format.format == Format::Json {
        let json = ShowJson {
            code: &indicator.code,
            content: &content.code,
            text: &indicator.text,
            kind: indicator.kind.as_str(),
            aggregation: indicator.accumulation.as_str(),
            comparator: indicator.comparator.symbol(),
            target: indicator.target,
            unit_of_measure: &indicator.unit_of_measure,
            deadline: indicator.deadline,
            responsible: &indicator.responsible,
            as_of: today,
            baseline: standing.baseline,
            latest: standing.ward.as_ref().map(|w| LatestJson {
                value: w.value,
                date: w.date,
                unit: ward,
                numerator: w.numerator,
                denominator: w.denominator,
                method: w.method,
            }),
            achieved: standing.achieved,
            status: standing.status,
            trend,
            period: standing.flow.as_ref(),
            units,
            checkpoints: targets
                .iter()
                .map(|i| CheckpointJson {
                    date: i.due,
                    target: i.target.map_or(0.0, |t| t.1),
                    outcome: i.outcome,
                })
                .collect(),
            history,
            history_omitted,
        };
        return output::print(&output::json(&json));
    }

    let target_text = |target: f64| i18n::indicator_target(lang, indicator, target);
    let mut summary = Listing::new(&["", ""]);
    summary.title = Some(format!("{} — {}", indicator.code, indicator.text));
    let mut row = |label: (&str, &str), value: String| {
        summary.push(vec![lang.pick(label).to_string(), value])
    };
    row(
        i18n::CONTENT,
        format!("{} — {}", content.code, content.title),
    );
    row(i18n::TARGET, target_text(indicator.target));
    row(i18n::DEADLINE, lang.date(indicator.deadline));
    row(i18n::RESPONSIBLE, indicator.responsible.join(", "));
    if let Some(baseline) = &indicator.baseline {
        let value = standing
            .baseline
            .map(|b| lang.number(b))
            .unwrap_or_else(|| lang.pick(i18n::NONE).into());
        row(i18n::BASELINE, format!("{}: {value}", baseline.year));
    }
    let ward_value = match &standing.ward {
        Some(w) => format!(
            "{} ({})",
            shown_reading(
                lang,
                &Reading {
                    value: w.value,
                    numerator: w.numerator,
                    denominator: w.denominator
                },
                &indicator.unit_of_measure
            ),
            lang.date(w.date)
        ),
        None => lang.pick(i18n::NONE).to_string(),
    };
    row(i18n::WARD, ward_value);
    if let Some(flow) = &standing.flow {
        let shown = |value: f64| format!("{} {}", lang.number(value), indicator.unit_of_measure);
        row(
            i18n::SAME_PERIOD,
            crate::output::periods::comparison_text(lang, flow, shown),
        );
    }
    if let Some(achieved) = standing
        .achieved
        .filter(|_| indicator.kind.needs_baseline())
    {
        row(
            i18n::ACHIEVED,
            achieved_text(lang, indicator.kind, achieved, &indicator.unit_of_measure),
        );
    }
    row(
        i18n::STATUS,
        format!(
            "{} ({})",
            i18n::status(lang, standing.status),
            lang.date(today)
        ),
    );
    row(i18n::TREND, i18n::trend(lang, trend).to_string());
    let checkpoints = targets
        .iter()
        .map(|i| {
            format!(
                "{}: {} — {}",
                lang.date(i.due),
                target_text(i.target.map_or(0.0, |t| t.1)),
                i18n::outcome(lang, i.outcome)
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    row(i18n::CHECKPOINTS, checkpoints);

    let mut per_unit = Listing::new(&[
        lang.pick(i18n::UNIT),
        lang.pick(i18n::VALUE),
        lang.pick(i18n::DATE),
        lang.pick(i18n::TARGET),
        lang.pick(i18n::STATUS),
    ]);
    for unit in &units {
        let value = unit.value.map(|value| {
            shown_reading(
                lang,
                &Reading {
                    value,
                    numerator: unit.numerator,
                    denominator: unit.denominator,
                },
                &indicator.unit_of_measure,
            )
        });
        per_unit.push(vec![
            unit.unit.clone(),
            value.unwrap_or_else(|| "—".into()),
            unit.date.map(|d| lang.date(d)).unwrap_or_default(),
            unit.target.map(|t| lang.number(t)).unwrap_or_default(),
            unit.status
                .map(|s| i18n::status(lang, s).to_string())
                .unwrap_or_default(),
        ]);
    }
    let mut history_listing = crate::views::history::listing(lang, &plan, &history);
    if history_omitted > 0 {
        let code = indicator.code.clone();
        history_listing.title = Some(
            SummaryMessage::OlderValuesOmitted {
                code,
                shown: history.len(),
                omitted: history_omitted,
            }
            .render(lang),
        );
    }
    let format = args.format.format;
    // A CSV file holds one table: the figures per unit, which is what a spreadsheet wants.
    if format == Format::Csv {
        return output::print(&per_unit.render(format));
    }
    let text = [
        summary.render(format),
        per_unit.render(format),
        history_listing.render(format),
    ]
    .join("\n");
    output::print(&text)
}
