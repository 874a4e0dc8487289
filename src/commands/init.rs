//! `kehoach init`: create the database and load the plan from a seed, in one transaction.

use crate::cli::InitArgs;
use crate::commands::Context;
use crate::error::{rejected, AppError};
use crate::input::decode::sha256_hex;
use crate::input::seed::{parse_seed, DEFAULT_SEED, DEFAULT_SEED_NAME};
use crate::output;
use crate::output::i18n::Localized;
use crate::output::seed_messages::{at_file, SeedChange, SeedMessage};
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
                        let (code, records) = (o.code.clone(), o.records);
                        SeedMessage::Orphan { code, records }.into()
                    })
                    .collect();
                return Err(AppError::bad_input(
                    SeedMessage::DropsData { file: name.clone() }.into(),
                )
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
        None => lines.push(
            SeedMessage::PlanUnchanged {
                number: number.clone(),
                db: db.clone(),
            }
            .into(),
        ),
        Some(change) => {
            lines.push(
                SeedMessage::PlanLoaded {
                    number: number.clone(),
                    db: db.clone(),
                    contents,
                    indicators,
                    tasks,
                    units,
                }
                .into(),
            );
            let list = |codes: &[String]| codes.join(", ");
            let first_load =
                change.changed.is_empty() && change.removed.is_empty() && change.retired.is_empty();
            if !first_load {
                for (codes, change) in [
                    (&change.added, SeedChange::Added),
                    (&change.changed, SeedChange::Changed),
                    (&change.removed, SeedChange::Removed),
                    (&change.retired, SeedChange::Retired),
                ] {
                    if !codes.is_empty() {
                        let codes = list(codes);
                        lines.push(SeedMessage::Changes { change, codes }.into());
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
    let bytes = std::fs::read(path).map_err(|e| {
        rejected(
            SeedMessage::Unreadable {
                path: shown.clone(),
                error: e.to_string(),
            }
            .into(),
        )
    })?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec())
        .map_err(|_| rejected(SeedMessage::NotUtf8 { path: shown }.into()))
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
                Kind::Toml(message) => SeedMessage::Toml {
                    message: message.clone(),
                }
                .into(),
                Kind::ContentKind(name) => {
                    SeedMessage::ContentKindInvalid { name: name.clone() }.into()
                }
                Kind::IndicatorKind { name, known } => {
                    let (name, known) = (name.clone(), known.clone());
                    SeedMessage::IndicatorKindInvalid { name, known }.into()
                }
                Kind::Comparator(symbol) => SeedMessage::ComparatorInvalid {
                    symbol: symbol.clone(),
                }
                .into(),
                Kind::Aggregation(name) => crate::output::periods::aggregation_invalid(name),
                Kind::BaselineAgainst(name) => crate::output::periods::against_invalid(name),
                Kind::BaselineNeeded(kind) => SeedMessage::BaselineNeeded {
                    kind: kind.to_string(),
                }
                .into(),
                Kind::Breach(b) => SeedMessage::Breach(b.clone()).into(),
                Kind::WardCode(code) => {
                    crate::output::export_messages::ExportMessage::BadWardCode {
                        code: code.clone(),
                    }
                    .localized()
                }
            };
            let place = match problem.at {
                Some((line, column)) => at_file(file, line, column),
                None => format!("{file}: "),
            };
            message.prefixed(&place)
        })
        .collect();
    AppError::bad_input(
        SeedMessage::Rejected {
            file: file.clone(),
            problems: error.problems.len(),
        }
        .into(),
    )
    .with_details(details)
}
