//! `kehoach baocao`: the periodic report (báo cáo định kỳ) on the plan, in the state's layout,
//! so the clerk only reviews it, adds commentary in the marked places, and takes it to be signed.
//! The report is built in `views::baocao`; this page picks the period and where it goes.

use std::path::{Path, PathBuf};

use crate::cli::{BaocaoArgs, BaocaoPeriod};
use crate::commands::{as_of, Context};
use crate::error::rejected;
use crate::files::write_whole;
use crate::output;
use crate::output::baocao_text::BaocaoText;
use crate::output::document;
use crate::plan::period::{Period, PeriodKind};
use crate::store::recorded::recorded;
use crate::views::baocao::{build, judgement_days, Scope};

/// How the report is written.
enum Written {
    Markdown(Option<PathBuf>),
    Html(PathBuf),
    Docx(PathBuf),
}

/// Runs `baocao`.
pub fn run(context: &Context, args: BaocaoArgs) -> anyhow::Result<()> {
    let lang = context.lang;
    let written = match &args.out {
        None => Written::Markdown(None),
        Some(path) => match extension(path).as_deref() {
            Some("md") => Written::Markdown(Some(path.clone())),
            Some("html" | "htm") => Written::Html(path.clone()),
            Some("docx") => Written::Docx(path.clone()),
            _ => {
                let path = path.display().to_string();
                return Err(rejected(BaocaoText::OutUnknown { path }.into()));
            }
        },
    };
    if let Some(path) = args.out.as_ref().filter(|p| p.exists() && !args.force) {
        let refusal = crate::output::clerk::Clerk::ReportExists {
            path: path.display().to_string(),
        };
        return Err(rejected(refusal.localized()));
    }
    let (store, plan) = context.open_plan()?;
    let today = as_of(args.as_of.as_of);
    let scope = match args.period {
        BaocaoPeriod::Phase => Scope::Phases,
        BaocaoPeriod::Month => Scope::Calendar(Period::before(PeriodKind::Month, today)),
        BaocaoPeriod::Quarter => Scope::Calendar(Period::before(PeriodKind::Quarter, today)),
        BaocaoPeriod::Half => Scope::Calendar(Period::before(PeriodKind::Half, today)),
        BaocaoPeriod::Year => Scope::Calendar(Period::before(PeriodKind::Year, today)),
    };
    let judged = judgement_days(&plan, &scope, today);
    if judged.is_empty() {
        return Err(rejected(match &scope {
            Scope::Calendar(period) => BaocaoText::BeforePlan {
                period: *period,
                start: plan.meta.start,
            }
            .into(),
            Scope::Phases => BaocaoText::NoPhaseEnded { today }.into(),
        }));
    }
    let recorded = recorded(store.conn(), &plan)?;
    let doc = build(
        lang,
        &plan,
        &recorded.records(),
        &scope,
        &judged,
        today,
        args.so.as_deref(),
    );
    match written {
        Written::Markdown(None) => output::print(&document::markdown(&doc)),
        Written::Markdown(Some(path)) => {
            Ok(write_whole(&path, document::markdown(&doc).as_bytes())?)
        }
        Written::Html(path) => Ok(write_whole(&path, document::html(&doc).as_bytes())?),
        Written::Docx(path) => Ok(write_whole(&path, &document::docx(&doc, today)?)?),
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}
