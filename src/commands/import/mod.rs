//! `kehoach import`: measurements and task statuses from department CSV files and workbooks.
//!
//! This page wires the pipeline: `input::csv` and `input::sheet` read a file's rows,
//! `input::rows` turns each row into entries, `write.rs` checks them (on a reading thread) and
//! writes them (on the thread that owns the transaction), `batch.rs` carries them from one
//! thread to the other, and `output::import` counts what they did, says it and writes the
//! errors file.
//!
//! Each file is read as a stream, row by row, into one transaction: every row is checked like
//! `record` checks a typed value; the file is committed only when no row was rejected (or with
//! `--skip-invalid`), and never with `--dry-run`.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};

use chrono::NaiveDate;

use crate::cli::ImportArgs;
use crate::commands::{as_of, lookup_unit, recorder, Context};
use crate::error::{rejected, AppError};
use crate::input::csv;
use crate::input::decode::Encoding;
use crate::input::mapping::{Mapping, MappingError};
use crate::input::rows::{self, Defaults, RowEntries, Sheet};
use crate::input::sheet;
use crate::input::stream;
use crate::input::text::{clip, nfc};
use crate::input::workbook::{is_workbook, Workbook};
use crate::output::errors_file::ErrorsFile;
use crate::output::i18n;
use crate::output::import::{
    csv_error, file_name, layout_error, refusal, summary_text, workbook_error, FileSummary, Place,
    Tally,
};
use crate::output::import_messages::ImportMessage;
use crate::output::{self, Format, Listing};
use crate::plan::template::{Identity, TEMPLATE_LAYOUT};
use crate::plan::Plan;
use crate::store::plan::fingerprint;
use crate::store::records::{finish_import, import_log, start_import, ImportCounts};
use crate::store::writer::MeasurementWriter;
use crate::store::Transaction;

mod batch;
mod write;

use batch::Batch;

/// Runs `import`.
pub fn run(context: &Context, args: ImportArgs) -> anyhow::Result<()> {
    let scans = scan_ahead(&args.files);
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
                entry.counts.rows_read.to_string(),
                entry.counts.imported.to_string(),
                entry.counts.unchanged.to_string(),
                entry.counts.corrected.to_string(),
                entry.counts.rejected.to_string(),
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
                entry.counts.rows_read.to_string(),
                entry.counts.imported.to_string(),
                entry.counts.unchanged.to_string(),
                entry.counts.corrected.to_string(),
                entry.counts.rejected.to_string(),
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
        let errors = errors.as_mut();
        // The scanning thread sends one for each file, in order, and stops only unheard.
        let scan = scans.recv().expect("a scan for each file");
        let summary = store.write(|tx| {
            let writer = MeasurementWriter::new(tx, &plan)?;
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
                writer: &writer,
            };
            let summary = import_file(tx, path, scan, &settings, args.dry_run, errors)?;
            if summary.committed {
                // The summaries of what the file touched, in the same transaction.
                writer.finish(&plan)?;
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
        let (message, details) = refusal(&summaries);
        return Err(AppError::bad_input(message).with_details(details).into());
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
struct Settings<'a, 'w> {
    plan: &'a Plan,
    today: NaiveDate,
    default_unit: Option<&'a str>,
    default_date: Option<NaiveDate>,
    correct: bool,
    skip_invalid: bool,
    encoding: Option<Encoding>,
    mapping: Option<&'a Mapping>,
    by: Option<&'a str>,
    /// Appends the file's measurements (one per transaction).
    writer: &'a MeasurementWriter<'w>,
}

impl Settings<'_, '_> {
    /// What a row falls back on where it says nothing.
    fn defaults(&self) -> Defaults<'_> {
        Defaults {
            today: self.today,
            unit: self.default_unit,
            date: self.default_date,
        }
    }
}

/// Scans the files one after another on a thread of their own (`stream::scan`: one pass
/// for a file's fingerprint and encoding), a file ahead: each is scanned while the plan is
/// opened or the file before it is written, not after.
fn scan_ahead(files: &[PathBuf]) -> Receiver<std::io::Result<stream::Scan>> {
    let (sender, scans) = mpsc::sync_channel(1);
    let files = files.to_vec();
    // Not joined: when the import stops early, the scan under way is of no use.
    std::thread::spawn(move || {
        for path in files {
            if sender.send(stream::scan(&path)).is_err() {
                return;
            }
        }
    });
    scans
}

/// Imports one file, `scan` being what its scan told (or why it could not be read); the rows
/// are read as a stream.
fn import_file(
    tx: &Transaction,
    path: &Path,
    scan: std::io::Result<stream::Scan>,
    settings: &Settings,
    dry_run: bool,
    errors: Option<&mut ErrorsFile>,
) -> anyhow::Result<FileSummary> {
    let file = path.display().to_string();
    let scan = scan.map_err(|e| {
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
    let mut tally = Tally::new(errors);
    let source = if is_workbook(path) {
        import_workbook(tx, path, settings, import_id, &mut tally)?
    } else {
        import_csv(tx, path, &scan, settings, import_id, &mut tally)?
    };
    let counts = tally.counts;
    let logged = ImportCounts {
        rows_read: counts.rows_read,
        imported: counts.imported,
        unchanged: counts.unchanged,
        corrected: counts.corrected,
        rejected: counts.rejected,
    };
    finish_import(tx, import_id, logged)?;
    let committed = !dry_run && (tally.problems.is_empty() || settings.skip_invalid);
    let by_code = tally.by_code();
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
        by_code,
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

/// A CSV file, read as a stream of rows.
fn import_csv(
    tx: &Transaction,
    path: &Path,
    scan: &stream::Scan,
    settings: &Settings,
    import_id: i64,
    tally: &mut Tally<'_>,
) -> anyhow::Result<SourceInfo> {
    let file = path.display().to_string();
    let file = file.as_str();
    let unreadable = |e| rejected(csv_error(file, e));
    let mut csv = csv::open(path, scan, settings.encoding).map_err(unreadable)?;
    let (encoding, delimiter, crlf) = (csv.encoding, csv.delimiter, csv.crlf);
    let progress = progress_bar(scan.size);
    let mut read = 0u64;
    let mut next_row = |cells: &mut Vec<String>| {
        let (line, position) = match csv.read_row(cells) {
            Ok(Some(row)) => row,
            Ok(None) => return None,
            Err(e) => return Some(Err(unreadable(e))),
        };
        read += 1;
        if read.is_multiple_of(1000) {
            progress.set_position(position);
        }
        Some(Ok(line))
    };
    // The header: the first row that is not blank (with --map, from the mapping's header row).
    let from = settings.mapping.map_or(0, |m| m.header_row);
    let Some((header_line, names)) = csv::header(&mut next_row, from)? else {
        return Err(rejected(
            ImportMessage::CsvEmpty {
                file: file.to_string(),
            }
            .into(),
        ));
    };
    let mut layout = rows::layout(settings.mapping, &names)
        .map_err(|e| rejected(layout_error(file, header_line, &names, e)))?;
    let place = Place {
        file,
        sheet: None,
        names: &names,
        header_line,
        encoding,
        delimiter,
        crlf,
    };
    read_rows(
        tx,
        next_row,
        &mut layout,
        &place,
        settings,
        import_id,
        tally,
    )?;
    progress.finish_and_clear();
    csv.finish().map_err(unreadable)?;
    Ok(SourceInfo {
        format: "csv",
        encoding: Some(encoding.name()),
        delimiter: Some(csv.delimiter_name()),
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
    let unreadable = |e| rejected(workbook_error(&file, &e));
    let mut workbook = Workbook::open(path).map_err(unreadable)?;
    let identity = match settings.mapping {
        None => sheet::identity(&mut workbook).map_err(unreadable)?,
        Some(_) => None,
    };
    if let Some(identity) = &identity {
        check_identity(tx, identity, &file, settings.plan)?;
    }
    // A template's rows are its unit's, as of the end of its period, unless told otherwise.
    let settings = match &identity {
        Some(identity) => Settings {
            default_unit: settings.default_unit.or(identity.unit.as_deref()),
            default_date: settings.default_date.or(Some(identity.period.end)),
            ..settings.clone()
        },
        None => settings.clone(),
    };
    let named = settings.mapping.and_then(|m| m.sheet.as_deref());
    let sheets = sheet::sheets_to_read(&workbook, settings.mapping.is_some(), named);
    let mut read = Vec::new();
    let mut layouts = Vec::new();
    let mut unrecognised: Option<(String, u64, Vec<String>)> = None;
    for name in sheets {
        let rows = workbook.rows(&name).map_err(unreadable)?;
        let label = format!("{file} [{name}]");
        let header_row = settings.mapping.map(|m| m.header_row);
        let Some((index, header_line, names)) = sheet::find_header(&rows, header_row) else {
            if unrecognised.is_none() {
                if let Some((line, names)) = sheet::first_row(&rows) {
                    unrecognised = Some((label, line, names));
                }
            }
            continue;
        };
        let mut layout = rows::layout(settings.mapping, &names)
            .map_err(|e| rejected(layout_error(&label, header_line, &names, e)))?;
        let dates = layout.date_columns();
        let mut text_rows = sheet::text_rows(&rows[index + 1..], &dates);
        let next_row = |cells: &mut Vec<String>| {
            let (line, row) = text_rows.next()?;
            *cells = row;
            Some(Ok(line))
        };
        let place = Place {
            file: &file,
            sheet: Some(&name),
            names: &names,
            header_line,
            encoding: Encoding::Utf8Bom,
            delimiter: b';',
            crlf: false,
        };
        read_rows(
            tx,
            next_row,
            &mut layout,
            &place,
            &settings,
            import_id,
            tally,
        )?;
        layouts.push(layout.name());
        read.push(name);
    }
    if read.is_empty() {
        return Err(rejected(match unrecognised {
            Some((label, line, names)) => {
                let found = clip(&names.join(" | "), 200);
                ImportMessage::HeaderNotRecognised {
                    file: label,
                    line,
                    found,
                }
                .into()
            }
            None => ImportMessage::WorkbookEmpty {
                file: file.to_string(),
            }
            .into(),
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

/// Refuses a template made for another plan or an older version of it.
fn check_identity(
    tx: &Transaction,
    identity: &Identity,
    file: &str,
    plan: &Plan,
) -> anyhow::Result<()> {
    if identity.layout > TEMPLATE_LAYOUT {
        return Err(rejected(
            ImportMessage::TemplateNewerLayout {
                file: file.to_string(),
                layout: identity.layout,
            }
            .into(),
        ));
    }
    if identity.plan_number != plan.meta.number {
        return Err(rejected(
            ImportMessage::TemplateOtherPlan {
                file: file.to_string(),
                theirs: identity.plan_number.clone(),
                ours: plan.meta.number.clone(),
            }
            .into(),
        ));
    }
    let current = fingerprint(tx)?.unwrap_or_default();
    if identity.plan_version != current {
        return Err(rejected(
            ImportMessage::TemplateOldVersion {
                file: file.to_string(),
                unit: identity.unit.as_deref().unwrap_or("all").to_string(),
                // A template is for the last whole period before its day: the day after this one.
                as_of: identity.period.end + chrono::Days::new(1),
            }
            .into(),
        ));
    }
    Ok(())
}

/// Checks and records every row after the header, tallying what each did. `next_row` reads
/// a row into the cells it is given (the same buffer for every row) and tells its line.
///
/// Two threads share the work: this one owns the transaction and writes, while another reads
/// the rows and checks them as far as that needs no database, a few batches ahead, and counts
/// what the written ones did when they come back. An error on either side stops both: the
/// writer's ends the rows it is given (the reader stops at its next hand-over), and the
/// reader's comes after the rows before it are written and counted.
fn read_rows(
    tx: &Transaction,
    next_row: impl FnMut(&mut Vec<String>) -> Option<anyhow::Result<u64>> + Send,
    layout: &mut Sheet,
    place: &Place,
    settings: &Settings,
    import_id: i64,
    tally: &mut Tally<'_>,
) -> anyhow::Result<()> {
    tally.sheet(place)?;
    let (plan, defaults) = (settings.plan, settings.defaults());
    std::thread::scope(|scope| {
        let (sender, batches) = mpsc::sync_channel(BATCHES_AHEAD);
        // Written batches go back to the reader to be counted and filled again: the writer,
        // the slower of the two, does nothing but write, and the buffers are allocated once,
        // not freed on one thread for every batch made on the other.
        let (give_back, written) = mpsc::channel();
        let reader = scope.spawn(move || {
            let read = read_batches(
                next_row, layout, plan, &defaults, sender, &written, place, tally,
            );
            // Every batch the writer gives back, to its last: its rows counted in order.
            let counted = written
                .iter()
                .try_for_each(|mut batch| count_batch(&mut batch, place, tally));
            read.and(counted)
        });
        let wrote = write_batches(tx, batches, give_back, settings, import_id);
        let read = reader
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        wrote.and(read)
    })
}

/// Batches read ahead of the writer: enough that neither thread waits on the other's
/// unevenness, few enough that memory stays flat.
const BATCHES_AHEAD: usize = 4;

/// The reading thread: reads every row, checks its entries without the database and sends
/// them on in batches, counting a `written` one and filling it again when there is one.
/// Stops at a row that cannot be read (sending the rows before it first), or when the
/// writer takes no more.
#[allow(clippy::too_many_arguments)]
fn read_batches<'p>(
    mut next_row: impl FnMut(&mut Vec<String>) -> Option<anyhow::Result<u64>>,
    layout: &mut Sheet,
    plan: &'p Plan,
    defaults: &Defaults,
    batches: SyncSender<Batch<'p>>,
    written: &Receiver<Batch<'p>>,
    place: &Place,
    tally: &mut Tally<'_>,
) -> anyhow::Result<()> {
    let mut cells = Vec::new();
    let mut batch = Batch::default();
    let mut rows = batch::FIRST_BATCH_ROWS;
    while let Some(line) = next_row(&mut cells) {
        let line = match line {
            Ok(line) => line,
            Err(error) => {
                batches.send(batch).ok();
                return Err(error);
            }
        };
        if csv::is_blank(&cells) || !layout.prepare(&mut cells) {
            continue;
        }
        let check = |(key, entry)| (key, write::check(entry, plan, defaults.today));
        match layout.entries(&cells, defaults) {
            RowEntries::One(key, entry) => batch.push(line, &cells, [check((key, entry))]),
            RowEntries::Many(entries) => batch.push(line, &cells, entries.into_iter().map(check)),
        }
        if batch.is_full(rows) {
            rows = batch::BATCH_ROWS;
            let next = match written.try_recv() {
                Ok(mut done) => {
                    count_batch(&mut done, place, tally)?;
                    done
                }
                Err(_) => Batch::default(),
            };
            if batches.send(std::mem::replace(&mut batch, next)).is_err() {
                // The writer stopped: its error ends the import.
                return Ok(());
            }
        }
    }
    if !batch.is_empty() {
        batches.send(batch).ok();
    }
    Ok(())
}

/// Tallies each row of a written batch once all its entries are written, then empties it.
fn count_batch(batch: &mut Batch, place: &Place, tally: &mut Tally<'_>) -> anyhow::Result<()> {
    let mut outcomes = batch.outcomes.drain(..);
    for row in batch.rows.iter() {
        // The row's keys end first: `zip` takes no outcome of the next row.
        let results = row.keys().zip(outcomes.by_ref());
        tally.row(place, row.line, row.cells, results)?;
    }
    drop(outcomes);
    batch.clear();
    Ok(())
}

/// The writing thread: writes the entries of each batch in order, noting what each did, and
/// gives each batch written back to the reader. Ends when the reader has sent its last batch.
fn write_batches<'p>(
    tx: &Transaction,
    batches: Receiver<Batch<'p>>,
    written: Sender<Batch<'p>>,
    settings: &Settings,
    import_id: i64,
) -> anyhow::Result<()> {
    for mut batch in batches {
        for entry in batch.entries.drain(..) {
            let outcome = write::write(tx, entry, settings, import_id)?;
            batch.outcomes.push(outcome);
        }
        // A reader that has stopped counts no more: its error ends the import.
        written.send(batch).ok();
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
