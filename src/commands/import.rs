//! `kehoach import`: measurements and task statuses from department CSV files.
//!
//! Why this file is long: it still holds the whole pipeline (reading CSV and workbooks, the
//! row paths, the write, the summary and the errors file); splitting it along those stages
//! into input/ and output/ is the next step of the architecture work.
//!
//! Each file is read as a stream, row by row, into one transaction: every row is checked like
//! `record` checks a typed value; the file is committed only when no row was rejected (or with
//! `--skip-invalid`), and never with `--dry-run`.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::Path;

use crate::store::{DbError, Transaction};
use chrono::NaiveDate;
use serde::Serialize;

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
use crate::output::problems::Message;
use crate::output::verdicts::task_event_refused;
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
        return Err(AppError::bad_input(i18n::rows_rejected(count))
            .with_details(details)
            .into());
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
    let scan = stream::scan(path).map_err(|e| rejected(i18n::file_unreadable(&file, &e)))?;
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

/// A CSV file: its delimiter sniffed, read as a stream of rows. UTF-8 (nearly every file, and
/// every large one) streams from the disk; UTF-16 and Windows-1258 are decoded whole first.
fn import_csv(
    tx: &Transaction,
    path: &Path,
    scan: &Scan,
    settings: &Settings,
    import_id: i64,
    tally: &mut Tally<'_>,
) -> anyhow::Result<SourceInfo> {
    let file = path.display().to_string();
    let file = file.as_str();
    let unreadable = |e: DecodeError| rejected(i18n::unreadable_text(file, &e));
    let cannot_read = |e: std::io::Error| rejected(i18n::file_unreadable(file, &e));
    let encoding = settings.encoding.unwrap_or(scan.encoding);
    let mut reader: Box<dyn BufRead> = match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => {
            if scan.evidence.invalid > 0 {
                let places = scan.evidence.places.clone();
                let total = scan.evidence.invalid;
                let message: Localized = Message::NotUtf8 { places, total }.into();
                return Err(rejected(message.prefixed(&format!("{file}: "))));
            }
            if scan.has_nul {
                return Err(unreadable(DecodeError::Binary));
            }
            let opened = std::fs::File::open(path).map_err(cannot_read)?;
            let mut reader = std::io::BufReader::with_capacity(1 << 16, opened);
            if reader
                .fill_buf()
                .map_err(cannot_read)?
                .starts_with(b"\xEF\xBB\xBF")
            {
                reader.consume(3);
            }
            Box::new(reader)
        }
        other => {
            let bytes = std::fs::read(path).map_err(cannot_read)?;
            let (text, _) = decode(&bytes, Some(other)).map_err(unreadable)?;
            Box::new(std::io::Cursor::new(text.into_bytes()))
        }
    };
    // The delimiter from the first lines, read ahead without consuming them.
    let head = reader.fill_buf().map_err(cannot_read)?;
    let whole_lines = head
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(head, |end| &head[..end]);
    let delimiter = sniff_delimiter(&String::from_utf8_lossy(whole_lines));
    // Line ends as the file has them, for the --errors file.
    let crlf = head.windows(2).any(|w| w == b"\r\n");
    let (tracked, mut lines) = stream::track(reader, delimiter);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(tracked);
    let progress = progress_bar(scan.size);
    let mut read = 0u64;
    let mut rows = reader.records().map(|record| {
        let record = record.map_err(|e| rejected(i18n::csv_broken(file, &e)))?;
        let position = record.position().map_or(0, |p| p.byte());
        read += 1;
        if read.is_multiple_of(1000) {
            progress.set_position(position);
        }
        let cells: Vec<String> = record.iter().map(nfc).collect();
        let line = lines.line_of(position);
        // A quote left open swallows the rows after it into one cell: refuse, never import
        // one row whose note holds the next ones.
        let swallowed = cells
            .iter()
            .filter(|c| c.contains('\n'))
            .find_map(|c| stream::swallowed_row(c, delimiter));
        if let Some(offset) = swallowed {
            let over = line + offset;
            let file = file.to_string();
            return Err(rejected(
                Message::QuoteSwallowsRow { file, line, over }.into(),
            ));
        }
        Ok::<TextRow, anyhow::Error>((line, cells))
    });
    // The header: the first row that is not blank (with --map, from the mapping's header row).
    let mut found: Option<TextRow> = None;
    for row in rows.by_ref() {
        let (line, cells) = row?;
        let before_header = settings.mapping.is_some_and(|m| line < m.header_row);
        if before_header || is_blank(&cells) {
            continue;
        }
        found = Some((line, cells));
        break;
    }
    let Some((header_line, names)) = found else {
        return Err(rejected(i18n::csv_empty(file)));
    };
    let layout = sheet_layout(settings, file, header_line, &names)?;
    let place = Place {
        file,
        sheet: None,
        names: &names,
        header_line,
        encoding,
        delimiter,
        crlf,
    };
    read_rows(tx, rows, &layout, &place, settings, import_id, tally)?;
    progress.finish_and_clear();
    if let Some(line) = lines.unclosed_quote() {
        let file = file.to_string();
        return Err(rejected(Message::QuoteNotClosed { file, line }.into()));
    }
    Ok(SourceInfo {
        format: "csv",
        encoding: Some(encoding.name()),
        delimiter: Some(match delimiter {
            b'\t' => "tab".to_string(),
            other => (other as char).to_string(),
        }),
        sheets: Vec::new(),
        layout: layout.name(),
    })
}

/// A workbook: a filled template (known by its hidden identity sheet), a sheet read by the
/// mapping rules, or every visible sheet whose header is the long layout's.
fn import_workbook(
    tx: &Transaction,
    path: &Path,
    settings: &Settings,
    import_id: i64,
    tally: &mut Tally<'_>,
) -> anyhow::Result<SourceInfo> {
    let file = path.display().to_string();
    let mut workbook = Workbook::open(path).map_err(|e| rejected(workbook_error(&file, &e)))?;
    let identity = match settings.mapping {
        None if workbook.has_sheet(IDENTITY_SHEET) => {
            template_identity(tx, &mut workbook, &file, settings.plan)?
        }
        _ => None,
    };
    // A template's rows are its unit's, as of the end of its period, unless told otherwise.
    let settings = match &identity {
        Some(identity) => Settings {
            default_unit: settings.default_unit.or(identity.unit.as_deref()),
            default_date: settings.default_date.or(Some(identity.period.end)),
            ..settings.clone()
        },
        None => settings.clone(),
    };
    let sheets = match settings.mapping.and_then(|m| m.sheet.clone()) {
        Some(sheet) => vec![sheet],
        None if settings.mapping.is_some() => {
            workbook.visible_sheets().into_iter().take(1).collect()
        }
        None => workbook.visible_sheets(),
    };
    let mut read = Vec::new();
    let mut layouts = Vec::new();
    let mut unrecognised: Option<(String, u64, Vec<String>)> = None;
    for sheet in sheets {
        let rows = workbook
            .rows(&sheet)
            .map_err(|e| rejected(workbook_error(&file, &e)))?;
        let label = format!("{file} [{sheet}]");
        let Some((index, header_line, names)) = find_header(&rows, settings.mapping) else {
            if unrecognised.is_none() {
                if let Some((line, cells)) = rows.iter().find(|(_, cells)| !is_blank_cells(cells)) {
                    let names = cells.iter().map(|c| nfc(&c.text(false))).collect();
                    unrecognised = Some((label, *line, names));
                }
            }
            continue;
        };
        let layout = sheet_layout(&settings, &label, header_line, &names)?;
        let dates = layout.date_columns();
        let text_rows = rows[index + 1..].iter().map(|(line, cells)| {
            let texts = cells
                .iter()
                .enumerate()
                .map(|(column, cell)| nfc(&cell.text(dates.contains(&column))))
                .collect();
            Ok::<TextRow, anyhow::Error>((*line, texts))
        });
        let place = Place {
            file: &file,
            sheet: Some(&sheet),
            names: &names,
            header_line,
            encoding: Encoding::Utf8Bom,
            delimiter: b';',
            crlf: false,
        };
        read_rows(tx, text_rows, &layout, &place, &settings, import_id, tally)?;
        layouts.push(layout.name());
        read.push(sheet);
    }
    if read.is_empty() {
        return Err(rejected(match unrecognised {
            Some((label, line, names)) => {
                i18n::header_not_recognised(label, line, clip(&names.join(" | "), 200))
            }
            None => i18n::workbook_empty(&file),
        }));
    }
    let layout = match (&identity, layouts.as_slice()) {
        (Some(_), _) => "template",
        (None, [one]) => one,
        (None, many) if many.iter().all(|l| *l == many[0]) => many[0],
        (None, _) => "mixed",
    };
    Ok(SourceInfo {
        format: workbook.format,
        encoding: None,
        delimiter: None,
        sheets: read,
        layout,
    })
}

/// The header of a workbook sheet: with mapping rules, the rules' header row (or the first
/// row after it that is not blank); otherwise the first of the top rows that the long layout
/// recognises, so a title and instructions may stand above it. (index in `rows`, line, names)
fn find_header(rows: &SheetRows, mapping: Option<&Mapping>) -> Option<(usize, u64, Vec<String>)> {
    let texts =
        |cells: &[Cell]| -> Vec<String> { cells.iter().map(|c| nfc(&c.text(false))).collect() };
    match mapping {
        Some(mapping) => rows
            .iter()
            .enumerate()
            .find(|(_, (line, cells))| *line >= mapping.header_row && !is_blank_cells(cells))
            .map(|(index, (line, cells))| (index, *line, texts(cells))),
        None => rows
            .iter()
            .enumerate()
            .take(20)
            .map(|(index, (line, cells))| (index, *line, texts(cells)))
            .find(|(_, _, names)| long::recognise(names).is_some()),
    }
}

/// Reads a template's identity and refuses one made for another plan or an older version of it.
fn template_identity(
    tx: &Transaction,
    workbook: &mut Workbook,
    file: &str,
    plan: &Plan,
) -> anyhow::Result<Option<Identity>> {
    let rows = workbook
        .rows(IDENTITY_SHEET)
        .map_err(|e| rejected(workbook_error(file, &e)))?;
    let pairs: Vec<(String, String)> = rows
        .iter()
        .map(|(_, cells)| {
            let text = |i: usize| cells.get(i).map(|c| c.text(false)).unwrap_or_default();
            (text(0), text(1))
        })
        .collect();
    let Some(identity) = Identity::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    else {
        return Ok(None);
    };
    if identity.layout > TEMPLATE_LAYOUT {
        return Err(rejected(i18n::template_newer_layout(file, identity.layout)));
    }
    if identity.plan_number != plan.meta.number {
        return Err(rejected(i18n::template_other_plan(
            file,
            &identity.plan_number,
            &plan.meta.number,
        )));
    }
    let current = fingerprint(tx)?.unwrap_or_default();
    if identity.plan_version != current {
        return Err(rejected(i18n::template_old_version(
            file,
            identity.unit.as_deref().unwrap_or("all"),
            // A template is for the last whole period before its day: the day after this one.
            Lang::Vi.date(identity.period.end + chrono::Days::new(1)),
        )));
    }
    Ok(Some(identity))
}

fn workbook_error(file: &str, error: &WorkbookError) -> Localized {
    match error {
        WorkbookError::Unreadable(reason) => i18n::workbook_unreadable(file, reason),
        WorkbookError::NoSuchSheet { sheet, sheets } => {
            i18n::sheet_missing(file, sheet, sheets.join(", "))
        }
        WorkbookError::PartTooLarge { part } => Message::WorkbookPartTooLarge {
            file: file.to_string(),
            part: part.clone(),
            limit_mb: crate::input::workbook::PART_LIMIT >> 20,
        }
        .into(),
        WorkbookError::TooLarge => Message::WorkbookTooLarge {
            file: file.to_string(),
            limit_mb: crate::input::workbook::TOTAL_LIMIT >> 20,
        }
        .into(),
        WorkbookError::TooManyCells { sheet } => Message::TooManyCells {
            file: file.to_string(),
            sheet: sheet.clone(),
            limit: crate::input::workbook::CELL_LIMIT,
        }
        .into(),
        WorkbookError::TimedOut { seconds } => Message::WorkbookTimedOut {
            file: file.to_string(),
            seconds: *seconds,
        }
        .into(),
        WorkbookError::Damaged => Message::WorkbookDamaged {
            file: file.to_string(),
        }
        .into(),
        WorkbookError::Truncated { part } => Message::WorkbookPartTruncated {
            file: file.to_string(),
            part: part.clone(),
        }
        .into(),
        WorkbookError::OutOfBounds { sheet, cell } => Message::CellOutOfBounds {
            file: file.to_string(),
            sheet: sheet.clone(),
            cell: cell.clone(),
            columns: crate::input::workbook::COLUMN_LIMIT,
            rows: crate::input::workbook::ROW_LIMIT,
        }
        .into(),
    }
}

fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

fn is_blank_cells(cells: &[Cell]) -> bool {
    cells.iter().all(|c| c.text(false).trim().is_empty())
}

/// How a sheet's header was read: the long layout, or the mapping rules.
fn sheet_layout<'m>(
    settings: &Settings<'m>,
    file: &str,
    header_line: u64,
    names: &[String],
) -> anyhow::Result<Sheet<'m>> {
    let duplicate = |name: &str, first: usize, second: usize| {
        let (file, name) = (file.to_string(), name.to_string());
        let (first, second, line) = (first + 1, second + 1, header_line);
        rejected(
            Message::DuplicateColumn {
                file,
                line,
                name,
                first,
                second,
            }
            .into(),
        )
    };
    match settings.mapping {
        Some(mapping) => {
            // A column the rules read, written twice: which one was meant is not known.
            for (index, name) in names.iter().enumerate() {
                let key = fold(name);
                if key.is_empty() || !mapping.columns().iter().any(|c| fold(c) == key) {
                    continue;
                }
                if let Some(second) = names[index + 1..].iter().position(|n| fold(n) == key) {
                    return Err(duplicate(name, index, index + 1 + second));
                }
            }
            let columns = mapping.resolve(names).map_err(|column| {
                rejected(i18n::mapping_column_missing(
                    file,
                    header_line,
                    clip(&names.join(" | "), 200),
                    &column,
                ))
            })?;
            Ok(Sheet::Mapped(mapping, columns))
        }
        None => {
            let header = long::recognise(names).ok_or_else(|| {
                rejected(i18n::header_not_recognised(
                    file,
                    header_line,
                    clip(&names.join(" | "), 200),
                ))
            })?;
            // Two columns for one field ("Giá trị" and "Value"): the second is not ignored.
            for (at, (first, field)) in header.columns.iter().enumerate() {
                if let Some((second, _)) = header.columns[at + 1..].iter().find(|(_, f)| f == field)
                {
                    return Err(duplicate(&names[*second], *first, *second));
                }
            }
            Ok(Sheet::Long(header))
        }
    }
}

/// Where a sheet's problems are placed: the sheet (for a workbook) and its header's names,
/// with what the errors file needs to be written in the input's own layout.
struct Place<'a> {
    file: &'a str,
    sheet: Option<&'a str>,
    names: &'a [String],
    header_line: u64,
    /// A CSV's encoding and delimiter; a workbook's rows are written as UTF-8 with `;`.
    encoding: Encoding,
    delimiter: u8,
    /// Whether lines end in CR LF.
    crlf: bool,
}

/// Checks and records every row after the header, tallying what each did.
fn read_rows(
    tx: &Transaction,
    rows: impl Iterator<Item = anyhow::Result<TextRow>>,
    layout: &Sheet,
    place: &Place,
    settings: &Settings,
    import_id: i64,
    tally: &mut Tally<'_>,
) -> anyhow::Result<()> {
    // The first sheet read sets the errors file's layout, rows or not; a later sheet with
    // another header writes it only above a rejected row of its own.
    if let Some(errors) = tally.errors.as_deref_mut().filter(|e| e.layout.is_none()) {
        errors.header(place)?;
    }
    let mut above: BTreeMap<usize, String> = BTreeMap::new();
    for row in rows {
        let (line, mut cells) = row?;
        if is_blank(&cells) {
            continue;
        }
        let results: Vec<((String, String), Result<RowOutcome, RowError>)> = match layout {
            Sheet::Long(header) => {
                let row = match header.layout {
                    Layout::Measurements => {
                        measurement_row(tx, header, &cells, settings, import_id)
                    }
                    Layout::TaskStatuses => task_row(tx, header, &cells, settings, import_id),
                };
                vec![(row_key(header, &cells), row)]
            }
            Sheet::Mapped(mapping, columns) => {
                if mapping.skips(&cells) {
                    continue;
                }
                fill_down(mapping, columns, &mut cells, &mut above);
                mapped_entries(mapping, columns, &cells, settings)
                    .into_iter()
                    .map(|(key, entry)| {
                        (
                            key,
                            entry.and_then(|e| record_entry(tx, &e, settings, import_id)),
                        )
                    })
                    .collect()
            }
        };
        tally.counts.rows_read += 1;
        for (key, row) in results {
            if matches!(row, Ok(RowOutcome::Blank)) {
                tally.counts.blank += 1;
                continue;
            }
            // 200,000 unknown codes must not make a 200,000-row summary: past the limit, new
            // codes are counted together under "…".
            let key = if tally.by_code.len() < BY_CODE_KEPT || tally.by_code.contains_key(&key) {
                key
            } else {
                ("…".to_string(), String::new())
            };
            let entry = tally.by_code.entry(key).or_default();
            entry.rows_read += 1;
            let counts = &mut tally.counts;
            match row {
                Ok(RowOutcome::Imported) => {
                    counts.imported += 1;
                    entry.imported += 1;
                }
                Ok(RowOutcome::Unchanged) => {
                    counts.unchanged += 1;
                    entry.unchanged += 1;
                }
                Ok(RowOutcome::Corrected) => {
                    counts.corrected += 1;
                    entry.corrected += 1;
                }
                Ok(RowOutcome::Blank) => {}
                Err((column, message)) => {
                    counts.rejected += 1;
                    entry.rejected += 1;
                    let problem = Problem {
                        sheet: place.sheet.map(str::to_string),
                        line,
                        column: column.map(|c| c + 1),
                        field: column
                            .and_then(|c| place.names.get(c))
                            .map(|name| clip(name, ECHO_LIMIT)),
                        reason_vi: message.vi,
                        reason_en: message.en,
                    };
                    if let Some(errors) = tally.errors.as_deref_mut() {
                        errors.row(place, &cells, &problem)?;
                    }
                    if tally.problems.len() < PROBLEMS_KEPT {
                        tally.problems.push(problem);
                    } else {
                        tally.problems_more += 1;
                    }
                }
            }
        }
    }
    Ok(())
}

/// A progress bar over the file's bytes, drawn only on a terminal and for files worth it.
fn progress_bar(bytes: u64) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if bytes < 1_000_000 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(bytes);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {eta}")
    {
        bar.set_style(style);
    }
    bar
}

/// How the rows of a file are read.
enum Sheet<'m> {
    /// The long layout, recognised by its header.
    Long(Header),
    /// A department's own layout, read by its mapping rules (column name → index).
    Mapped(&'m Mapping, BTreeMap<String, usize>),
}

impl Sheet<'_> {
    /// The layout's name in the summary.
    fn name(&self) -> &'static str {
        match self {
            Sheet::Long(header) if header.layout == Layout::TaskStatuses => "task_statuses",
            Sheet::Long(_) => "measurements",
            Sheet::Mapped(..) => "mapped",
        }
    }

    /// The columns that hold dates, where a workbook's bare number is a date serial.
    fn date_columns(&self) -> Vec<usize> {
        match self {
            Sheet::Long(header) => header.column(Field::Date).into_iter().collect(),
            Sheet::Mapped(mapping, columns) => match &mapping.date {
                Some(Source::Column(name)) => columns.get(name).copied().into_iter().collect(),
                _ => Vec::new(),
            },
        }
    }
}

/// Blank cells of the `fill_down` columns take the value above them (merged cells).
fn fill_down(
    mapping: &Mapping,
    columns: &BTreeMap<String, usize>,
    cells: &mut Vec<String>,
    above: &mut BTreeMap<usize, String>,
) {
    for name in &mapping.fill_down {
        let index = columns[name];
        if cells.len() <= index {
            cells.resize(index + 1, String::new());
        }
        if cells[index].trim().is_empty() {
            if let Some(value) = above.get(&index) {
                cells[index] = value.clone();
            }
        } else {
            above.insert(index, cells[index].clone());
        }
    }
}

/// A field read from a mapped row: the column it came from (none for a constant) and its text.
type Read = (Option<usize>, Option<String>);

/// The measurements a mapped row holds: one, or one per fan-out column with a value.
fn mapped_entries(
    mapping: &Mapping,
    columns: &BTreeMap<String, usize>,
    cells: &[String],
    settings: &Settings,
) -> Vec<((String, String), Result<Entry, RowError>)> {
    let read = |source: &Source| -> Read {
        match source {
            Source::Value(value) => (None, Some(value.clone())),
            Source::Column(name) => {
                let index = columns[name];
                let text = cells.get(index).map(|c| c.trim()).filter(|c| !c.is_empty());
                (Some(index), text.map(str::to_string))
            }
        }
    };
    let (indicator_column, indicator) = read(&mapping.indicator);
    let indicator = indicator.unwrap_or_default();
    let date = match mapping.date.as_ref().map(read) {
        Some((column, Some(text))) => crate::input::date::parse_date(&text)
            .map(|d| (column, d))
            .map_err(|e| (column, i18n::invalid_date(&clip(&text, ECHO_LIMIT), &e))),
        Some((column, None)) => settings
            .default_date
            .map(|d| (column, d))
            .ok_or((column, i18n::date_missing())),
        None => settings
            .default_date
            .map(|d| (None, d))
            .ok_or((None, i18n::mapping_without_date())),
    };
    let unit = mapping
        .unit
        .as_ref()
        .map(read)
        .unwrap_or((None, settings.default_unit.map(str::to_string)));
    let note = mapping.note.as_ref().and_then(|n| read(n).1);
    let mut values: Vec<(Read, Read)> = Vec::new();
    if let Some(value) = &mapping.value {
        values.push((read(value), unit.clone()));
    }
    for (column, unit_code) in &mapping.fan_out {
        let index = columns[column];
        let text = cells
            .get(index)
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        values.push(((Some(index), text), (Some(index), Some(unit_code.clone()))));
    }
    values
        .into_iter()
        .filter(|((_, value), _)| value.is_some())
        .map(|((value_column, value), (unit_column, unit))| {
            let key = (
                clip(&indicator, ECHO_LIMIT).to_uppercase(),
                clip(&unit.clone().unwrap_or_default(), ECHO_LIMIT),
            );
            let entry = if indicator.is_empty() {
                Err((indicator_column, i18n::indicator_missing()))
            } else {
                date.clone().map(|date| Entry {
                    indicator: (indicator_column, indicator.clone()),
                    unit: (unit_column, unit),
                    date,
                    // Mapping rules name no period yet: a flow read by rules is refused.
                    period: (None, None),
                    value: (value_column, value.unwrap_or_default()),
                    note: note.clone(),
                    by: None,
                })
            };
            (key, entry)
        })
        .collect()
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The (code, unit) a row counts under in the summary, as written in the file.
fn row_key(header: &Header, cells: &[String]) -> (String, String) {
    let code_field = match header.layout {
        Layout::Measurements => Field::Indicator,
        Layout::TaskStatuses => Field::Task,
    };
    // Cut like any echo: a 160,000-character code must not reach the summary's table.
    let code = header
        .cell(cells, code_field)
        .map(|(_, c)| clip(c, ECHO_LIMIT).to_uppercase())
        .unwrap_or_default();
    let unit = header
        .cell(cells, Field::Unit)
        .map(|(_, u)| clip(u, ECHO_LIMIT))
        .unwrap_or_default();
    (code, unit)
}

type RowError = (Option<usize>, Localized);

fn missing(header: &Header, field: Field, what: (&str, &str)) -> RowError {
    let (vi, en) = what;
    (header.column(field), i18n::cell_missing(vi, en))
}

fn row_date(header: &Header, cells: &[String], settings: &Settings) -> Result<NaiveDate, RowError> {
    match header.cell(cells, Field::Date) {
        Some((column, text)) => crate::input::date::parse_date(text).map_err(|e| {
            (
                Some(column),
                i18n::invalid_date(&clip(text, ECHO_LIMIT), &e),
            )
        }),
        None => settings
            .default_date
            .ok_or_else(|| missing(header, Field::Date, i18n::CELL_DATE)),
    }
}

/// One measurement read from a row, each part with the column it came from.
struct Entry {
    indicator: (Option<usize>, String),
    unit: (Option<usize>, Option<String>),
    date: (Option<usize>, NaiveDate),
    /// A flow's period ("Kỳ"); when given, its last day is the value's date.
    period: (Option<usize>, Option<String>),
    value: (Option<usize>, String),
    note: Option<String>,
    by: Option<String>,
}

/// The entry of a long-layout row.
fn measurement_row(
    tx: &Transaction,
    header: &Header,
    cells: &[String],
    settings: &Settings,
    import_id: i64,
) -> Result<RowOutcome, RowError> {
    let (indicator_column, indicator) = header
        .cell(cells, Field::Indicator)
        .ok_or_else(|| missing(header, Field::Indicator, i18n::CELL_INDICATOR))?;
    let value_fields = [Field::Value, Field::Numerator, Field::Denominator];
    let has_value_column = value_fields.iter().any(|f| header.column(*f).is_some());
    if has_value_column
        && value_fields
            .iter()
            .all(|f| header.cell(cells, *f).is_none())
    {
        return Ok(RowOutcome::Blank);
    }
    let unit = match header.cell(cells, Field::Unit) {
        Some((column, unit)) => (Some(column), Some(unit.to_string())),
        None => (
            header.column(Field::Unit),
            settings.default_unit.map(str::to_string),
        ),
    };
    let period = match header.cell(cells, Field::Period) {
        Some((column, text)) => (Some(column), Some(text.to_string())),
        None => (header.column(Field::Period), None),
    };
    // With a period, its last day is the date: a "Ngày" column is not needed.
    let date = match (&period.1, header.cell(cells, Field::Date)) {
        (Some(_), None) => (None, settings.today),
        _ => (
            header.column(Field::Date),
            row_date(header, cells, settings)?,
        ),
    };
    // A value may come as one cell, or as numerator and denominator cells.
    let value = match (
        header.cell(cells, Field::Numerator),
        header.cell(cells, Field::Denominator),
    ) {
        (Some((column, n)), Some((_, d))) => (Some(column), format!("{n}/{d}")),
        _ => header
            .cell(cells, Field::Value)
            .map(|(column, v)| (Some(column), v.to_string()))
            .ok_or_else(|| missing(header, Field::Value, i18n::CELL_VALUE))?,
    };
    let entry = Entry {
        indicator: (Some(indicator_column), indicator.to_string()),
        unit,
        date,
        period,
        value,
        note: header.cell(cells, Field::Note).map(|(_, n)| n.to_string()),
        by: header.cell(cells, Field::By).map(|(_, b)| b.to_string()),
    };
    record_entry(tx, &entry, settings, import_id)
}

/// Checks one entry like `record` does and appends it, unless it is already stored.
fn record_entry(
    tx: &Transaction,
    entry: &Entry,
    settings: &Settings,
    import_id: i64,
) -> Result<RowOutcome, RowError> {
    // A flow's value covers its period ("Kỳ"), and is dated its last day.
    let period = match lookup_indicator(settings.plan, &entry.indicator.1) {
        Ok((_, indicator)) => {
            entry::period_for(indicator, entry.period.1.as_deref(), settings.today)
                .map_err(|m| (entry.period.0.or(entry.indicator.0), m))?
        }
        // An unknown code is reported with its suggestions by the value's own check.
        Err(_) => None,
    };
    let date = period.map_or(entry.date.1, |(_, end)| end);
    let checked = entry::measurement(
        settings.plan,
        &entry.indicator.1,
        &entry.value.1,
        entry.unit.1.as_deref(),
        date,
        settings.today,
        entry::early_in_first_year(settings.plan, period),
        None,
    )
    .map_err(|refusal| {
        let column = match refusal.part {
            Part::Indicator => entry.indicator.0,
            Part::Unit => entry.unit.0,
            Part::Date => entry.date.0,
            Part::Value => entry.value.0,
        };
        (column, refusal.message)
    })?;
    let note = entry::note(entry.note.as_deref()).map_err(|m| (None, m))?;
    let code = &checked.indicator.code;
    let database = |e: DbError| (None, i18n::row_database_error(&e));
    if let Some(span) = period {
        entry::check_overlap(tx, code, &checked.unit, false, span)
            .map_err(database)?
            .map_err(|m| (entry.period.0, m))?;
    }
    let existing = current_measurement(tx, code, &checked.unit, date, false).map_err(database)?;
    let reading = checked.reading;
    if let Some(old) = &existing {
        if old.value == reading.value
            && old.numerator == reading.numerator
            && old.denominator == reading.denominator
        {
            return Ok(RowOutcome::Unchanged);
        }
        if !settings.correct {
            let (unit, day) = (&checked.unit, Lang::Vi.date(date));
            let (old_vi, old_en) = (Lang::Vi.number(old.value), Lang::En.number(old.value));
            let (new_vi, new_en) = (
                Lang::Vi.number(reading.value),
                Lang::En.number(reading.value),
            );
            return Err((
                entry.value.0,
                i18n::value_differs(code, unit, &day, &old_vi, &new_vi, &old_en, &new_en),
            ));
        }
    }
    insert_measurement(
        tx,
        &NewMeasurement {
            indicator: code.clone(),
            unit: checked.unit.clone(),
            date,
            period_start: period.map(|(start, _)| start),
            value: reading.value,
            numerator: reading.numerator,
            denominator: reading.denominator,
            baseline: false,
            revision: existing.as_ref().map_or(1, |old| old.revision + 1),
            note,
            recorded_by: entry.by.clone().or(settings.by.map(str::to_string)),
            import_id: Some(import_id),
        },
    )
    .map_err(database)?;
    Ok(if existing.is_some() {
        RowOutcome::Corrected
    } else {
        RowOutcome::Imported
    })
}

/// The status a task-status cell names, as the action that reaches it.
fn status_action(text: &str) -> Option<TaskAction> {
    match fold(text).as_str() {
        "hoan thanh" | "da hoan thanh" | "xong" | "done" | "completed" => Some(TaskAction::Done),
        "dang thuc hien" | "bat dau" | "da bat dau" | "in progress" | "started" | "start" => {
            Some(TaskAction::Start)
        }
        "huy" | "da huy" | "cancelled" | "canceled" | "cancel" => Some(TaskAction::Cancel),
        "mo lai" | "reopen" | "reopened" => Some(TaskAction::Reopen),
        _ => None,
    }
}

fn task_row(
    tx: &Transaction,
    header: &Header,
    cells: &[String],
    settings: &Settings,
    import_id: i64,
) -> Result<RowOutcome, RowError> {
    let (task_column, code) = header
        .cell(cells, Field::Task)
        .ok_or_else(|| missing(header, Field::Task, i18n::CELL_TASK))?;
    let (_, task) = lookup_task(settings.plan, code).map_err(|m| (Some(task_column), m))?;
    if header.column(Field::Status).is_none() {
        return Err(missing(header, Field::Status, i18n::CELL_STATUS));
    }
    let Some((status_column, status)) = header.cell(cells, Field::Status) else {
        return Ok(RowOutcome::Blank);
    };
    let action = status_action(status).ok_or_else(|| {
        let shown = clip(status, ECHO_LIMIT);
        (Some(status_column), i18n::status_not_understood(shown))
    })?;
    let note = entry::note(header.cell(cells, Field::Note).map(|(_, n)| n))
        .map_err(|m| (header.column(Field::Note), m))?;
    let date = row_date(header, cells, settings)?;
    entry::check_date(settings.plan, date, settings.today, false)
        .map_err(|m| (header.column(Field::Date), m))?;
    let database = |e: DbError| (None, i18n::row_database_error(&e));
    let events = task_events_of(tx, &task.code).map_err(database)?;
    let (now, _) = task_state(&events, date);
    let reached = match action {
        TaskAction::Done => TaskStatus::Done,
        TaskAction::Start | TaskAction::Reopen => TaskStatus::InProgress,
        TaskAction::Cancel => TaskStatus::Cancelled,
    };
    if now == reached {
        return Ok(RowOutcome::Unchanged);
    }
    // A sheet says "in progress" of a task that was done or cancelled: it was reopened.
    let action = match (action, now) {
        (TaskAction::Start, TaskStatus::Done | TaskStatus::Cancelled) => TaskAction::Reopen,
        _ => action,
    };
    // The same rule as `kehoach task`: a row the replay would ignore is refused.
    check_task_event(&events, action, date).map_err(|conflict| {
        (
            Some(status_column),
            task_event_refused(&task.code, action, date, &conflict),
        )
    })?;
    insert_task_event(
        tx,
        &NewTaskEvent {
            task: task.code.clone(),
            action,
            date,
            note,
            recorded_by: header
                .cell(cells, Field::By)
                .map(|(_, b)| b.to_string())
                .or(settings.by.map(str::to_string)),
            import_id: Some(import_id),
        },
    )
    .map_err(database)?;
    Ok(RowOutcome::Imported)
}

/// "so-lieu.csv:7:4 (Giá trị): reason".
/// A workbook's: "so-lieu.xlsx [Chỉ tiêu] ô G7 (Giá trị): reason".
fn problem_line(file: &str, problem: &Problem) -> Localized {
    let reason = Localized {
        vi: problem.reason_vi.clone(),
        en: problem.reason_en.clone(),
    };
    if let Some(sheet) = &problem.sheet {
        let place = i18n::cell_place(
            file,
            sheet,
            problem.column.map(column_letters),
            problem.line,
            problem.field.as_deref(),
        );
        return Localized {
            vi: format!("{}: {}", place.vi, reason.vi),
            en: format!("{}: {}", place.en, reason.en),
        };
    }
    let place = match (problem.column, &problem.field) {
        (Some(column), Some(field)) => format!("{file}:{}:{column} ({field}): ", problem.line),
        (Some(column), None) => format!("{file}:{}:{column}: ", problem.line),
        _ => format!("{file}:{}: ", problem.line),
    };
    reason.prefixed(&place)
}

fn summary_text(lang: Lang, summary: &FileSummary, format: Format) -> String {
    let c = summary.counts;
    let file = &summary.file;
    let nothing_changed = c.imported + c.corrected == 0;
    let state = match (summary.dry_run, summary.committed) {
        (true, _) => lang.pick(i18n::DRY_RUN_NOTHING_WRITTEN).to_string(),
        (false, true) if nothing_changed => Message::NothingChanged.render(lang),
        (false, true) => lang.pick(i18n::WRITTEN).to_string(),
        (false, false) => lang.pick(i18n::NOTHING_WRITTEN).to_string(),
    };
    let mut listing = Listing::new(&[
        lang.pick(i18n::CODE),
        lang.pick(i18n::UNIT),
        lang.pick(i18n::READ),
        lang.pick(i18n::IMPORTED_34),
        lang.pick(i18n::UNCHANGED),
        lang.pick(i18n::CORRECTED),
        lang.pick(i18n::REJECTED),
    ]);
    listing.title = Some(match (summary.encoding, &summary.delimiter) {
        (Some(encoding), Some(delimiter)) => format!("{file} ({encoding}, «{delimiter}»): {state}"),
        _ => format!(
            "{file} ({}: {}): {state}",
            summary.format,
            summary.sheets.join(", ")
        ),
    });
    for row in &summary.by_code {
        let k = row.counts;
        listing.push(vec![
            row.code.clone(),
            row.unit.clone(),
            k.rows_read.to_string(),
            k.imported.to_string(),
            k.unchanged.to_string(),
            k.corrected.to_string(),
            k.rejected.to_string(),
        ]);
    }
    listing.push(vec![
        lang.pick(i18n::TOTAL).to_string(),
        String::new(),
        c.rows_read.to_string(),
        c.imported.to_string(),
        c.unchanged.to_string(),
        c.corrected.to_string(),
        c.rejected.to_string(),
    ]);
    if c.blank > 0 {
        listing
            .notes
            .push(i18n::rows_blank(c.blank).get(lang).to_string());
    }
    if c.rows_read > 0 && c.unchanged + c.blank == c.rows_read && c.unchanged > 0 {
        listing
            .notes
            .push(lang.pick(i18n::THIS_FILE_WAS_IMPORTED_BEFORE).to_string());
    }
    // A refused file's problems are the error message; here only those of a kept or trial file.
    if summary.committed || summary.dry_run {
        for problem in summary.problems.iter().take(PROBLEMS_SHOWN) {
            listing
                .notes
                .push(problem_line(file, problem).get(lang).to_string());
        }
        let more = (summary.problems.len() as u64 + summary.problems_more)
            .saturating_sub(PROBLEMS_SHOWN as u64);
        if more > 0 {
            listing
                .notes
                .push(Message::MoreProblems { count: more }.render(lang));
        }
    }
    listing.render(format)
}

/// The `--errors` file: the rejected rows in the input's own columns, layout and encoding, with
/// a reason column at the end that import ignores, so a department fixes the cells and sends
/// the file back. Written to a hidden temporary file as rows are found, renamed at the end.
struct ErrorsFile {
    target: std::path::PathBuf,
    temporary: std::path::PathBuf,
    out: std::io::BufWriter<std::fs::File>,
    lang: Lang,
    /// The layout the file was begun in: (encoding, delimiter, header names).
    layout: Option<ErrorsLayout>,
    /// The row last written (file, sheet, line), so a row with two problems is written once.
    last: Option<(String, Option<String>, u64)>,
    finished: bool,
}

impl ErrorsFile {
    /// Refuses an existing file unless `force`, and anything that is not a regular file.
    fn create(target: &Path, force: bool, lang: Lang) -> anyhow::Result<ErrorsFile> {
        let shown = target.display().to_string();
        crate::files::check_target(target)?;
        if target.exists() && !force {
            return Err(rejected(Message::WouldOverwrite { path: shown }.into()));
        }
        crate::files::remove_leftovers(target);
        let temporary = crate::files::temp_beside(target);
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
            .map_err(|e| rejected(i18n::file_unwritable(&shown, &e)))?;
        Ok(ErrorsFile {
            target: target.to_path_buf(),
            temporary,
            out: std::io::BufWriter::new(file),
            lang,
            layout: None,
            last: None,
            finished: false,
        })
    }

    fn write(&mut self, text: &str) -> anyhow::Result<()> {
        use std::io::Write;
        let encoding = self
            .layout
            .as_ref()
            .map_or(Encoding::Utf8Bom, |l| l.encoding);
        let bytes = crate::input::decode::encode(text, encoding);
        self.out.write_all(&bytes).map_err(|e| self.unwritable(e))
    }

    fn unwritable(&self, e: std::io::Error) -> anyhow::Error {
        rejected(i18n::file_unwritable(self.target.display().to_string(), &e))
    }

    fn record(&self, cells: &[String]) -> String {
        let (delimiter, crlf) = self
            .layout
            .as_ref()
            .map_or((b';', true), |l| (l.delimiter, l.crlf));
        let terminator = if crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        };
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(terminator)
            .flexible(true)
            .from_writer(Vec::new());
        // Writing to a Vec cannot fail.
        writer.write_record(cells).ok();
        String::from_utf8_lossy(&writer.into_inner().unwrap_or_default()).into_owned()
    }

    /// Begins a sheet: the first one sets the file's layout (a BOM if the input had one,
    /// blank lines down to the header's line, the header and the reason column); a later sheet
    /// with another header gets that header written again above its rows.
    fn header(&mut self, place: &Place) -> anyhow::Result<()> {
        let mut names = place.names.to_vec();
        names.push(self.lang.pick(REASON_COLUMN).to_string());
        match &self.layout {
            Some(layout) if layout.names == names => return Ok(()),
            Some(_) => {}
            None => {
                self.layout = Some(ErrorsLayout {
                    encoding: place.encoding,
                    delimiter: place.delimiter,
                    crlf: place.crlf,
                    names: names.clone(),
                });
                use std::io::Write;
                let bom: &[u8] = match place.encoding {
                    Encoding::Utf8Bom => b"\xEF\xBB\xBF",
                    Encoding::Utf16Le => b"\xFF\xFE",
                    Encoding::Utf16Be => b"\xFE\xFF",
                    _ => b"",
                };
                self.out.write_all(bom).map_err(|e| self.unwritable(e))?;
                // Mapping rules read their header on a given line: keep it there.
                let end = if place.crlf { "\r\n" } else { "\n" };
                let blank = end.repeat(place.header_line.saturating_sub(1).min(100) as usize);
                self.write(&blank)?;
            }
        }
        if let Some(layout) = self.layout.as_mut() {
            layout.names = names.clone();
        }
        let line = self.record(&names);
        self.write(&line)
    }

    /// One rejected row, its cells as read (a formula kept as text) and the reason last.
    fn row(&mut self, place: &Place, cells: &[String], problem: &Problem) -> anyhow::Result<()> {
        let key = (
            place.file.to_string(),
            place.sheet.map(str::to_string),
            problem.line,
        );
        if self.last.as_ref() == Some(&key) {
            return Ok(());
        }
        self.last = Some(key);
        self.header(place)?;
        let mut record: Vec<String> = cells
            .iter()
            .map(|c| crate::input::text::escape_spreadsheet_cell(c))
            .collect();
        // The reason goes in the reason column, after the header's columns.
        let width = place.names.len();
        if record.len() < width {
            record.resize(width, String::new());
        }
        let reason = problem_line(&file_name(Path::new(place.file)), problem);
        let reason = crate::input::text::escape_spreadsheet_cell(reason.get(self.lang));
        record.insert(width.min(record.len()), reason);
        let line = self.record(&record);
        self.write(&line)
    }

    /// Syncs the file and renames it over the target.
    fn finish(mut self) -> anyhow::Result<()> {
        use std::io::Write;
        if self.layout.is_none() {
            // No sheet was read at all: the file holds the reason column's header only.
            let line = self.record(&[self.lang.pick(REASON_COLUMN).to_string()]);
            self.write(&format!("\u{feff}{line}"))?;
        }
        self.out.flush().map_err(|e| self.unwritable(e))?;
        self.out
            .get_ref()
            .sync_all()
            .map_err(|e| self.unwritable(e))?;
        std::fs::rename(&self.temporary, &self.target).map_err(|e| self.unwritable(e))?;
        self.finished = true;
        crate::files::sync_folder(&self.target);
        Ok(())
    }
}

impl Drop for ErrorsFile {
    fn drop(&mut self) {
        if !self.finished {
            std::fs::remove_file(&self.temporary).ok();
        }
    }
}

/// How the `--errors` file is written: the first sheet's encoding, delimiter and line ends,
/// and the header written last.
#[derive(Clone)]
struct ErrorsLayout {
    encoding: Encoding,
    delimiter: u8,
    crlf: bool,
    names: Vec<String>,
}

/// The `--errors` file's last column: a header import does not know, so it is ignored.
const REASON_COLUMN: (&str, &str) = ("Lý do từ chối (kehoach)", "Rejection reason (kehoach)");

/// The mapping rules file, read and checked.
fn read_mapping(path: &Path) -> anyhow::Result<Mapping> {
    let shown = path.display().to_string();
    let text =
        std::fs::read_to_string(path).map_err(|e| rejected(i18n::rules_unreadable(&shown, &e)))?;
    Mapping::parse(&nfc(&text)).map_err(|e| match e {
        MappingError::NoValue => rejected(i18n::rules_without_value(&shown)),
        MappingError::Toml(message) => rejected(i18n::rules_invalid(&shown, &message)),
    })
}
