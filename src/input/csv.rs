//! A department's CSV file as a stream of rows: opened in its encoding (BOM dropped), its
//! delimiter sniffed from the first lines, each row with the line it starts on, so memory stays
//! flat however many rows it has.

use std::io::BufRead;
use std::path::Path;

use super::decode::{decode, sniff_delimiter, DecodeError, Encoding};
use super::stream::{self, Scan, Tracked};
use super::text::{nfc, nfc_into, trim};

/// A row as text cells (in NFC), with the line (or spreadsheet row) it starts on.
pub type TextRow = (u64, Vec<String>);

/// Why a CSV file cannot be read.
#[derive(Debug)]
pub enum CsvError {
    /// Meant as UTF-8, but some bytes are not: (line, column, byte) of the first few.
    NotUtf8 {
        places: Vec<(u64, u64, u8)>,
        total: u64,
    },
    /// The bytes are not text in the encoding.
    Decode(DecodeError),
    /// The file cannot be read.
    Io(std::io::Error),
    /// The csv reader gave up on a record.
    Broken(csv::Error),
    /// A quote opened on `line` runs over line `over`, which looks like a row of its own.
    QuoteSwallowsRow { line: u64, over: u64 },
    /// A quote opened on `line` is never closed.
    QuoteNotClosed { line: u64 },
}

/// An open CSV file, ready to give its rows.
pub struct CsvFile {
    /// The encoding it is read in: the one given, or the one its bytes show.
    pub encoding: Encoding,
    pub delimiter: u8,
    /// Whether lines end in CR LF.
    pub crlf: bool,
    /// Sendable, so a file may be read on a thread of its own.
    reader: csv::Reader<Tracked<Box<dyn BufRead + Send>>>,
    /// The record each row is read into, kept from row to row.
    record: csv::StringRecord,
}

/// Opens `path` in `forced` or the encoding its `scan` tells. UTF-8 (nearly every file, and
/// every large one) streams from the disk; UTF-16 and Windows-1258 are decoded whole first.
pub fn open(path: &Path, scan: &Scan, forced: Option<Encoding>) -> Result<CsvFile, CsvError> {
    let encoding = forced.unwrap_or(scan.encoding);
    let mut reader: Box<dyn BufRead + Send> = match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => {
            if scan.evidence.invalid > 0 {
                return Err(CsvError::NotUtf8 {
                    places: scan.evidence.places.clone(),
                    total: scan.evidence.invalid,
                });
            }
            if scan.has_nul {
                return Err(CsvError::Decode(DecodeError::Binary));
            }
            let opened = std::fs::File::open(path).map_err(CsvError::Io)?;
            let mut reader = std::io::BufReader::with_capacity(1 << 16, opened);
            if reader
                .fill_buf()
                .map_err(CsvError::Io)?
                .starts_with(b"\xEF\xBB\xBF")
            {
                reader.consume(3);
            }
            Box::new(reader)
        }
        other => {
            let bytes = std::fs::read(path).map_err(CsvError::Io)?;
            let (text, _) = decode(&bytes, Some(other)).map_err(CsvError::Decode)?;
            Box::new(std::io::Cursor::new(text.into_bytes()))
        }
    };
    // The delimiter from the first lines, read ahead without consuming them.
    let head = reader.fill_buf().map_err(CsvError::Io)?;
    let whole_lines = head
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(head, |end| &head[..end]);
    let delimiter = sniff_delimiter(&String::from_utf8_lossy(whole_lines));
    // Line ends as the file has them, for the --errors file.
    let crlf = head.windows(2).any(|w| w == b"\r\n");
    let reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(stream::track(reader, delimiter));
    Ok(CsvFile {
        encoding,
        delimiter,
        crlf,
        reader,
        record: csv::StringRecord::new(),
    })
}

impl CsvFile {
    /// Reads the next row into `cells`, reusing their buffers: its line and byte position, or
    /// `None` after the last row.
    pub fn read_row(&mut self, cells: &mut Vec<String>) -> Result<Option<(u64, u64)>, CsvError> {
        if !self
            .reader
            .read_record(&mut self.record)
            .map_err(CsvError::Broken)?
        {
            return Ok(None);
        }
        let position = self.record.position().map_or(0, |p| p.byte());
        cells.truncate(self.record.len());
        for (index, field) in self.record.iter().enumerate() {
            match cells.get_mut(index) {
                Some(cell) => nfc_into(field, cell),
                None => cells.push(nfc(field)),
            }
        }
        let line = self.reader.get_mut().line_of(position);
        // A quote left open swallows the rows after it into one cell: refuse, never import
        // one row whose note holds the next ones.
        let swallowed = cells
            .iter()
            .filter(|c| c.contains('\n'))
            .find_map(|c| stream::swallowed_row(c, self.delimiter));
        if let Some(offset) = swallowed {
            let over = line + offset;
            return Err(CsvError::QuoteSwallowsRow { line, over });
        }
        Ok(Some((line, position)))
    }

    /// Once every row is read: refuses a quote that was never closed.
    pub fn finish(&self) -> Result<(), CsvError> {
        match self.reader.get_ref().unclosed_quote() {
            Some(line) => Err(CsvError::QuoteNotClosed { line }),
            None => Ok(()),
        }
    }

    /// The delimiter as a summary shows it: "tab", or the character.
    pub fn delimiter_name(&self) -> String {
        match self.delimiter {
            b'\t' => "tab".to_string(),
            other => (other as char).to_string(),
        }
    }
}

/// Whether every cell of a row is blank.
pub fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| trim(c).is_empty())
}

/// The header: the first row that is not blank, from line `from` on (a mapping's header row).
/// `next_row` reads a row into the cells it is given and tells its line.
pub fn header<E>(
    mut next_row: impl FnMut(&mut Vec<String>) -> Option<Result<u64, E>>,
    from: u64,
) -> Result<Option<TextRow>, E> {
    let mut cells = Vec::new();
    while let Some(line) = next_row(&mut cells) {
        let line = line?;
        if line < from || is_blank(&cells) {
            continue;
        }
        return Ok(Some((line, cells)));
    }
    Ok(None)
}
