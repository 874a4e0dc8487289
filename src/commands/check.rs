//! `kehoach check` and `kehoach backup`: is the file sound, and a consistent copy of it.

use std::path::Path;

use crate::cli::CheckArgs;
use crate::commands::Context;
use crate::error::AppError;
use crate::output::i18n::{self, Localized};
use crate::output::problems::Message;
use crate::output::summaries::SummaryMessage;
use crate::output::{self};
use crate::plan::validate::validate;
use crate::store::maintenance::{self, BackupError};
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
        problems.push(i18n::sqlite_problem(&line));
    }
    for (table, row, parent) in maintenance::foreign_key_check(store.conn())? {
        problems.push(i18n::broken_reference(&table, row, &parent));
    }
    for problem in validate(&plan) {
        let breach = crate::output::i18n::breach(&problem.breach);
        problems.push(breach.prefixed(&format!("{:?}: ", problem.at)));
    }
    let (start, end) = (plan.meta.start, plan.meta.end);
    for (what, code, date) in maintenance::records_outside(store.conn(), start, end)? {
        let day = crate::output::i18n::Lang::Vi.date(date);
        problems.push(i18n::record_outside_plan(what, &code, &day));
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
        let mut text = String::new();
        if let Some(repaired) = repaired {
            text.push_str(&repaired.render(lang));
            text.push('\n');
        }
        text.push_str(i18n::check_passed(&db, m, e).get(lang));
        text.push('\n');
        return output::print(&text);
    }
    let count = problems.len();
    Err(AppError::database(i18n::check_failed(count))
        .with_details(problems)
        .into())
}

/// Runs `backup FILE`: one consistent snapshot into a temporary file, checked, renamed when
/// complete.
pub fn backup(context: &Context, target: &Path) -> anyhow::Result<()> {
    let lang = context.lang;
    let (store, _) = context.open_plan()?;
    let shown = target.display().to_string();
    if target.exists() || target.symlink_metadata().is_ok() {
        return Err(AppError::bad_input(i18n::backup_exists(&shown)).into());
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
            return Err(AppError::database(i18n::backup_failed(&shown, &e)).into())
        }
    };
    if !problems.is_empty() {
        let count = problems.len();
        let details = problems
            .iter()
            .take(20)
            .map(|line| i18n::sqlite_problem(line.as_str()))
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
        i18n::backup_done(&shown).get(lang),
        Message::BackupChecked.render(lang)
    ))
}
