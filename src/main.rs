//! kehoach: theo dõi Kế hoạch 118/KH-UBND (phường Tam Phước) trên một tệp SQLite.
//!
//! This file wires the command line to the commands and maps failures to exit codes.

mod cli;
mod commands;
mod entry;
mod error;
mod files;
mod input;
mod output;
mod plan;
mod store;
mod views;

use std::process::ExitCode;

use crate::cli::Cli;
use crate::error::{AppError, ExitKind};
use crate::output::i18n::{self, Lang};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match cli::parse(&args) {
        Ok(cli) => cli,
        Err(error) => return refused(&error, cli::prescan_lang(&args)),
    };
    let lang = cli.lang.unwrap_or_default();
    if let Some(width) = cli.width {
        output::set_width(width);
    }
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let (kind, message) = explain(&error, lang);
            eprintln!("{}: {message}", lang.pick(i18n::ERROR));
            ExitCode::from(kind.code())
        }
    }
}

/// A command line clap refused: help and version as clap writes them; a date that is not a day
/// is bad data (exit 3); anything else a usage error (exit 2), in the user's language.
fn refused(error: &clap::Error, lang: Lang) -> ExitCode {
    use clap::error::ErrorKind;
    if let Some(date) = std::error::Error::source(error)
        .and_then(|source| source.downcast_ref::<cli::DateArgError>())
    {
        let usage = output::clerk::UsageError::from_clap(error);
        let flag = match &usage.problem {
            output::clerk::UsageProblem::BadValue { arg, .. } => arg.split(' ').next(),
            _ => None,
        };
        let message = crate::output::refusals::InputRefusal::Date(date.error.clone());
        let flag = flag.map(|f| format!("{f}: ")).unwrap_or_default();
        eprintln!("{}: {flag}{}", lang.pick(i18n::ERROR), message.render(lang));
        return ExitCode::from(ExitKind::BadInput.code());
    }
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => error.exit(),
        _ => {
            let usage = output::clerk::UsageError::from_clap(error)
                .with_aliases(&<Cli as clap::CommandFactory>::command());
            eprint!("{}", usage.render(lang));
            ExitCode::from(2)
        }
    }
}

/// The exit kind and the message for a failure, in `lang`.
fn explain(error: &anyhow::Error, lang: Lang) -> (ExitKind, String) {
    if let Some(app) = error.downcast_ref::<AppError>() {
        return (app.kind, app.render(lang));
    }
    if let Some(refusal) = error.downcast_ref::<files::FileRefusal>() {
        let app = AppError::bad_input(output::problems::Message::from(refusal).localized());
        return (app.kind, app.render(lang));
    }
    if let Some(sqlite) = error.downcast_ref::<store::DbError>() {
        let app = store::database_error(sqlite, &store::opened_path());
        return (ExitKind::Database, app.render(lang));
    }
    let text = format!("{error:#}");
    (
        ExitKind::Other,
        output::clerk::system_errors_in(lang, &text),
    )
}
