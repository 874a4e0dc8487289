//! `kehoach plan`: the plan as loaded: contents and phases, indicators, tasks, units.

use clap::CommandFactory;

use crate::cli::{Cli, PlanArgs, PlanPart};
use crate::commands::{as_of, find_content, Context};
use crate::output::clerk;
use crate::output::i18n::{self, Lang};
use crate::output::reports::PlanRef;
use crate::output::seed_toml::{self, SeedTomlMessage};
use crate::output::{self, Format, Listing};
use crate::plan::compliance::task_state;
use crate::plan::{Content, Plan};
use crate::store::records::task_events;

/// Runs `plan`.
pub fn run(context: &Context, args: PlanArgs) -> anyhow::Result<()> {
    let lang = context.lang;
    let Some(format) = args.format.listing() else {
        return seed(context, &args);
    };
    let (store, plan) = context.open_plan()?;
    let contents: Vec<&Content> = match &args.content {
        Some(code) => vec![find_content(&plan, code)?],
        None => plan.contents.iter().collect(),
    };
    if format == Format::Json {
        let events = task_events(store.conn())?;
        let today = as_of(args.as_of.as_of);
        let mut whole = serde_json::to_value(&plan)?;
        // Tasks carry their status as of the day; the domain task has none of its own.
        for content in whole["contents"].as_array_mut().into_iter().flatten() {
            for task in content["tasks"].as_array_mut().into_iter().flatten() {
                let code = task["code"].as_str().unwrap_or_default().to_string();
                let events = events.get(&code).map(Vec::as_slice).unwrap_or(&[]);
                task["status"] = task_state(events, today).0.as_str().into();
            }
        }
        if let Some(only) = &args.content {
            let only = find_content(&plan, only)?.code.clone();
            if let Some(list) = whole["contents"].as_array_mut() {
                list.retain(|c| c["code"] == only.as_str());
            }
        }
        let part = match args.part {
            None => whole,
            Some(PlanPart::Units) => whole["units"].take(),
            Some(part) => {
                let key = match part {
                    PlanPart::Indicators => "indicators",
                    PlanPart::Tasks => "tasks",
                    _ => "phases",
                };
                let mut items = Vec::new();
                for content in whole["contents"].as_array_mut().into_iter().flatten() {
                    let code = content["code"].clone();
                    for mut item in content[key]
                        .as_array_mut()
                        .map(std::mem::take)
                        .unwrap_or_default()
                    {
                        item["content"] = code.clone();
                        items.push(item);
                    }
                }
                items.into()
            }
        };
        return output::print(&output::json(&part));
    }
    let listing = match args.part {
        None => contents_listing(lang, &plan, &contents),
        Some(PlanPart::Phases) => phases_listing(lang, &contents),
        Some(PlanPart::Indicators) => indicators_listing(lang, &contents),
        Some(PlanPart::Tasks) => tasks_listing(lang, &contents),
        Some(PlanPart::Units) => units_listing(lang, &plan),
    };
    output::print(&listing.render(format))
}

/// `plan --format toml`: the whole plan as loaded, written as a seed that loads back to it.
fn seed(context: &Context, args: &PlanArgs) -> anyhow::Result<()> {
    if args.part.is_some() || args.content.is_some() {
        let message = SeedTomlMessage::WholePlanOnly.render(context.lang);
        Cli::command()
            .error(clap::error::ErrorKind::ArgumentConflict, message)
            .exit();
    }
    let (_store, plan) = context.open_plan()?;
    output::print(&seed_toml::write(&plan, context.lang))
}

fn heading(lang: Lang, plan: &Plan) -> String {
    format!(
        "{} — {}",
        PlanRef {
            number: plan.meta.number.clone(),
            date: plan.meta.date,
        }
        .render(lang),
        plan.meta.issuer
    )
}

fn contents_listing(lang: Lang, plan: &Plan, contents: &[&Content]) -> Listing {
    let mut listing = Listing::new(&[
        lang.pick(i18n::CODE),
        lang.pick(i18n::CONTENT),
        lang.pick(i18n::PHASES),
    ]);
    listing.title = Some(heading(lang, plan));
    let mut csv_headers: Vec<String> = [i18n::CODE, i18n::CONTENT, i18n::LEAD, clerk::KIND]
        .iter()
        .map(|h| lang.pick(*h).to_string())
        .collect();
    for number in 1..=5 {
        let short = format!("{} {number}", lang.pick(i18n::PHASE_SHORT));
        for part in [i18n::START, i18n::END, i18n::NAME] {
            csv_headers.push(format!("{short}: {}", lang.pick(part)));
        }
    }
    let mut csv_rows = Vec::new();
    for content in contents {
        let mut csv_row = vec![
            content.code.clone(),
            content.title.clone(),
            content.lead.clone(),
            i18n::content_kind(lang, content.kind).to_string(),
        ];
        for number in 1..=5 {
            let phase = content.phase(number);
            csv_row.push(phase.map(|p| lang.date(p.start)).unwrap_or_default());
            csv_row.push(phase.map(|p| lang.date(p.end)).unwrap_or_default());
            csv_row.push(phase.map(|p| p.name.clone()).unwrap_or_default());
        }
        csv_rows.push(csv_row);
        let phases = content
            .phases
            .iter()
            .map(|p| {
                format!(
                    "{}. {} – {}  {}",
                    p.number,
                    lang.date(p.start),
                    lang.date(p.end),
                    p.name
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        let title = format!(
            "{}\n({}: {}; {})",
            content.title,
            lang.pick(i18n::LEAD),
            content.lead,
            i18n::content_kind(lang, content.kind)
        );
        listing.push(vec![content.code.clone(), title, phases]);
    }
    listing.csv = Some((csv_headers, csv_rows));
    listing
}

fn phases_listing(lang: Lang, contents: &[&Content]) -> Listing {
    let mut listing = Listing::new(&[
        lang.pick(i18n::CONTENT),
        lang.pick(i18n::PHASE),
        lang.pick(i18n::START),
        lang.pick(i18n::END),
        lang.pick(i18n::NAME),
    ]);
    for content in contents {
        for phase in &content.phases {
            listing.push(vec![
                content.code.clone(),
                phase.number.to_string(),
                lang.date(phase.start),
                lang.date(phase.end),
                phase.name.clone(),
            ]);
        }
    }
    listing
}

fn indicators_listing(lang: Lang, contents: &[&Content]) -> Listing {
    let mut listing = Listing::new(&[
        lang.pick(i18n::CODE),
        lang.pick(i18n::INDICATOR),
        lang.pick(i18n::TARGET),
        lang.pick(i18n::DEADLINE),
        lang.pick(i18n::RESPONSIBLE),
    ]);
    let mut csv_rows = Vec::new();
    for content in contents {
        for indicator in &content.indicators {
            let checkpoints: Vec<String> = indicator
                .checkpoints
                .iter()
                .map(|c| format!("{}: {}", lang.date(c.date), lang.number(c.target)))
                .collect();
            let unit_targets: Vec<String> = indicator
                .unit_targets
                .iter()
                .map(|u| format!("{} {}", u.unit, lang.number(u.target)))
                .collect();
            csv_rows.push(vec![
                indicator.code.clone(),
                indicator.text.clone(),
                i18n::indicator_target(lang, indicator, indicator.target),
                lang.date(indicator.deadline),
                indicator.responsible.join(", "),
                checkpoints.join(", "),
                unit_targets.join(", "),
            ]);
            let mut target = i18n::indicator_target(lang, indicator, indicator.target);
            for checkpoint in &indicator.checkpoints {
                target.push_str(&format!(
                    "\n{}: {}",
                    lang.date(checkpoint.date),
                    lang.number(checkpoint.target)
                ));
            }
            if !indicator.unit_targets.is_empty() {
                let shares = indicator
                    .unit_targets
                    .iter()
                    .map(|u| format!("{} {}", u.unit, lang.number(u.target)))
                    .collect::<Vec<_>>()
                    .join(", ");
                target.push_str(&format!("\n({shares})"));
            }
            listing.push(vec![
                indicator.code.clone(),
                indicator.text.clone(),
                target,
                lang.date(indicator.deadline),
                indicator.responsible.join(", "),
            ]);
        }
    }
    let mut csv_headers = listing.headers.clone();
    csv_headers.extend([i18n::CHECKPOINTS, clerk::UNIT_TARGETS].map(|h| lang.pick(h).to_string()));
    listing.csv = Some((csv_headers, csv_rows));
    listing
}

fn tasks_listing(lang: Lang, contents: &[&Content]) -> Listing {
    let mut listing = Listing::new(&[
        lang.pick(i18n::CODE),
        lang.pick(i18n::PHASE),
        lang.pick(i18n::TEXT),
        lang.pick(i18n::LEAD),
        lang.pick(i18n::DEADLINE),
    ]);
    let mut csv_rows = Vec::new();
    for content in contents {
        for task in &content.tasks {
            csv_rows.push(vec![
                task.code.clone(),
                task.phase.to_string(),
                task.text.clone(),
                task.lead.clone(),
                task.cooperating.join(", "),
                lang.date(task.deadline),
            ]);
            let mut lead = task.lead.clone();
            if !task.cooperating.is_empty() {
                lead.push_str(&format!("\n+ {}", task.cooperating.join(", ")));
            }
            listing.push(vec![
                task.code.clone(),
                task.phase.to_string(),
                task.text.clone(),
                lead,
                lang.date(task.deadline),
            ]);
        }
    }
    let csv_headers = [
        i18n::CODE,
        i18n::PHASE,
        i18n::TEXT,
        i18n::LEAD,
        clerk::COOPERATING,
        i18n::DEADLINE,
    ];
    let csv_headers = csv_headers.iter().map(|h| lang.pick(*h).to_string());
    listing.csv = Some((csv_headers.collect(), csv_rows));
    listing
}

fn units_listing(lang: Lang, plan: &Plan) -> Listing {
    let mut listing = Listing::new(&[
        lang.pick(i18n::CODE),
        lang.pick(i18n::NAME),
        lang.pick(i18n::PARENT),
    ]);
    for unit in &plan.units {
        listing.push(vec![
            unit.code.clone(),
            unit.name.clone(),
            unit.parent.clone().unwrap_or_default(),
        ]);
    }
    listing
}
