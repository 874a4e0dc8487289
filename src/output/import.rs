//! What an import says: the counts as rows are read, the summary, each rejected row in words,
//! why a file or row could not be read, and the errors file a department fixes and sends back.

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::input::csv::CsvError;
use crate::input::long::Field;
use crate::input::rows::{Key, LayoutError, RowProblem};
use crate::input::text::{clip, ECHO_LIMIT};
use crate::input::workbook::WorkbookError;
use crate::output::errors_file::ErrorsFile;
use crate::output::i18n::{self, Lang, Localized};
use crate::output::import_messages::ImportMessage;
use crate::output::problems::Message;
use crate::output::records::RecordMessage;
use crate::output::refusals::InputRefusal;
pub use crate::output::rejected_row::{file_name, problem_line, Place, Problem};
use crate::output::{Format, Listing};

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

impl Counts {
    /// Both counts added up.
    fn plus(&self, other: &Counts) -> Counts {
        Counts {
            rows_read: self.rows_read + other.rows_read,
            imported: self.imported + other.imported,
            unchanged: self.unchanged + other.unchanged,
            corrected: self.corrected + other.corrected,
            rejected: self.rejected + other.rejected,
            blank: self.blank + other.blank,
        }
    }
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

/// What one row did.
pub enum Outcome {
    Imported,
    Unchanged,
    Corrected,
    /// Nothing filled in: the unit has no figure (or no change) to give.
    Blank,
}

/// Why an entry was refused, and the column it is about (when it is about one).
pub type Refused = (Option<usize>, Localized);

/// What the rows of a file did, as they are read.
pub struct Tally<'e> {
    pub counts: Counts,
    by_code: ByCode,
    pub problems: Vec<Problem>,
    pub problems_more: u64,
    /// Where rejected rows go, as they are found (`--errors`).
    errors: Option<&'e mut ErrorsFile>,
}

impl<'e> Tally<'e> {
    /// Nothing counted yet; rejected rows go to `errors` when given.
    pub fn new(errors: Option<&'e mut ErrorsFile>) -> Self {
        Tally {
            counts: Counts::default(),
            by_code: ByCode::default(),
            problems: Vec::new(),
            problems_more: 0,
            errors,
        }
    }

    /// Begins a sheet. The first sheet read sets the errors file's layout, rows or not; a
    /// later sheet with another header writes it only above a rejected row of its own.
    pub fn sheet(&mut self, place: &Place) -> anyhow::Result<()> {
        match self.errors.as_deref_mut().filter(|e| e.layout.is_none()) {
            Some(errors) => errors.header(place),
            None => Ok(()),
        }
    }

    /// Counts what the entries of one row (at `line`, its `cells` as read) did.
    pub fn row<'r, 'c>(
        &mut self,
        place: &Place,
        line: u64,
        cells: impl Iterator<Item = &'c str> + Clone,
        results: impl IntoIterator<Item = (Key<'r>, Result<Outcome, Refused>)>,
    ) -> anyhow::Result<()> {
        self.counts.rows_read += 1;
        for (key, row) in results {
            if matches!(row, Ok(Outcome::Blank)) {
                self.counts.blank += 1;
                continue;
            }
            let entry = self.by_code.counts_of(&key.0, &key.1);
            entry.rows_read += 1;
            let counts = &mut self.counts;
            match row {
                Ok(Outcome::Imported) => {
                    counts.imported += 1;
                    entry.imported += 1;
                }
                Ok(Outcome::Unchanged) => {
                    counts.unchanged += 1;
                    entry.unchanged += 1;
                }
                Ok(Outcome::Corrected) => {
                    counts.corrected += 1;
                    entry.corrected += 1;
                }
                Ok(Outcome::Blank) => {}
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
                    if let Some(errors) = self.errors.as_deref_mut() {
                        errors.row(place, cells.clone(), &problem)?;
                    }
                    if self.problems.len() < PROBLEMS_KEPT {
                        self.problems.push(problem);
                    } else {
                        self.problems_more += 1;
                    }
                }
            }
        }
        Ok(())
    }

    /// The counts per code and unit, in order.
    pub fn by_code(&mut self) -> Vec<CodeCounts> {
        let mut all: Vec<CodeCounts> = std::mem::take(&mut self.by_code).into_counts();
        all.sort_by(|a, b| (&a.code, &a.unit).cmp(&(&b.code, &b.unit)));
        all
    }
}

/// Counts by code and unit, each pair under one key put together in a buffer kept from row
/// to row (the code's length, the code, the unit): a row's pair is found with one lookup and
/// no copy. (Never an empty key: comparing with an empty String's dangling pointer makes
/// some CPUs stall on a fault-suppressed load, hundreds of cycles per row.)
#[derive(Default)]
struct ByCode {
    counts: FxHashMap<Vec<u8>, CodeCounts>,
    key: Vec<u8>,
    /// The pairs past [`BY_CODE_KEPT`], counted together, apart from the map: a day's file
    /// has many more pairs than that, and each of them costs one lookup, not three.
    rest: Option<Counts>,
}

impl ByCode {
    /// The counts of `code` and `unit`, new ones made at zero; past [`BY_CODE_KEPT`] pairs, a
    /// new pair's are those of "…".
    fn counts_of(&mut self, code: &str, unit: &str) -> &mut Counts {
        self.pack(code, unit);
        if !self.counts.contains_key(&self.key) {
            // 200,000 unknown codes must not make a 200,000-row summary: past the limit, new
            // codes are counted together under "…".
            if self.counts.len() >= BY_CODE_KEPT {
                return self.rest.get_or_insert_default();
            }
            let (code, unit) = (code.to_string(), unit.to_string());
            let counts = Counts::default();
            let new = CodeCounts { code, unit, counts };
            self.counts.insert(self.key.clone(), new);
        }
        let found = self.counts.get_mut(&self.key).expect("made above");
        &mut found.counts
    }

    /// Every pair's counts, those past the limit under "…" (with a pair of that name's own).
    fn into_counts(mut self) -> Vec<CodeCounts> {
        if let Some(rest) = self.rest.take() {
            self.pack("…", "");
            let all = self
                .counts
                .entry(self.key.clone())
                .or_insert_with(|| CodeCounts {
                    code: "…".to_string(),
                    unit: String::new(),
                    counts: Counts::default(),
                });
            all.counts = all.counts.plus(&rest);
        }
        self.counts.into_values().collect()
    }

    fn pack(&mut self, code: &str, unit: &str) {
        self.key.clear();
        self.key.extend_from_slice(&code.len().to_le_bytes());
        self.key.extend_from_slice(code.as_bytes());
        self.key.extend_from_slice(unit.as_bytes());
    }
}

/// The refusal of an import that rejected rows, with the first problems to list under it.
pub fn refusal(summaries: &[FileSummary]) -> (Localized, Vec<Localized>) {
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
    (ImportMessage::RowsRejected { count }.into(), details)
}

/// Why a row could not be read, in words.
pub fn row_problem(problem: &RowProblem) -> Localized {
    match problem {
        RowProblem::Missing(field) => {
            let (vi, en) = match field {
                Field::Indicator => i18n::CELL_INDICATOR,
                Field::Task => i18n::CELL_TASK,
                Field::Status => i18n::CELL_STATUS,
                Field::Value => i18n::CELL_VALUE,
                _ => i18n::CELL_DATE,
            };
            ImportMessage::CellMissing { cell: (vi, en) }.into()
        }
        RowProblem::InvalidDate { text, error } => InputRefusal::InvalidDate {
            text: text.clone(),
            error: error.clone(),
        }
        .into(),
        RowProblem::DateMissing => ImportMessage::DateMissing.into(),
        RowProblem::MappingWithoutDate => ImportMessage::MappingWithoutDate.into(),
        RowProblem::IndicatorMissing => ImportMessage::IndicatorMissing.into(),
        RowProblem::StatusNotUnderstood(status) => RecordMessage::StatusNotUnderstood {
            status: status.clone(),
        }
        .into(),
    }
}

/// Why a CSV file could not be read, in words.
pub fn csv_error(file: &str, error: CsvError) -> Localized {
    let file = file.to_string();
    match error {
        CsvError::NotUtf8 { places, total } => {
            let message: Localized = Message::NotUtf8 { places, total }.into();
            message.prefixed(&format!("{file}: "))
        }
        CsvError::Decode(error) => InputRefusal::UnreadableText { file, error }.into(),
        CsvError::Io(error) => ImportMessage::FileUnreadable {
            path: file,
            error: error.to_string(),
        }
        .into(),
        CsvError::Broken(error) => ImportMessage::CsvBroken {
            file,
            error: error.to_string(),
        }
        .into(),
        CsvError::QuoteSwallowsRow { line, over } => {
            Message::QuoteSwallowsRow { file, line, over }.into()
        }
        CsvError::QuoteNotClosed { line } => Message::QuoteNotClosed { file, line }.into(),
    }
}

/// Why a sheet's header could not be read, in words; `file` names the sheet for a workbook.
pub fn layout_error(file: &str, line: u64, names: &[String], error: LayoutError) -> Localized {
    match error {
        LayoutError::DuplicateColumn {
            name,
            first,
            second,
        } => Message::DuplicateColumn {
            file: file.to_string(),
            line,
            name,
            first: first + 1,
            second: second + 1,
        }
        .into(),
        LayoutError::MappingColumnMissing(column) => ImportMessage::MappingColumnMissing {
            file: file.to_string(),
            line,
            found: clip(&names.join(" | "), 200),
            column,
        }
        .into(),
        LayoutError::NotRecognised => ImportMessage::HeaderNotRecognised {
            file: file.to_string(),
            line,
            found: clip(&names.join(" | "), 200),
        }
        .into(),
    }
}

/// Why a workbook could not be read, in words.
pub fn workbook_error(file: &str, error: &WorkbookError) -> Localized {
    use crate::input::workbook::{CELL_LIMIT, COLUMN_LIMIT, PART_LIMIT, ROW_LIMIT, TOTAL_LIMIT};
    let file = file.to_string();
    match error {
        WorkbookError::Unreadable(reason) => ImportMessage::WorkbookUnreadable {
            file: file.to_string(),
            reason: reason.to_string(),
        }
        .into(),
        WorkbookError::NoSuchSheet { sheet, sheets } => {
            let (file, sheet, sheets) = (file.to_string(), sheet.clone(), sheets.join(", "));
            ImportMessage::SheetMissing {
                file,
                sheet,
                sheets,
            }
            .into()
        }
        WorkbookError::PartTooLarge { part } => Message::WorkbookPartTooLarge {
            file,
            part: part.clone(),
            limit_mb: PART_LIMIT >> 20,
        }
        .into(),
        WorkbookError::TooLarge => Message::WorkbookTooLarge {
            file,
            limit_mb: TOTAL_LIMIT >> 20,
        }
        .into(),
        WorkbookError::TooManyCells { sheet } => Message::TooManyCells {
            file,
            sheet: sheet.clone(),
            limit: CELL_LIMIT,
        }
        .into(),
        WorkbookError::TimedOut { seconds } => Message::WorkbookTimedOut {
            file,
            seconds: *seconds,
        }
        .into(),
        WorkbookError::Damaged => Message::WorkbookDamaged { file }.into(),
        WorkbookError::Truncated { part } => Message::WorkbookPartTruncated {
            file,
            part: part.clone(),
        }
        .into(),
        WorkbookError::OutOfBounds { sheet, cell } => Message::CellOutOfBounds {
            file,
            sheet: sheet.clone(),
            cell: cell.clone(),
            columns: COLUMN_LIMIT,
            rows: ROW_LIMIT,
        }
        .into(),
    }
}

pub fn summary_text(lang: Lang, summary: &FileSummary, format: Format) -> String {
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
        lang.pick(i18n::IMPORTED_NEW),
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
            .push(ImportMessage::RowsBlank { count: c.blank }.render(lang));
    }
    if c.rows_read > 0 && c.unchanged + c.blank == c.rows_read && c.unchanged > 0 {
        listing
            .notes
            .push(lang.pick(i18n::FILE_IMPORTED_BEFORE).to_string());
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    proptest! {
        /// Counted apart past the limit, the pairs come out as when "…" was a pair of the map
        /// like any other: every pair seen first while there was room, then "…" for the rest
        /// (a pair really named "…" included).
        #[test]
        fn pairs_past_the_limit_are_counted_under_one(
            pairs in proptest::collection::vec((0u16..2600, 0u8..3, 0u8..6), 0..6000),
        ) {
            let mut by_code = ByCode::default();
            let mut model: BTreeMap<(String, String), Counts> = BTreeMap::new();
            for (code, unit, field) in pairs {
                let (code, unit) = match code {
                    0 => ("…".to_string(), String::new()),
                    _ => (format!("TT{code}"), ["", "P1", "P2"][usize::from(unit)].to_string()),
                };
                let mut key = (code.clone(), unit.clone());
                if !model.contains_key(&key) && model.len() >= BY_CODE_KEPT {
                    key = ("…".to_string(), String::new());
                }
                let bump = |counts: &mut Counts| {
                    counts.rows_read += 1;
                    match field {
                        0 => counts.imported += 1,
                        1 => counts.unchanged += 1,
                        2 => counts.corrected += 1,
                        3 => counts.rejected += 1,
                        _ => counts.blank += 1,
                    }
                };
                bump(model.entry(key).or_default());
                bump(by_code.counts_of(&code, &unit));
            }
            let mut got: Vec<CodeCounts> = by_code.into_counts();
            got.sort_by(|a, b| (&a.code, &a.unit).cmp(&(&b.code, &b.unit)));
            let got: Vec<_> = got.into_iter().map(|c| (c.code, c.unit, format!("{:?}", c.counts))).collect();
            let want: Vec<_> = model.into_iter().map(|((code, unit), c)| (code, unit, format!("{c:?}"))).collect();
            prop_assert_eq!(got, want);
        }
    }
}
