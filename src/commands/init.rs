//! `kehoach init`: create the database and load the plan from a seed, in one transaction.

use crate::cli::InitArgs;
use crate::commands::Context;
use crate::error::{rejected, AppError};
use crate::input::decode::sha256_hex;
use crate::input::seed::{parse_seed, DEFAULT_SEED, DEFAULT_SEED_NAME};
use crate::output;
use crate::output::i18n::{self, Localized};
use crate::store::plan::{fingerprint, load_plan, orphans, save_plan};
use crate::store::summaries;
use crate::store::{OpenMode, Store};

/// Runs `init`.
pub fn run(context: &Context, args: InitArgs) -> anyhow::Result<()> {
    let lang = context.lang;
    let (text, name) = match &args.seed {
        Some(path) => (read_seed(path)?, path.display().to_string()),
        None => (DEFAULT_SEED.to_string(), DEFAULT_SEED_NAME.to_string()),
    };
    let plan = parse_seed(&text, &name).map_err(|e| seed_error(&e))?;
    // The fingerprint is of the plan, not the text: re-spacing a seed changes nothing.
    let seed_fingerprint = sha256_hex(&serde_json::to_vec(&plan)?);
    let mut store = Store::open(&context.db, OpenMode::Create)?;
    let change = store.write(|tx| {
        if fingerprint(tx)?.as_deref() == Some(seed_fingerprint.as_str()) {
            return Ok(None);
        }
        if let Some(old) = load_plan(tx)? {
            let orphans = orphans(tx, &old, &plan)?;
            if !orphans.is_empty() && !args.force {
                let details = orphans
                    .iter()
                    .map(|o| {
                        let (code, records) = (&o.code, o.records);
                        i18n::orphan_line(code, records)
                    })
                    .collect();
                return Err(AppError::bad_input(i18n::seed_drops_data(&name))
                    .with_details(details)
                    .into());
            }
        }
        let change = save_plan(tx, &plan, &seed_fingerprint)?;
        // The summaries follow the plan's rules (kinds, the ward, baselines): made again.
        summaries::rebuild(tx, &plan, &mut |_, _| {})?;
        Ok(Some(change))
    })?;
    let db = context.db.display().to_string();
    let (number, contents) = (&plan.meta.number, plan.contents.len());
    let indicators = plan.indicators().count();
    let tasks = plan.tasks().count();
    let units = plan.units.len();
    let mut lines: Vec<Localized> = Vec::new();
    match change {
        None => lines.push(i18n::plan_unchanged(number, &db)),
        Some(change) => {
            lines.push(i18n::plan_loaded(
                number, &db, contents, indicators, tasks, units,
            ));
            let list = |codes: &[String]| codes.join(", ");
            let first_load =
                change.changed.is_empty() && change.removed.is_empty() && change.retired.is_empty();
            if !first_load {
                for (codes, (vi, en)) in [
                    (&change.added, i18n::SEED_ADDED),
                    (&change.changed, i18n::SEED_CHANGED),
                    (&change.removed, i18n::SEED_REMOVED),
                    (&change.retired, i18n::SEED_RETIRED),
                ] {
                    if !codes.is_empty() {
                        let codes = list(codes);
                        lines.push(i18n::seed_change_line(vi, &codes, en));
                    }
                }
            }
        }
    }
    let text: String = lines.iter().map(|l| format!("{}\n", l.get(lang))).collect();
    output::print(&text)
}

/// The seed file's text; a missing or unreadable file is rejected input.
fn read_seed(path: &std::path::Path) -> anyhow::Result<String> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| rejected(i18n::seed_unreadable(&shown, &e)))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|_| rejected(i18n::seed_not_utf8(&shown)))
}

/// A seed that could not be loaded, as an error (exit 3): a line for the file, then each
/// problem at its line and column.
/// The seed was refused; the details list each problem.
/// A seed that could not be loaded, as an error (exit 3): a line for the file, then each
/// problem at its line and column.
fn seed_error(error: &crate::input::seed::SeedError) -> AppError {
    use crate::input::seed::SeedProblemKind as Kind;
    let file = &error.file;
    let details = error
        .problems
        .iter()
        .map(|problem| {
            let message = match &problem.what {
                Kind::Toml(message) => i18n::seed_toml_error(message),
                Kind::ContentKind(name) => i18n::content_kind_invalid(name),
                Kind::IndicatorKind { name, known } => i18n::indicator_kind_invalid(name, known),
                Kind::Comparator(symbol) => i18n::comparator_invalid(symbol),
                Kind::Aggregation(name) => crate::output::periods::aggregation_invalid(name),
                Kind::BaselineAgainst(name) => crate::output::periods::against_invalid(name),
                Kind::BaselineNeeded(kind) => i18n::baseline_needed(kind),
                Kind::Breach(b) => i18n::breach(b),
                Kind::WardCode(code) => {
                    crate::output::export_messages::ExportMessage::BadWardCode {
                        code: code.clone(),
                    }
                    .localized()
                }
            };
            let place = match problem.at {
                Some((line, column)) => i18n::at_file(file, line, column),
                None => format!("{file}: "),
            };
            message.prefixed(&place)
        })
        .collect();
    AppError::bad_input(i18n::seed_rejected(file, error.problems.len())).with_details(details)
}
