//! What an import says: the summary, each rejected row in words, and the errors file a
//! department fixes and sends back.

use super::*;

/// "so-lieu.csv:7:4 (Giá trị): reason".
/// A workbook's: "so-lieu.xlsx [Chỉ tiêu] ô G7 (Giá trị): reason".
pub(super) fn problem_line(file: &str, problem: &Problem) -> Localized {
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

pub(super) fn summary_text(lang: Lang, summary: &FileSummary, format: Format) -> String {
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

/// The `--errors` file: the rejected rows in the input's own columns, layout and encoding, with
/// a reason column at the end that import ignores, so a department fixes the cells and sends
/// the file back. Written to a hidden temporary file as rows are found, renamed at the end.
pub(super) struct ErrorsFile {
    pub(super) target: std::path::PathBuf,
    pub(super) temporary: std::path::PathBuf,
    pub(super) out: std::io::BufWriter<std::fs::File>,
    pub(super) lang: Lang,
    /// The layout the file was begun in: (encoding, delimiter, header names).
    pub(super) layout: Option<ErrorsLayout>,
    /// The row last written (file, sheet, line), so a row with two problems is written once.
    pub(super) last: Option<(String, Option<String>, u64)>,
    pub(super) finished: bool,
}

impl ErrorsFile {
    /// Refuses an existing file unless `force`, and anything that is not a regular file.
    pub(super) fn create(target: &Path, force: bool, lang: Lang) -> anyhow::Result<ErrorsFile> {
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
            .map_err(|e| {
                rejected(
                    Message::FileUnwritable {
                        path: shown.clone(),
                        error: e.to_string(),
                    }
                    .into(),
                )
            })?;
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

    pub(super) fn write(&mut self, text: &str) -> anyhow::Result<()> {
        use std::io::Write;
        let encoding = self
            .layout
            .as_ref()
            .map_or(Encoding::Utf8Bom, |l| l.encoding);
        let bytes = crate::input::decode::encode(text, encoding);
        self.out.write_all(&bytes).map_err(|e| self.unwritable(e))
    }

    pub(super) fn unwritable(&self, e: std::io::Error) -> anyhow::Error {
        rejected(
            Message::FileUnwritable {
                path: self.target.display().to_string(),
                error: e.to_string(),
            }
            .into(),
        )
    }

    pub(super) fn record(&self, cells: &[String]) -> String {
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
    pub(super) fn header(&mut self, place: &Place) -> anyhow::Result<()> {
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
    pub(super) fn row(
        &mut self,
        place: &Place,
        cells: &[String],
        problem: &Problem,
    ) -> anyhow::Result<()> {
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
    pub(super) fn finish(mut self) -> anyhow::Result<()> {
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
pub(super) struct ErrorsLayout {
    pub(super) encoding: Encoding,
    pub(super) delimiter: u8,
    pub(super) crlf: bool,
    pub(super) names: Vec<String>,
}

/// The `--errors` file's last column: a header import does not know, so it is ignored.
pub(super) const REASON_COLUMN: (&str, &str) =
    ("Lý do từ chối (kehoach)", "Rejection reason (kehoach)");
