//! `kehoach import`: measurements and task statuses from department CSV files.
//!
//! Along the pipeline: this file runs an import (files, transaction, outcome); `read.rs` reads
//! a file's rows, `rows.rs` turns a row into an entry and writes it, `summary.rs` says what
//! happened and writes the errors file.
//!
//! Each file is read as a stream, row by row, into one transaction: every row is checked like
//! `record` checks a typed value; the file is committed only when no row was rejected (or with
//! `--skip-invalid`), and never with `--dry-run`.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::Path;

use crate::store::{DbError, Transaction};

mod read;
mod rows;
mod summary;
use chrono::NaiveDate;
use read::*;
use rows::*;
use serde::Serialize;
use summary::*;

use crate::cli::ImportArgs;
use crate::commands::{as_of, lookup_indicator, lookup_task, lookup_unit, recorder, Context};
use crate::entry::{self, Part};
use crate::error::{rejected, AppError};
use crate::input::decode::{decode, sniff_delimiter, DecodeError, Encoding};
use crate::input::long::{self, Field, Header, Layout};
use crate::input::mapping::{Mapping, MappingError, Source};
use crate::input::stream::{self, Scan};
use crate::input::text::{clip, fold, nfc, ECHO_LIMIT};
use crate::input::workbook::{
    column_letters, is_workbook, Cell, SheetRows, Workbook, WorkbookError,
};
use crate::output::i18n::{self, Lang, Localized};
use crate::output::import_messages::ImportMessage;
use crate::output::problems::Message;
use crate::output::records::RecordMessage;
use crate::output::refusals::InputRefusal;
use crate::output::verdicts::VerdictMessage;
use crate::output::{self, Format, Listing};
use crate::plan::compliance::{check_task_event, task_state, TaskAction, TaskStatus};
use crate::plan::template::{Identity, IDENTITY_SHEET, TEMPLATE_LAYOUT};
use crate::plan::Plan;
use crate::store::plan::fingerprint;
use crate::store::records::{
    current_measurement, finish_import, import_log, insert_measurement, insert_task_event,
    start_import, task_events_of, NewMeasurement, NewTaskEvent,
};

/// A rejected row: where, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// The sheet, for a workbook.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    pub line: u64,
    pub column: Option<usize>,
    pub field: Option<String>,
    #[serde(rename = "reason")]
    pub reason_vi: String,
    pub reason_en: String,
}

/// Counts for one indicator (or task) and unit.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Counts {
    pub rows_read: i64,
    pub imported: i64,
    pub unchanged: i64,
    pub corrected: i64,
    pub rejected: i64,
    /// Rows with no value (or no status) at all: nothing to record, skipped.
    pub blank: i64,
}

/// What importing one file did.
#[derive(Debug, Clone, Serialize)]
pub struct FileSummary {
    pub file: String,
    pub sha256: String,
    /// "csv", "xlsx", "xlsm", "xls", "xlsb" or "ods".
    pub format: &'static str,
    /// A CSV file's encoding and delimiter; null for a workbook.
    pub encoding: Option<&'static str>,
    pub delimiter: Option<String>,
    /// The sheets read, for a workbook.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<String>,
    /// "measurements", "task_statuses", "mapped", "template" or "mixed".
    pub layout: &'static str,
    #[serde(flatten)]
    pub counts: Counts,
    pub dry_run: bool,
    /// Whether the rows were written.
    pub committed: bool,
    /// The first problems in full ([`PROBLEMS_KEPT`] at most)...
    pub problems: Vec<Problem>,
    /// ... and how many more there were.
    pub problems_more: u64,
    /// Per indicator (or task) code and unit.
    pub by_code: Vec<CodeCounts>,
}

/// Counts of one code and unit.
#[derive(Debug, Clone, Serialize)]
pub struct CodeCounts {
    pub code: String,
    pub unit: String,
    #[serde(flatten)]
    pub counts: Counts,
}

/// Problems kept in full per file; beyond them only counted, so 200,000 bad rows cost no more
/// memory or time than a few.
pub const PROBLEMS_KEPT: usize = 1000;

/// (code, unit) pairs counted apart in a file's summary; the rest are counted together.
const BY_CODE_KEPT: usize = 2000;

/// Problems listed one by one under a refusal.
const PROBLEMS_SHOWN: usize = 50;

/// Runs `import`.
pub fn run(context: &Context, args: ImportArgs) -> anyhow::Result<()> {
    let lang = context.lang;
    let (mut store, plan) = context.open_plan()?;
    if args.log {
        let log = import_log(store.conn())?;
        if args.format.format == Format::Json {
            return output::print(&output::json(&log));
        }
        let mut listing = Listing::new(&[
            "#",
            lang.pick(i18n::FILE),
            lang.pick(i18n::READ),
            lang.pick(i18n::IMPORTED),
            lang.pick(i18n::UNCHANGED),
            lang.pick(i18n::CORRECTED),
            lang.pick(i18n::REJECTED),
            lang.pick(i18n::RECORDED),
        ]);
        let mut csv_rows = Vec::new();
        for entry in &log {
            let (by, at) = (entry.recorded_by.as_deref(), &entry.recorded_at);
            csv_rows.push(vec![
                entry.id.to_string(),
                entry.file_name.clone(),
                entry.sha256.clone(),
                entry.rows_read.to_string(),
                entry.imported.to_string(),
                entry.unchanged.to_string(),
                entry.corrected.to_string(),
                entry.rejected.to_string(),
                crate::output::clerk::who(lang, by),
                crate::output::clerk::local_time(at),
            ]);
            listing.push(vec![
                entry.id.to_string(),
                format!(
                    "{}\nsha256 {}",
                    entry.file_name,
                    entry.sha256.get(..12).unwrap_or(&entry.sha256)
                ),
                entry.rows_read.to_string(),
                entry.imported.to_string(),
                entry.unchanged.to_string(),
                entry.corrected.to_string(),
                entry.rejected.to_string(),
                crate::views::history::recorded(
                    lang,
                    entry.recorded_by.as_deref(),
                    &entry.recorded_at,
                ),
            ]);
        }
        let mut csv_headers = listing.headers.clone();
        csv_headers.insert(2, "SHA-256".to_string());
        csv_headers.pop();
        csv_headers.extend(
            [
                crate::output::clerk::RECORDED_BY,
                crate::output::clerk::RECORDED_AT,
            ]
            .map(|h| lang.pick(h).to_string()),
        );
        listing.csv = Some((csv_headers, csv_rows));
        return output::print(&listing.render(args.format.format));
    }
    let today = as_of(args.as_of.as_of);
    let default_unit = match &args.unit {
        Some(unit) => Some(lookup_unit(&plan, unit).map_err(rejected)?.code.clone()),
        None => None,
    };
    let by = recorder(args.by.clone());
    let mapping = args.map.as_deref().map(read_mapping).transpose()?;
    // The rejected rows go to a temporary file beside --errors as they are found, renamed
    // over it at the end: checked before any row is read.
    let mut errors = match &args.errors {
        Some(out) => Some(ErrorsFile::create(out, args.force, lang)?),
        None => None,
    };
    store.prepare_for_bulk_writes()?;
    let mut summaries = Vec::new();
    for path in &args.files {
        let settings = Settings {
            plan: &plan,
            today,
            default_unit: default_unit.as_deref(),
            default_date: args.date,
            correct: args.correct,
            skip_invalid: args.skip_invalid,
            encoding: args.encoding,
            mapping: mapping.as_ref(),
            by: by.as_deref(),
        };
        let errors = errors.as_mut();
        let summary = store.write(|tx| {
            let summary = import_file(tx, path, &settings, args.dry_run, errors)?;
            if summary.committed {
                Ok(summary)
            } else {
                // Nothing of a refused or dry-run file may stay: undo it within the transaction.
                Err(anyhow::Error::new(Undo(Box::new(summary))))
            }
        });
        let summary = match summary {
            Ok(summary) => summary,
            Err(error) => match error.downcast::<Undo>() {
                Ok(Undo(summary)) => *summary,
                Err(error) => return Err(error),
            },
        };
        summaries.push(summary);
    }
    if let Some(errors) = errors {
        errors.finish()?;
    }
    // A dry run fails as the real import would, so a script can use it as a check.
    let refused = summaries
        .iter()
        .any(|s| !s.problems.is_empty() && !args.skip_invalid);
    if args.format.format == Format::Json {
        output::print(&output::json(&summaries))?;
    } else {
        let text: Vec<String> = summaries
            .iter()
            .map(|s| summary_text(lang, s, args.format.format))
            .collect();
        output::print(&text.join("\n"))?;
    }
    if refused {
        let count: u64 = summaries
            .iter()
            .filter(|s| !s.committed)
            .map(|s| s.problems.len() as u64 + s.problems_more)
            .sum();
        let mut details: Vec<Localized> = summaries
            .iter()
            .filter(|s| !s.committed)
            .flat_map(|s| s.problems.iter().map(move |p| problem_line(&s.file, p)))
            .take(PROBLEMS_SHOWN)
            .collect();
        let more = count.saturating_sub(details.len() as u64);
        if more > 0 {
            details.push(Message::MoreProblems { count: more }.into());
        }
        return Err(
            AppError::bad_input(ImportMessage::RowsRejected { count }.into())
                .with_details(details)
                .into(),
        );
    }
    Ok(())
}

/// Carries a file's summary out of a transaction that must be rolled back.
#[derive(Debug)]
struct Undo(Box<FileSummary>);

impl std::fmt::Display for Undo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("import undone")
    }
}

impl std::error::Error for Undo {}

#[derive(Clone)]
struct Settings<'a> {
    plan: &'a Plan,
    today: NaiveDate,
    default_unit: Option<&'a str>,
    default_date: Option<NaiveDate>,
    correct: bool,
    skip_invalid: bool,
    encoding: Option<crate::input::decode::Encoding>,
    mapping: Option<&'a Mapping>,
    by: Option<&'a str>,
}

/// What one row did.
enum RowOutcome {
    Imported,
    Unchanged,
    Corrected,
    /// Nothing filled in: the unit has no figure (or no change) to give.
    Blank,
}

fn import_file(
    tx: &Transaction,
    path: &Path,
    settings: &Settings,
    dry_run: bool,
    errors: Option<&mut ErrorsFile>,
) -> anyhow::Result<FileSummary> {
    let file = path.display().to_string();
    // One pass for the fingerprint and the encoding; the rows are then read as a stream.
    let scan = stream::scan(path).map_err(|e| {
        rejected(
            ImportMessage::FileUnreadable {
                path: file.clone(),
                error: e.to_string(),
            }
            .into(),
        )
    })?;
    let sha256 = scan.sha256.clone();
    // A refused file leaves no trace: this row goes with the transaction when it is undone.
    let import_id = start_import(tx, &file_name(path), &sha256, settings.by)?;
    let mut tally = Tally {
        counts: Counts::default(),
        by_code: BTreeMap::new(),
        problems: Vec::new(),
        problems_more: 0,
        errors,
    };
    let source = if is_workbook(path) {
        import_workbook(tx, path, settings, import_id, &mut tally)?
    } else {
        import_csv(tx, path, &scan, settings, import_id, &mut tally)?
    };
    let counts = tally.counts;
    finish_import(
        tx,
        import_id,
        [
            counts.rows_read,
            counts.imported,
            counts.unchanged,
            counts.corrected,
            counts.rejected,
        ],
    )?;
    let committed = !dry_run && (tally.problems.is_empty() || settings.skip_invalid);
    Ok(FileSummary {
        file,
        sha256,
        format: source.format,
        encoding: source.encoding,
        delimiter: source.delimiter,
        sheets: source.sheets,
        layout: source.layout,
        counts,
        dry_run,
        committed,
        problems: tally.problems,
        problems_more: tally.problems_more,
        by_code: tally
            .by_code
            .into_iter()
            .map(|((code, unit), counts)| CodeCounts { code, unit, counts })
            .collect(),
    })
}

/// What kind of file was read, for the summary.
struct SourceInfo {
    format: &'static str,
    encoding: Option<&'static str>,
    delimiter: Option<String>,
    sheets: Vec<String>,
    layout: &'static str,
}

/// What the rows of a file did, as they are read.
struct Tally<'e> {
    counts: Counts,
    by_code: BTreeMap<(String, String), Counts>,
    problems: Vec<Problem>,
    problems_more: u64,
    /// Where rejected rows go, as they are found (`--errors`).
    errors: Option<&'e mut ErrorsFile>,
}

/// A row as text cells, with the line (or spreadsheet row) it starts on.
type TextRow = (u64, Vec<String>);

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The mapping rules file, read and checked.
fn read_mapping(path: &Path) -> anyhow::Result<Mapping> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        rejected(
            ImportMessage::RulesUnreadable {
                path: shown.clone(),
                error: e.to_string(),
            }
            .into(),
        )
    })?;
    Mapping::parse(&nfc(&text)).map_err(|e| match e {
        MappingError::NoValue => rejected(ImportMessage::RulesWithoutValue { path: shown }.into()),
        MappingError::Toml(message) => rejected(
            ImportMessage::RulesInvalid {
                path: shown,
                message,
            }
            .into(),
        ),
    })
}
