//! `kehoach check` and `kehoach backup`: is the file sound, and a consistent copy of it.

use std::path::Path;

use crate::cli::CheckArgs;
use crate::commands::Context;
use crate::error::AppError;
use crate::output::database::DatabaseMessage;
use crate::output::i18n::Localized;
use crate::output::problems::Message;
use crate::output::seed_messages::SeedMessage;
use crate::output::summaries::SummaryMessage;
use crate::output::{self};
use crate::plan::validate::validate;
use crate::store::maintenance::{self, BackupError, BrokenReference};
use crate::store::summaries;

/// Runs `check`: SQLite's own checks, then the plan's rules on what is stored, then the kept
/// summaries against the recorded rows (made again first with `--repair`).
pub fn check(context: &Context, args: CheckArgs) -> anyhow::Result<()> {
    let lang = context.lang;
    let (mut store, plan) = context.open_plan()?;
    let mut repaired = None;
    if args.repair {
        store.write(|tx| Ok(summaries::rebuild(tx, &plan, &mut |_, _| {})?))?;
        repaired = Some(SummaryMessage::Repaired {
            indicators: plan.indicators().count(),
        });
    }
    let mut problems: Vec<Localized> = Vec::new();
    for line in maintenance::integrity_check(store.conn())? {
        problems.push(DatabaseMessage::SqliteProblem { line }.into());
    }
    for broken in maintenance::foreign_key_check(store.conn())? {
        let message = match broken {
            BrokenReference::Row { table, row, parent } => {
                DatabaseMessage::BrokenReference { table, row, parent }
            }
            BrokenReference::Value {
                table,
                day,
                column,
                value,
                parent,
            } => DatabaseMessage::MissingReference {
                table,
                day,
                column,
                value,
                parent,
            },
        };
        problems.push(message.into());
    }
    for problem in validate(&plan) {
        let breach = SeedMessage::Breach(problem.breach.clone()).localized();
        problems.push(breach.prefixed(&format!("{:?}: ", problem.at)));
    }
    let (start, end) = (plan.meta.start, plan.meta.end);
    for (what, code, date) in maintenance::records_outside(store.conn(), start, end)? {
        let what = what.to_string();
        problems.push(
            DatabaseMessage::RecordOutsidePlan {
                what,
                code,
                day: date,
            }
            .into(),
        );
    }
    for mismatch in summaries::check(store.conn(), &plan)? {
        let summaries::Mismatch {
            indicator,
            day,
            table,
        } = mismatch;
        let table = table.to_string();
        problems.push(
            SummaryMessage::Mismatch {
                table,
                indicator,
                day,
            }
            .into(),
        );
    }
    if problems.is_empty() {
        let db = context.db.display().to_string();
        let counts = maintenance::counts(store.conn())?;
        let (m, e) = counts;
        let passed = DatabaseMessage::CheckPassed {
            path: db,
            measurements: m,
            task_events: e,
        };
        let mut text = String::new();
        if let Some(repaired) = repaired {
            text.push_str(&repaired.render(lang));
            text.push('\n');
        }
        text.push_str(&passed.render(lang));
        text.push('\n');
        return output::print(&text);
    }
    let count = problems.len();
    Err(
        AppError::database(DatabaseMessage::CheckFailed { count }.into())
            .with_details(problems)
            .into(),
    )
}

/// Runs `backup FILE`: one consistent snapshot into a temporary file, checked, renamed when
/// complete.
pub fn backup(context: &Context, target: &Path) -> anyhow::Result<()> {
    let lang = context.lang;
    let (store, _) = context.open_plan()?;
    let shown = target.display().to_string();
    if target.exists() || target.symlink_metadata().is_ok() {
        return Err(
            AppError::bad_input(DatabaseMessage::BackupExists { path: shown }.into()).into(),
        );
    }
    let problems = match maintenance::backup_to(store.conn(), target) {
        Ok(problems) => problems,
        Err(BackupError::TimedOut(limit)) => {
            let seconds = limit.as_secs();
            let path = shown;
            return Err(
                AppError::database(Message::BackupTimedOut { path, seconds }.into()).into(),
            );
        }
        Err(BackupError::Failed(e)) => {
            return Err(AppError::database(
                DatabaseMessage::BackupFailed {
                    path: shown,
                    error: e.to_string(),
                }
                .into(),
            )
            .into())
        }
    };
    if !problems.is_empty() {
        let count = problems.len();
        let details = problems
            .iter()
            .take(20)
            .map(|line| DatabaseMessage::SqliteProblem { line: line.clone() }.into())
            .collect();
        let path = shown;
        return Err(
            AppError::database(Message::BackupDamaged { path, count }.into())
                .with_details(details)
                .into(),
        );
    }
    output::print(&format!(
        "{}\n{}\n",
        DatabaseMessage::BackupDone { path: shown }.render(lang),
        Message::BackupChecked.render(lang)
    ))
}
