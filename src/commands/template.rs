//! `kehoach template`: the sheet each unit fills and sends back, read again by `import`.

use std::path::{Path, PathBuf};

use crate::cli::{TemplateArgs, TemplatePeriod};
use crate::commands::{as_of, content_filter, find_unit, Context};
use crate::error::rejected;
use crate::files::write_whole;
use crate::output;
use crate::output::i18n;
use crate::output::problems::Message;
use crate::output::template::{self as render, Template};
use crate::output::template_text::TemplateText;
use crate::plan::compliance::{task_state, TaskStatus};
use crate::plan::template::{
    indicator_lines, task_lines, units_with_work, Identity, Period, PeriodKind, TEMPLATE_LAYOUT,
};
use crate::plan::{Plan, Task};
use crate::store::plan::fingerprint;
use crate::store::records::task_events;

/// Which units' templates to make.
enum Scope<'p> {
    /// One template holding every unit's rows.
    Everyone,
    /// One template per unit with something to fill.
    EachUnit,
    One(&'p str),
}

/// Where the templates go.
enum Destination {
    Stdout,
    Csv(PathBuf),
    Xlsx(PathBuf),
    Directory(PathBuf),
}

/// Runs `template`.
pub fn run(context: &Context, args: TemplateArgs) -> anyhow::Result<()> {
    let lang = context.lang;
    let (store, plan) = context.open_plan()?;
    let today = as_of(args.as_of.as_of);
    let kind = match args.period {
        TemplatePeriod::Week => PeriodKind::Week,
        TemplatePeriod::Month => PeriodKind::Month,
    };
    // The last whole period before the day the template is made, as for `baocao`: its figures
    // are as of a day already past, so a sheet filled and sent back the same day imports.
    let period = Period::before(kind, today);
    if period.end < plan.meta.start {
        return Err(rejected(
            crate::output::clerk::Clerk::TemplateBeforePlan {
                period,
                start: plan.meta.start,
            }
            .localized(),
        ));
    }
    let content = content_filter(&plan, args.content.as_deref())?.map(|c| c.code.as_str());
    let scope = match args.unit.as_deref() {
        None => Scope::Everyone,
        Some(all) if all.trim().eq_ignore_ascii_case("all") => Scope::EachUnit,
        Some(unit) => Scope::One(find_unit(&plan, unit)?.code.as_str()),
    };
    let destination = destination(args.out.as_deref(), &scope)?;
    let plan_version = fingerprint(store.conn())?.unwrap_or_default();
    let events = task_events(store.conn())?;
    let status_of = |task: &Task| -> TaskStatus {
        task_state(events.get(&task.code).map_or(&[], Vec::as_slice), today).0
    };
    let make = |unit: Option<&str>| Template {
        plan: &plan,
        identity: Identity {
            layout: TEMPLATE_LAYOUT,
            plan_number: plan.meta.number.clone(),
            plan_version: plan_version.clone(),
            unit: unit.map(str::to_string),
            period,
        },
        unit_name: unit_name(&plan, unit),
        made: today,
        indicators: indicator_lines(&plan, unit, content),
        tasks: task_lines(&plan, unit, content, &period, status_of),
    };
    let units: Vec<Option<&str>> = match scope {
        Scope::Everyone => vec![None],
        Scope::One(unit) => vec![Some(unit)],
        Scope::EachUnit => units_with_work(&plan, content, &period, status_of)
            .into_iter()
            .map(Some)
            .collect(),
    };
    let mut written = Vec::new();
    for unit in &units {
        let template = make(*unit);
        if template.indicators.is_empty() && template.tasks.is_empty() {
            let unit = unit.unwrap_or_default().to_string();
            return Err(rejected(TemplateText::UnitWithoutWork { unit }.into()));
        }
        let shown = unit.unwrap_or(&template.unit_name).to_string();
        let counts = (template.indicators.len(), template.tasks.len());
        match &destination {
            Destination::Stdout => {
                let (indicators, _) = render::csv(lang, &template)?;
                return output::print(&String::from_utf8_lossy(&indicators));
            }
            Destination::Csv(path) => {
                let (indicators, tasks) = render::csv(lang, &template)?;
                write_whole(path, &indicators)?;
                written.push(wrote(&path.display(), &shown, counts.0, 0));
                if let Some(tasks) = tasks {
                    let tasks_path = sibling(path, lang.pick(i18n::TEMPLATE_TASKS_SUFFIX));
                    write_whole(&tasks_path, &tasks)?;
                    written.push(wrote(&tasks_path.display(), &shown, 0, counts.1));
                }
            }
            Destination::Xlsx(path) => {
                write_whole(path, &render::xlsx(lang, &template)?)?;
                written.push(wrote(&path.display(), &shown, counts.0, counts.1));
            }
            Destination::Directory(dir) => {
                std::fs::create_dir_all(dir).map_err(|e| {
                    let (path, error) = (dir.display().to_string(), e.to_string());
                    rejected(Message::FileUnwritable { path, error }.into())
                })?;
                let name = format!("mau-bieu-{}-{}.xlsx", unit.unwrap_or("all"), period.label());
                let path = dir.join(name);
                write_whole(&path, &render::xlsx(lang, &template)?)?;
                written.push(wrote(&path.display(), &shown, counts.0, counts.1));
            }
        }
    }
    let mut lines: Vec<String> = written.iter().map(|w| w.render(lang)).collect();
    if matches!(scope, Scope::EachUnit) {
        let idle: Vec<&str> = plan
            .units
            .iter()
            .map(|u| u.code.as_str())
            .filter(|code| !units.contains(&Some(code)))
            .collect();
        if !idle.is_empty() {
            lines.push(
                TemplateText::UnitsWithoutWork {
                    units: idle.join(", "),
                }
                .render(lang),
            );
        }
    }
    output::print(&(lines.join("\n") + "\n"))
}

/// Where `--out` sends the templates: a directory when it ends in `/` or is one.
fn destination(out: Option<&Path>, scope: &Scope) -> anyhow::Result<Destination> {
    let Some(out) = out else {
        return match scope {
            Scope::EachUnit => Err(out_unknown("-".into())),
            _ => Ok(Destination::Stdout),
        };
    };
    let text = out.to_string_lossy();
    if text.ends_with('/') || text.ends_with('\\') || out.is_dir() {
        return Ok(Destination::Directory(out.to_path_buf()));
    }
    let extension = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match (extension.as_deref(), scope) {
        (_, Scope::EachUnit) => Err(out_unknown(out.display().to_string())),
        (Some("xlsx"), _) => Ok(Destination::Xlsx(out.to_path_buf())),
        (Some("csv"), _) => Ok(Destination::Csv(out.to_path_buf())),
        _ => Err(out_unknown(out.display().to_string())),
    }
}

/// What `template` wrote, to tell the clerk.
fn wrote(
    path: &dyn std::fmt::Display,
    unit: &str,
    indicators: usize,
    tasks: usize,
) -> TemplateText {
    TemplateText::Written {
        path: path.to_string(),
        unit: unit.to_string(),
        indicators,
        tasks,
    }
}

/// `--out` that `template` cannot write to.
fn out_unknown(path: String) -> anyhow::Error {
    rejected(TemplateText::OutUnknown { path }.into())
}

/// "mau.csv" → "mau-nhiem-vu.csv".
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{stem}-{suffix}.csv"))
}

/// The name in a template's title: the unit's, or the ward's for everyone's template.
fn unit_name(plan: &Plan, unit: Option<&str>) -> String {
    let found = match unit {
        Some(code) => plan.units.iter().find(|u| u.code == code),
        None => plan.ward(),
    };
    found.map_or_else(|| unit.unwrap_or_default().to_string(), |u| u.name.clone())
}
