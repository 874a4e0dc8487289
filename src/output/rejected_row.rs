//! A rejected row of an import: where it is (file, sheet, line, column) and why, in the words
//! both the summary and the errors file use.

use std::path::Path;

use serde::Serialize;

use crate::input::decode::Encoding;
use crate::input::workbook::column_letters;
use crate::output::import_messages::ImportMessage;
use crate::output::lang::Localized;

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

/// Where a sheet's problems are placed: the sheet (for a workbook) and its header's names,
/// with what the errors file needs to be written in the input's own layout.
pub struct Place<'a> {
    pub file: &'a str,
    pub sheet: Option<&'a str>,
    pub names: &'a [String],
    pub header_line: u64,
    /// A CSV's encoding and delimiter; a workbook's rows are written as UTF-8 with `;`.
    pub encoding: Encoding,
    pub delimiter: u8,
    /// Whether lines end in CR LF.
    pub crlf: bool,
}

/// A file's name without its folder, as the import log and the errors file show it.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// "so-lieu.csv:7:4 (Giá trị): reason".
/// A workbook's: "so-lieu.xlsx [Chỉ tiêu] ô G7 (Giá trị): reason".
pub fn problem_line(file: &str, problem: &Problem) -> Localized {
    let reason = Localized {
        vi: problem.reason_vi.clone(),
        en: problem.reason_en.clone(),
    };
    if let Some(sheet) = &problem.sheet {
        let place = ImportMessage::CellPlace {
            file: file.to_string(),
            sheet: sheet.clone(),
            column: problem.column.map(column_letters),
            row: problem.line,
            field: problem.field.clone(),
        }
        .localized();
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
