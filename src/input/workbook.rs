//! Spreadsheets as departments save them: `.xlsx`, `.xlsm`, `.xls`, `.xlsb` and `.ods`.
//!
//! A sheet becomes rows of typed cells, numbered as the spreadsheet numbers them, and each cell
//! becomes the text the CSV path would have read, so one import path serves both.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader, SheetVisible, Sheets};
use chrono::{Duration, NaiveDate};

/// The file extensions read as workbooks rather than CSV.
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// Whether `path` names a workbook, by its extension.
pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// A cell as the spreadsheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A number shown with a percent format: Excel stores 95,5% as 0,955.
    Percent(f64),
    Date(NaiveDate),
    /// `#DIV/0!`, `#N/A`, ...
    Error(String),
}

impl Cell {
    /// The text the CSV path would read for this cell. Numbers are written with a decimal comma
    /// and no grouping, so "1,234" is one point two three four, never a thousand. In a date
    /// column a bare number is a date serial that lost its format.
    pub fn text(&self, date_column: bool) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Number(value) if date_column => serial_date(*value)
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_else(|| decimal_comma(*value)),
            Cell::Number(value) => decimal_comma(*value),
            Cell::Percent(value) => format!("{}%", decimal_comma(value * 100.0)),
            Cell::Date(date) => date.format("%Y-%m-%d").to_string(),
            Cell::Error(error) => error.clone(),
        }
    }
}

/// `value` with a decimal comma, rounded to 10 places to drop binary noise (0.1 + 0.2).
fn decimal_comma(value: f64) -> String {
    let rounded = (value * 1e10).round() / 1e10;
    format!("{rounded}").replace('.', ",")
}

/// The day an Excel serial (1900 system) names, for serials of plausible plan years.
fn serial_date(serial: f64) -> Option<NaiveDate> {
    // 36526 is 01/01/2000, 73051 is 01/01/2100: a count or a percentage is never taken for a day.
    if serial.fract() != 0.0 || !(36526.0..73051.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30).map(|epoch| epoch + Duration::days(serial as i64))
}

/// A sheet's rows: (1-based row number, cells from column A).
pub type SheetRows = Vec<(u64, Vec<Cell>)>;

/// Why a workbook cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkbookError {
    /// Not a workbook, damaged, or protected with a password.
    Unreadable(String),
    NoSuchSheet {
        sheet: String,
        sheets: Vec<String>,
    },
    /// One zip part expands beyond [`PART_LIMIT`] (a zip bomb, or a sheet far too large).
    PartTooLarge {
        part: String,
    },
    /// The parts together expand beyond [`TOTAL_LIMIT`].
    TooLarge,
    /// A sheet with more than [`CELL_LIMIT`] cells.
    TooManyCells {
        sheet: String,
    },
    /// Content the workbook reader could not make sense of at all.
    Damaged,
    /// Reading took longer than allowed.
    TimedOut {
        seconds: u64,
    },
    /// A part whose XML ends before the elements it opened are closed.
    Truncated {
        part: String,
    },
    /// A cell beyond [`COLUMN_LIMIT`] columns or [`ROW_LIMIT`] rows.
    OutOfBounds {
        sheet: String,
        cell: String,
    },
}

/// The most one zip part of a workbook may expand to: a sheet of 200,000 rows is ~40 MB.
pub const PART_LIMIT: u64 = 256 << 20;
/// The most all parts together may expand to.
pub const TOTAL_LIMIT: u64 = 512 << 20;
/// The most cells (with a value or a style) one sheet may hold.
pub const CELL_LIMIT: u64 = 5_000_000;
/// Columns read: A to ALL (1,000); no department layout comes near.
pub const COLUMN_LIMIT: u32 = 1000;
/// Rows read: 1,000,000.
pub const ROW_LIMIT: u32 = 1_000_000;

/// calamine's .ods reader waits for ever for an end tag that never comes when content.xml ends
/// inside a table, a row or an annotation (a 2 kB file hung `import`): the XML is read through
/// once, bounded, and must close every element it opens.
fn check_ods_content(path: &Path) -> Result<(), WorkbookError> {
    let unreadable = |e: &dyn std::fmt::Display| WorkbookError::Unreadable(e.to_string());
    let file = std::fs::File::open(path).map_err(|e| unreadable(&e))?;
    let Ok(mut archive) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return Ok(());
    };
    let Ok(content) = archive.by_name("content.xml") else {
        return Ok(());
    };
    let bounded = std::io::Read::take(content, PART_LIMIT + 1);
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(bounded));
    let mut buffer = Vec::new();
    let mut depth = 0usize;
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(unreadable(&e)),
        }
        buffer.clear();
    }
    if depth > 0 {
        return Err(WorkbookError::Truncated {
            part: "content.xml".to_string(),
        });
    }
    Ok(())
}

/// A zip part's name, or "?" when it cannot be read as text.
fn part_name<E>(name: Result<std::borrow::Cow<'_, str>, E>) -> String {
    name.map_or_else(|_| "?".to_string(), |n| n.into_owned())
}

/// Measures a zip-based workbook's parts before any is parsed: their declared sizes, then
/// what they really expand to (a declared size may lie), read through and counted, never kept.
fn check_zip_parts(path: &Path) -> Result<(), WorkbookError> {
    let unreadable = |e: &dyn std::fmt::Display| WorkbookError::Unreadable(e.to_string());
    let file = std::fs::File::open(path).map_err(|e| unreadable(&e))?;
    let Ok(mut archive) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        // Not a zip: an old .xls, or a damaged file calamine will name.
        return Ok(());
    };
    let mut declared = 0u64;
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(|e| unreadable(&e))?;
        if entry.size() > PART_LIMIT {
            return Err(WorkbookError::PartTooLarge {
                part: crate::input::text::clip(&part_name(entry.name()), 80),
            });
        }
        declared = declared.saturating_add(entry.size());
    }
    if declared > TOTAL_LIMIT {
        return Err(WorkbookError::TooLarge);
    }
    let mut total = 0u64;
    for index in 0..archive.len() {
        let mut entry = match archive.by_index(index) {
            Ok(entry) => entry,
            // An encrypted or unsupported part: calamine gives the reason.
            Err(_) => continue,
        };
        let part = part_name(entry.name());
        let mut bounded = std::io::Read::take(&mut entry, PART_LIMIT + 1);
        // The zip reader also stops a part that expands past its declared size.
        let expanded =
            std::io::copy(&mut bounded, &mut std::io::sink()).map_err(|e| unreadable(&e))?;
        if expanded > PART_LIMIT {
            return Err(WorkbookError::PartTooLarge {
                part: crate::input::text::clip(&part, 80),
            });
        }
        total += expanded;
        if total > TOTAL_LIMIT {
            return Err(WorkbookError::TooLarge);
        }
    }
    Ok(())
}

/// How long reading a workbook may take before it is given up (`KEHOACH_WORKBOOK_TIMEOUT_S`):
/// whatever else in a malformed file makes the reader loop, `import` answers.
const READ_TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(300);

/// A workbook read whole: its sheets' names, whether each is visible, and each sheet's rows
/// (or why that sheet cannot be read).
pub struct Workbook {
    sheets: Vec<(String, bool)>,
    rows: std::collections::HashMap<String, Result<SheetRows, WorkbookError>>,
    /// What kind of file it is, for the summary: "xlsx", "ods", ...
    pub format: &'static str,
}

impl Workbook {
    /// Opens a workbook and reads its sheets; the kind is told by the extension. The reading
    /// runs on a thread of its own, given up after [`READ_TIME_LIMIT`].
    pub fn open(path: &Path) -> Result<Workbook, WorkbookError> {
        let format = match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("ods") => "ods",
            Some("xls") => "xls",
            Some("xlsb") => "xlsb",
            Some("xlsm") => "xlsm",
            _ => "xlsx",
        };
        // Before calamine reads a byte: it expands shared strings whole when it opens the file.
        check_zip_parts(path)?;
        if format == "ods" {
            check_ods_content(path)?;
        }
        let limit = std::env::var("KEHOACH_WORKBOOK_TIMEOUT_S")
            .ok()
            .and_then(|s| s.parse().ok())
            .map_or(READ_TIME_LIMIT, std::time::Duration::from_secs);
        // No time at all is over at once: whichever thread ran first must not decide.
        if limit.is_zero() {
            return Err(WorkbookError::TimedOut { seconds: 0 });
        }
        let owned = path.to_path_buf();
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            send.send(Calamine::read_all(&owned)).ok();
        });
        let (sheets, rows) =
            receive
                .recv_timeout(limit)
                .map_err(|_| WorkbookError::TimedOut {
                    seconds: limit.as_secs(),
                })??;
        Ok(Workbook {
            sheets,
            rows,
            format,
        })
    }

    /// The names of the sheets a person sees, in order.
    pub fn visible_sheets(&self) -> Vec<String> {
        self.sheets
            .iter()
            .filter(|(_, visible)| *visible)
            .map(|(name, _)| name.clone())
            .collect()
    }

    /// Whether the workbook has a sheet of this name, hidden or not.
    pub fn has_sheet(&self, name: &str) -> bool {
        self.sheets.iter().any(|(sheet, _)| sheet == name)
    }

    /// The rows of a sheet that hold cells (blank rows may be left out), numbered from 1 like
    /// the spreadsheet.
    pub fn rows(&mut self, sheet: &str) -> Result<SheetRows, WorkbookError> {
        match self.rows.get(sheet) {
            Some(rows) => rows.clone(),
            None => Err(WorkbookError::NoSuchSheet {
                sheet: sheet.to_string(),
                sheets: self.visible_sheets(),
            }),
        }
    }
}

/// The sheets' names and visibility, and each sheet's rows.
type WholeWorkbook = (
    Vec<(String, bool)>,
    std::collections::HashMap<String, Result<SheetRows, WorkbookError>>,
);

/// calamine's reader, used on the reading thread only.
struct Calamine {
    sheets: Sheets<std::io::BufReader<std::fs::File>>,
}

impl Calamine {
    /// Every sheet of the workbook at `path`, with calamine's panics caught.
    fn read_all(path: &Path) -> Result<WholeWorkbook, WorkbookError> {
        let sheets = guarded(|| {
            open_workbook_auto(path).map_err(|e| WorkbookError::Unreadable(e.to_string()))
        })?;
        let mut reader = Calamine { sheets };
        let names: Vec<(String, bool)> = reader
            .sheets
            .sheets_metadata()
            .iter()
            .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
            .collect();
        let mut rows = std::collections::HashMap::new();
        for (name, _) in &names {
            let read = guarded(|| reader.read_rows(name));
            rows.insert(name.clone(), read);
        }
        Ok((names, rows))
    }

    fn visible_sheets(&self) -> Vec<String> {
        self.sheets
            .sheets_metadata()
            .iter()
            .filter(|s| s.visible == SheetVisible::Visible)
            .map(|s| s.name.clone())
            .collect()
    }

    fn has_sheet(&self, name: &str) -> bool {
        self.sheets.sheet_names().iter().any(|s| s == name)
    }

    fn read_rows(&mut self, sheet: &str) -> Result<SheetRows, WorkbookError> {
        if !self.has_sheet(sheet) {
            return Err(WorkbookError::NoSuchSheet {
                sheet: sheet.to_string(),
                sheets: self.visible_sheets(),
            });
        }
        // An .xlsx is read cell by cell, bounded, never as one range: a single cell at
        // XFD1048576 makes calamine's range ask for 512 GB.
        if let Sheets::Xlsx(xlsx) = &mut self.sheets {
            return xlsx_rows(xlsx, sheet);
        }
        let range = self
            .sheets
            .worksheet_range(sheet)
            .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
        if let (Some(start), Some(end)) = (range.start(), range.end()) {
            check_place(sheet, end)?;
            let cells = u64::from(end.0 - start.0 + 1) * u64::from(end.1 - start.1 + 1);
            if cells > CELL_LIMIT {
                let sheet = sheet.to_string();
                return Err(WorkbookError::TooManyCells { sheet });
            }
        }
        // Only .xlsx carries cell styles here; elsewhere a percentage arrives as its fraction.
        let styles = self.sheets.worksheet_style(sheet).ok();
        let Some((first_row, first_column)) = range.start() else {
            return Ok(Vec::new());
        };
        let mut rows = Vec::with_capacity(range.height());
        for (offset, row) in range.rows().enumerate() {
            let row_index = first_row + offset as u32;
            let mut cells = vec![Cell::Empty; first_column as usize];
            for (column_offset, data) in row.iter().enumerate() {
                let column = first_column + column_offset as u32;
                let percent = styles
                    .as_ref()
                    .and_then(|s| s.get((row_index, column)))
                    .and_then(|style| style.number_format.as_ref())
                    .is_some_and(|f| f.format_code.contains('%'));
                cells.push(cell(data, percent));
            }
            rows.push((u64::from(row_index) + 1, cells));
        }
        Ok(rows)
    }
}

/// Runs calamine's reading with its panics caught: a malformed workbook is refused like any
/// other, never a crash (fuzzing found `<dimension ref="B2:A1"/>` panicking on an overflow
/// in calamine's debug builds). The panic's own message is kept off the user's terminal.
fn guarded<T>(work: impl FnOnce() -> Result<T, WorkbookError>) -> Result<T, WorkbookError> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    std::panic::set_hook(hook);
    result.unwrap_or(Err(WorkbookError::Damaged))
}

/// Refuses a cell beyond the rows and columns read.
fn check_place(sheet: &str, (row, column): (u32, u32)) -> Result<(), WorkbookError> {
    if row >= ROW_LIMIT || column >= COLUMN_LIMIT {
        return Err(WorkbookError::OutOfBounds {
            sheet: sheet.to_string(),
            cell: format!(
                "{}{}",
                column_letters(column as usize + 1),
                u64::from(row) + 1
            ),
        });
    }
    Ok(())
}

/// An .xlsx sheet's rows from its cells as they stream past, each checked against the limits;
/// only the rows that hold cells are kept.
fn xlsx_rows(
    xlsx: &mut calamine::Xlsx<std::io::BufReader<std::fs::File>>,
    sheet: &str,
) -> Result<SheetRows, WorkbookError> {
    let unreadable = |e: calamine::XlsxError| WorkbookError::Unreadable(e.to_string());
    let mut reader = xlsx.worksheet_cells_reader(sheet).map_err(unreadable)?;
    let mut rows: std::collections::BTreeMap<u32, Vec<Cell>> = std::collections::BTreeMap::new();
    let mut count = 0u64;
    while let Some((found, style)) = reader.next_cell_with_style_id().map_err(unreadable)? {
        count += 1;
        if count > CELL_LIMIT {
            let sheet = sheet.to_string();
            return Err(WorkbookError::TooManyCells { sheet });
        }
        let (row, column) = found.get_position();
        let percent = reader
            .styles()
            .get(style)
            .and_then(|style| style.number_format.as_ref())
            .is_some_and(|f| f.format_code.contains('%'));
        let data = Data::from(found.get_value().clone());
        if matches!(data, Data::Empty) {
            continue;
        }
        // Only a cell with a value is placed: an empty styled cell far away costs nothing.
        check_place(sheet, (row, column))?;
        let cells = rows.entry(row).or_default();
        let column = column as usize;
        if cells.len() <= column {
            cells.resize(column + 1, Cell::Empty);
        }
        cells[column] = cell(&data, percent);
    }
    Ok(rows
        .into_iter()
        .map(|(row, cells)| (u64::from(row) + 1, cells))
        .collect())
}

fn cell(data: &Data, percent: bool) -> Cell {
    let number = |value: f64| {
        if percent {
            Cell::Percent(value)
        } else {
            Cell::Number(value)
        }
    };
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) => Cell::Text(text.clone()),
        Data::Int(value) => number(*value as f64),
        Data::Float(value) => number(*value),
        Data::Bool(value) => Cell::Text(value.to_string()),
        Data::DateTime(moment) => {
            let (year, month, day, ..) = moment.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day))
                .map_or(Cell::Number(moment.as_f64()), Cell::Date)
        }
        Data::DateTimeIso(text) | Data::DurationIso(text) => Cell::Text(text.clone()),
        Data::Error(error) => Cell::Error(error.to_string()),
    }
}

/// "A", "B", ..., "Z", "AA": the letters of a 1-based column number.
pub fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(b'A' + rest as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_the_number_parser_reads_them() {
        use crate::input::number::parse_number_detail;
        for value in [1.234, 95.5, 1234567.0, 0.1 + 0.2, 412.0, 0.005] {
            let text = Cell::Number(value).text(false);
            let parsed = parse_number_detail(&text).unwrap().value;
            assert!((parsed - value).abs() < 1e-9, "{value} → {text} → {parsed}");
        }
        assert_eq!(Cell::Percent(0.955).text(false), "95,5%");
    }

    #[test]
    fn a_bare_number_in_a_date_column_is_a_serial() {
        // 46193 is 20/06/2026 in Excel's 1900 system.
        assert_eq!(Cell::Number(46193.0).text(true), "2026-06-20");
        assert_eq!(Cell::Number(46193.0).text(false), "46193");
        assert_eq!(Cell::Number(12.5).text(true), "12,5");
        let date = NaiveDate::from_ymd_opt(2026, 6, 20).unwrap();
        assert_eq!(Cell::Date(date).text(true), "2026-06-20");
    }

    #[test]
    fn column_numbers_become_letters() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(53), "BA");
    }
}
