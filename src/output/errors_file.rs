//! The `--errors` file of an import: the rejected rows as the department sent them, with the
//! reason beside each, ready to be fixed and imported again.

use std::path::Path;

use crate::files::FileRefusal;
use crate::input::decode::Encoding;
use crate::output::i18n::Lang;
use crate::output::rejected_row::{file_name, problem_line, Place, Problem};

/// The `--errors` file: the rejected rows in the input's own columns, layout and encoding, with
/// a reason column at the end that import ignores, so a department fixes the cells and sends
/// the file back. Written to a hidden temporary file as rows are found, renamed at the end.
pub struct ErrorsFile {
    pub target: std::path::PathBuf,
    pub temporary: std::path::PathBuf,
    pub out: std::io::BufWriter<std::fs::File>,
    pub lang: Lang,
    /// The layout the file was begun in: (encoding, delimiter, header names).
    pub layout: Option<ErrorsLayout>,
    /// The row last written (file, sheet, line), so a row with two problems is written once.
    pub last: Option<(String, Option<String>, u64)>,
    pub finished: bool,
}

impl ErrorsFile {
    /// Refuses an existing file unless `force`, and anything that is not a regular file.
    pub fn create(target: &Path, force: bool, lang: Lang) -> anyhow::Result<ErrorsFile> {
        let shown = target.display().to_string();
        crate::files::check_target(target)?;
        if target.exists() && !force {
            return Err(FileRefusal::WouldOverwrite { path: shown }.into());
        }
        crate::files::remove_leftovers(target);
        let temporary = crate::files::temp_beside(target);
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
            .map_err(|e| FileRefusal::Unwritable {
                path: shown.clone(),
                error: e.to_string(),
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

    pub fn write(&mut self, text: &str) -> anyhow::Result<()> {
        use std::io::Write;
        let encoding = self
            .layout
            .as_ref()
            .map_or(Encoding::Utf8Bom, |l| l.encoding);
        let bytes = crate::input::decode::encode(text, encoding);
        self.out.write_all(&bytes).map_err(|e| self.unwritable(e))
    }

    pub fn unwritable(&self, e: std::io::Error) -> anyhow::Error {
        FileRefusal::Unwritable {
            path: self.target.display().to_string(),
            error: e.to_string(),
        }
        .into()
    }

    pub fn record(&self, cells: &[String]) -> String {
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
    pub fn header(&mut self, place: &Place) -> anyhow::Result<()> {
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
    pub fn row<'c>(
        &mut self,
        place: &Place,
        cells: impl Iterator<Item = &'c str>,
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
            .map(crate::input::text::escape_spreadsheet_cell)
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
    pub fn finish(mut self) -> anyhow::Result<()> {
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
pub struct ErrorsLayout {
    pub encoding: Encoding,
    pub delimiter: u8,
    pub crlf: bool,
    pub names: Vec<String>,
}

/// The `--errors` file's last column: a header import does not know, so it is ignored.
pub const REASON_COLUMN: (&str, &str) = ("Lý do từ chối (kehoach)", "Rejection reason (kehoach)");
