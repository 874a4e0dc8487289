//! A workbook's sheets as `import` reads them: which sheets, the header found under a title,
//! each row as the text the CSV path would have read, and a filled template's identity.

use super::csv::TextRow;
use super::long;
use super::text::nfc;
use super::workbook::{Cell, SheetRows, Workbook, WorkbookError};
use crate::plan::template::{Identity, IDENTITY_SHEET};

/// The sheets to read: the one the mapping rules name, the first visible one for rules that
/// name none, or (no rules) every visible sheet.
pub fn sheets_to_read(workbook: &Workbook, mapped: bool, named: Option<&str>) -> Vec<String> {
    match named {
        Some(sheet) => vec![sheet.to_string()],
        None if mapped => workbook.visible_sheets().into_iter().take(1).collect(),
        None => workbook.visible_sheets(),
    }
}

/// The header of a sheet: with mapping rules (`header_row`), the rules' header row or the first
/// row after it that is not blank; otherwise the first of the top rows that the long layout
/// recognises, so a title and instructions may stand above it. (index in `rows`, line, names)
pub fn find_header(rows: &SheetRows, header_row: Option<u64>) -> Option<(usize, u64, Vec<String>)> {
    match header_row {
        Some(header_row) => rows
            .iter()
            .enumerate()
            .find(|(_, (line, cells))| *line >= header_row && !is_blank(cells))
            .map(|(index, (line, cells))| (index, *line, texts(cells, &[]))),
        None => rows
            .iter()
            .enumerate()
            .take(20)
            .map(|(index, (line, cells))| (index, *line, texts(cells, &[])))
            .find(|(_, _, names)| long::recognise(names).is_some()),
    }
}

/// The first row that is not blank, as text: what a sheet with no header found shows.
pub fn first_row(rows: &SheetRows) -> Option<(u64, Vec<String>)> {
    rows.iter()
        .find(|(_, cells)| !is_blank(cells))
        .map(|(line, cells)| (*line, texts(cells, &[])))
}

/// The rows as text, in NFC; a bare number in one of `dates` is read as a date serial.
pub fn text_rows<'r>(
    rows: &'r [(u64, Vec<Cell>)],
    dates: &'r [usize],
) -> impl Iterator<Item = TextRow> + 'r {
    rows.iter()
        .map(move |(line, cells)| (*line, texts(cells, dates)))
}

/// Whether every cell of a row is blank.
pub fn is_blank(cells: &[Cell]) -> bool {
    cells.iter().all(|c| c.text(false).trim().is_empty())
}

fn texts(cells: &[Cell], dates: &[usize]) -> Vec<String> {
    cells
        .iter()
        .enumerate()
        .map(|(column, cell)| nfc(&cell.text(dates.contains(&column))))
        .collect()
}

/// A filled template's identity, from its hidden sheet; `None` for a workbook without one, or
/// one whose identity cannot be read.
pub fn identity(workbook: &mut Workbook) -> Result<Option<Identity>, WorkbookError> {
    if !workbook.has_sheet(IDENTITY_SHEET) {
        return Ok(None);
    }
    let rows = workbook.rows(IDENTITY_SHEET)?;
    let pairs: Vec<(String, String)> = rows
        .iter()
        .map(|(_, cells)| {
            let text = |i: usize| cells.get(i).map(|c| c.text(false)).unwrap_or_default();
            (text(0), text(1))
        })
        .collect();
    Ok(Identity::from_pairs(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
    ))
}
