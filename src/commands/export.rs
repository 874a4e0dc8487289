//! `kehoach export`: the ward's tracker as datasets the city rolls up on an analytics engine
//! (`DIR/<dataset>/ward=<CODE>/part-0.parquet`, or `.csv`).

use crate::cli::ExportArgs;
use crate::commands::{as_of, Context};
use crate::error::{rejected, AppError, ExitKind};
use crate::output::export::{datasets, partition_file, replace_files, ExportFormat, WardFacts};
use crate::output::export_messages::ExportMessage;
use crate::output::{self, Listing};
use crate::plan::compliance::{items, Moment, Split};
use crate::store::export::ward_rows;

/// Runs `export`.
pub fn run(context: &Context, args: ExportArgs) -> anyhow::Result<()> {
    let lang = context.lang;
    if args.out.is_file() {
        let path = args.out.display().to_string();
        return Err(rejected(ExportMessage::OutIsFile { path }.localized()));
    }
    let (store, plan) = context.open_plan()?;
    let ward = match args.ward.or_else(|| plan.meta.ward_code.clone()) {
        Some(code) if crate::plan::is_ward_code(&code) => code,
        Some(code) => return Err(rejected(ExportMessage::BadWardCode { code }.localized())),
        None => return Err(rejected(ExportMessage::NoWardCode.localized())),
    };
    let moment = Moment::During(as_of(args.as_of.as_of));
    let rows = ward_rows(store.conn(), &plan)
        .map_err(|e| crate::store::database_error(&e, &context.db))?;
    // The one judgement, as the ward's own `report` shows it: never recomputed here.
    let verdicts = items(&plan, &rows.recorded.records(), moment, Split::Ward);

    let sets = datasets(&WardFacts {
        ward: &ward,
        plan: &plan,
        measurements: &rows.measurements,
        task_events: &rows.task_events,
        moment,
        verdicts: &verdicts,
    });
    let mut files = Vec::with_capacity(sets.len());
    for set in &sets {
        let path = partition_file(&args.out, set.name, &ward, args.format);
        let bytes = match args.format {
            ExportFormat::Parquet => set.parquet().map_err(|e| e.to_string()),
            ExportFormat::Csv => set.csv().map_err(|e| e.to_string()),
        };
        let bytes = bytes.map_err(|error| {
            cannot_write(ExportMessage::CannotWrite {
                path: path.display().to_string(),
                error,
            })
        })?;
        files.push((path, bytes));
    }
    replace_files(&files).map_err(|failure| {
        cannot_write(ExportMessage::CannotWrite {
            path: failure.path.display().to_string(),
            error: failure.error,
        })
    })?;

    let mut listing = Listing::new(&[
        &ExportMessage::DatasetHeader.render(lang),
        &ExportMessage::RowsHeader.render(lang),
        &ExportMessage::FileHeader.render(lang),
    ]);
    for (set, (path, _)) in sets.iter().zip(&files) {
        listing.push(vec![
            set.name.to_string(),
            set.rows().to_string(),
            path.display().to_string(),
        ]);
    }
    listing.title = Some(
        ExportMessage::Exported {
            ward,
            datasets: sets.len(),
            rows: sets.iter().map(|s| s.rows()).sum(),
            dir: args.out.display().to_string(),
        }
        .render(lang),
    );
    output::print(&listing.render(output::Format::Table))
}

/// A file the export could not write (exit 1: neither the data nor the database is at fault).
fn cannot_write(message: ExportMessage) -> anyhow::Error {
    AppError {
        kind: ExitKind::Other,
        message: message.localized(),
        details: Vec::new(),
    }
    .into()
}
