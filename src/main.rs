//! kehoach: theo dõi Kế hoạch 118/KH-UBND (phường Tam Phước) trên một tệp SQLite.
//!
//! This file wires the command line to the commands and maps failures to exit codes.

mod cli;
mod commands;
mod error;
mod input;
mod output;
mod plan;
mod store;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::Cli;
use crate::error::{AppError, ExitKind};
use crate::output::i18n::{self, Lang};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.unwrap_or_default();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let (kind, message) = explain(&error, lang);
            eprintln!("{}: {message}", lang.pick(i18n::ERROR));
            ExitCode::from(kind.code())
        }
    }
}

/// The exit kind and the message for a failure, in `lang`.
fn explain(error: &anyhow::Error, lang: Lang) -> (ExitKind, String) {
    if let Some(app) = error.downcast_ref::<AppError>() {
        return (app.kind, app.render(lang));
    }
    if let Some(sqlite) = error.downcast_ref::<rusqlite::Error>() {
        let app = store::database_error(sqlite, &store::opened_path());
        return (ExitKind::Database, app.render(lang));
    }
    (ExitKind::Other, format!("{error:#}"))
}
