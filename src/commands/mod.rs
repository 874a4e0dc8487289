//! One module per subcommand: read the arguments, ask the store and the domain, hand the
//! result to the output module.

mod baocao;
mod check;
mod export;
mod history;
mod import;
mod init;
mod overdue;
mod plan;
mod record;
mod report;
mod show;
mod task;
mod template;
mod weekly;

use std::path::PathBuf;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::CommandFactory;

use crate::cli::{Cli, Command};
pub use crate::entry::{lookup_indicator, lookup_task, lookup_unit};
use crate::error::{rejected, AppError};
use crate::output::database::DatabaseMessage;
use crate::output::i18n::Lang;
use crate::output::records::RecordMessage;
use crate::plan::{Content, Indicator, Plan, Task, Unit};
use crate::store::{OpenMode, Store};

/// What every command needs: the language and where the database is.
pub struct Context {
    pub lang: Lang,
    pub db: PathBuf,
}

impl Context {
    /// Opens the existing database and reads the plan from it.
    pub fn open_plan(&self) -> anyhow::Result<(Store, Plan)> {
        let bar = progress_bar(self.lang);
        let store = Store::open_with_progress(&self.db, OpenMode::Existing, &mut |done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        })?;
        bar.finish_and_clear();
        let plan = crate::store::plan::load_plan(store.conn())?.ok_or_else(|| {
            AppError::database(
                DatabaseMessage::NoPlan {
                    path: self.db.display().to_string(),
                }
                .into(),
            )
        })?;
        Ok((store, plan))
    }
}

/// A bar on the terminal (hidden elsewhere) for a migration that makes the summaries of a
/// large database: seconds, during which the clerk should see that something is happening.
fn progress_bar(lang: crate::output::i18n::Lang) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} {bar:30} {pos}/{len}") {
        bar.set_style(style);
    }
    bar.set_message(crate::output::summaries::SummaryMessage::Making.render(lang));
    bar
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let lang = cli.lang.unwrap_or_default();
    let needs_db = !matches!(cli.command, Command::Completions(_) | Command::Man);
    let db = match cli.db {
        Some(db) => db,
        None if needs_db => default_db_path(lang)?,
        None => PathBuf::new(),
    };
    let context = Context { lang, db };
    match cli.command {
        Command::Init(args) => init::run(&context, args),
        Command::Plan(args) => plan::run(&context, args),
        Command::Record(args) => record::run(&context, args),
        Command::Show(args) => show::run(&context, args),
        Command::History(args) => history::run(&context, args),
        Command::Task(command) => task::run(&context, command),
        Command::Overdue(args) => overdue::run(&context, args),
        Command::Report(args) => report::run(&context, args),
        Command::Weekly(args) => weekly::run(&context, args),
        Command::Import(args) => import::run(&context, args),
        Command::Template(args) => template::run(&context, args),
        Command::Baocao(args) => baocao::run(&context, args),
        Command::Export(args) => export::run(&context, args),
        Command::Check(args) => check::check(&context, args),
        Command::Backup(args) => check::backup(&context, &args.file),
        Command::Completions(args) => {
            let mut command = Cli::command();
            clap_complete::generate(args.shell, &mut command, "kehoach", &mut std::io::stdout());
            Ok(())
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut page)
                .context("man page")?;
            crate::output::print(&String::from_utf8_lossy(&page))
        }
    }
}

/// The per-user database: `$XDG_DATA_HOME` or `~/.local/share` (`%APPDATA%` on Windows,
/// `~/Library/Application Support` on macOS), then `kehoach/kehoach.db`.
fn default_db_path(lang: Lang) -> anyhow::Result<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        var("APPDATA")
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        var("XDG_DATA_HOME").or_else(|| var("HOME").map(|h| h.join(".local/share")))
    };
    match base {
        Some(base) => Ok(base.join("kehoach").join("kehoach.db")),
        None => {
            let _ = lang;
            Err(AppError::database(DatabaseMessage::NoPlace.into()).into())
        }
    }
}

/// Today, or the `--as-of` day.
pub fn as_of(day: Option<NaiveDate>) -> NaiveDate {
    day.unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// [`lookup_indicator`] as a command error (exit 3).
pub fn find_indicator<'p>(
    plan: &'p Plan,
    code: &str,
) -> anyhow::Result<(&'p Content, &'p Indicator)> {
    lookup_indicator(plan, code).map_err(rejected)
}

/// [`lookup_task`] as a command error (exit 3).
pub fn find_task<'p>(plan: &'p Plan, code: &str) -> anyhow::Result<(&'p Content, &'p Task)> {
    lookup_task(plan, code).map_err(rejected)
}

/// [`lookup_unit`] as a command error (exit 3).
pub fn find_unit<'p>(plan: &'p Plan, text: &str) -> anyhow::Result<&'p Unit> {
    lookup_unit(plan, text).map_err(rejected)
}

/// The `--content` filter, checked.
pub fn content_filter<'p>(
    plan: &'p Plan,
    code: Option<&str>,
) -> anyhow::Result<Option<&'p Content>> {
    code.map(|c| find_content(plan, c)).transpose()
}

/// The `--unit` filter, checked.
pub fn unit_filter<'p>(plan: &'p Plan, text: Option<&str>) -> anyhow::Result<Option<&'p Unit>> {
    text.map(|u| find_unit(plan, u)).transpose()
}

/// The content written `code` (any case), or an error that lists the contents.
pub fn find_content<'p>(plan: &'p Plan, code: &str) -> anyhow::Result<&'p Content> {
    let code = code.trim();
    plan.contents
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code))
        .ok_or_else(|| {
            let all = plan
                .contents
                .iter()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            rejected(
                RecordMessage::UnknownContent {
                    code: code.to_string(),
                    all,
                }
                .into(),
            )
        })
}

/// Who is recording: `--by`, else the login name, else the system account's name.
pub fn recorder(by: Option<String>) -> Option<String> {
    by.map(|b| crate::input::text::nfc(b.trim()))
        .filter(|b| !b.is_empty())
        .or_else(crate::output::clerk::system_account)
}
