//! A large CSV read as a stream, so memory stays flat however many rows it has: one pass to
//! fingerprint the file and tell its encoding, then the rows one by one, each with the line it
//! starts on.

use std::collections::VecDeque;
use std::io::{self, Read};
use std::path::Path;

use super::decode::{Encoding, Evidence, Sha256};

/// What one pass over a file tells before its rows are read.
#[derive(Debug, Clone, PartialEq)]
pub struct Scan {
    pub sha256: String,
    pub size: u64,
    /// The encoding its first bytes and the evidence of the rest tell (see
    /// `decode::Evidence::encoding`).
    pub encoding: Encoding,
    /// What the bytes showed: the invalid UTF-8 bytes and where they are.
    pub evidence: Evidence,
    /// A NUL byte: a binary file, when the text is meant to be UTF-8.
    pub has_nul: bool,
}

/// Reads `path` once, in pieces.
pub fn scan(path: &Path) -> io::Result<Scan> {
    let mut file = std::fs::File::open(path)?;
    let mut hash = Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    let mut head: Vec<u8> = Vec::new();
    let mut evidence = Evidence::default();
    let mut size = 0u64;
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        let piece = &buffer[..read];
        hash.update(piece);
        if head.len() < 3 {
            head.extend(piece.iter().take(3 - head.len()));
        }
        evidence.feed(piece);
        size += read as u64;
    }
    evidence.finish();
    Ok(Scan {
        sha256: hash.finish(),
        size,
        encoding: evidence.encoding(&head),
        has_nul: evidence.has_nul,
        evidence,
    })
}

/// Where CSV quoting stands as the bytes pass, read the way the csv reader reads it: a quote
/// opens a field only at its start, `""` inside is a quote, a quote followed by anything else
/// closes it.
#[derive(Debug, Clone)]
struct Quotes {
    delimiter: u8,
    line: u64,
    at_field_start: bool,
    quoted: bool,
    /// A quote seen inside a quoted field: closing, unless another follows.
    pending: bool,
    opened_on: u64,
}

impl Quotes {
    fn new(delimiter: u8) -> Self {
        Quotes {
            delimiter,
            line: 1,
            at_field_start: true,
            quoted: false,
            pending: false,
            opened_on: 0,
        }
    }

    fn feed(&mut self, byte: u8) {
        if self.quoted {
            if !self.pending {
                match byte {
                    b'"' => self.pending = true,
                    b'\n' => self.line += 1,
                    _ => {}
                }
                return;
            }
            self.pending = false;
            if byte == b'"' {
                return;
            }
            self.quoted = false;
        }
        if byte == b'"' && self.at_field_start {
            self.quoted = true;
            self.opened_on = self.line;
            self.at_field_start = false;
            return;
        }
        self.at_field_start = matches!(byte, b'\n' | b'\r') || byte == self.delimiter;
        if byte == b'\n' {
            self.line += 1;
        }
    }

    /// [`Self::feed`] for each byte of `piece`.
    fn feed_all(&mut self, piece: &[u8]) {
        // Without a quote in it, a piece moves nothing but the line, and whether the next
        // byte starts a field: both are told at once rather than byte by byte.
        if !self.pending && !piece.contains(&b'"') {
            self.line += piece.iter().filter(|b| **b == b'\n').count() as u64;
            if let (false, Some(last)) = (self.quoted, piece.last()) {
                self.at_field_start = matches!(*last, b'\n' | b'\r') || *last == self.delimiter;
            }
            return;
        }
        for byte in piece {
            self.feed(*byte);
        }
    }

    /// The line of a quote still open at the end of the file.
    fn open_at_end(&self) -> Option<u64> {
        (self.quoted && !self.pending).then_some(self.opened_on)
    }
}

/// A reader that notes where each line break is and where quoting stands, so the rows read
/// through it can be given their lines ([`Self::line_of`]), and a quote left open told. The
/// csv reader owns it and lends it back (`get_mut`): nothing is shared, so a file being read
/// may move to another thread.
pub struct Tracked<R> {
    inner: R,
    offset: u64,
    /// Line breaks (`\r`, `\n`) passed and not yet claimed by a record.
    breaks: VecDeque<(u64, u8)>,
    /// The line of the last record placed.
    line: u64,
    quotes: Quotes,
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buffer)?;
        let piece = &buffer[..read];
        for (i, byte) in piece.iter().enumerate() {
            if matches!(byte, b'\r' | b'\n') {
                self.breaks.push_back((self.offset + i as u64, *byte));
            }
        }
        self.quotes.feed_all(piece);
        self.offset += read as u64;
        Ok(read)
    }
}

/// Wraps `reader` so the rows read through it can be given their line numbers, and a quote
/// left open can be told; `delimiter` is the file's.
pub fn track<R: Read>(reader: R, delimiter: u8) -> Tracked<R> {
    Tracked {
        inner: reader,
        offset: 0,
        breaks: VecDeque::new(),
        line: 1,
        quotes: Quotes::new(delimiter),
    }
}

/// The first line inside a quoted cell that looks like a row of its own (two delimiters or
/// more outside quotes), as an offset from the cell's first line: the sign of a quote left
/// open that swallowed the rows after it.
pub fn swallowed_row(cell: &str, delimiter: u8) -> Option<u64> {
    cell.split('\n')
        .enumerate()
        .skip(1)
        .find(|(_, line)| {
            line.bytes().filter(|b| *b == delimiter).count() >= 2
                && !line.trim_start().starts_with('"')
        })
        .map(|(offset, _)| offset as u64)
}

impl<R> Tracked<R> {
    /// Once every row is read: the line of a quote that was never closed.
    pub fn unclosed_quote(&self) -> Option<u64> {
        self.quotes.open_at_end()
    }

    /// The 1-based line of the record that the csv reader placed at byte `position`. A
    /// record's byte position is where the csv reader began reading it, which may be before
    /// the previous line's terminator and blank lines: those are stepped over, then the line
    /// feeds before it counted. Breaks are forgotten once passed, so memory holds only what
    /// the reader has read ahead.
    pub fn line_of(&mut self, position: u64) -> u64 {
        let mut start = position;
        while let Some(&(at, byte)) = self.breaks.front() {
            if at < start {
                self.line += u64::from(byte == b'\n');
                self.breaks.pop_front();
            } else if at == start {
                // A terminator or blank line where the record was placed: it starts after it.
                self.line += u64::from(byte == b'\n');
                self.breaks.pop_front();
                start += 1;
            } else {
                break;
            }
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<(u64, Vec<String>)> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(b';')
            .from_reader(track(text.as_bytes(), b';'));
        let mut record = csv::StringRecord::new();
        let mut found = Vec::new();
        while reader.read_record(&mut record).unwrap() {
            let position = record.position().map_or(0, |p| p.byte());
            let line = reader.get_mut().line_of(position);
            found.push((line, record.iter().map(str::to_string).collect()));
        }
        found
    }

    #[test]
    fn records_are_placed_on_their_lines_past_blank_lines_and_crlf() {
        let found = lines_of("a;b\r\n\r\n\r\nc;d\r\n\"e\nstill e\";f\r\ng;h");
        let lines: Vec<u64> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 4, 5, 7]);
        assert_eq!(found[2].1[0], "e\nstill e");
        let plain: Vec<u64> = lines_of("x\n\ny\nz\n").iter().map(|(l, _)| *l).collect();
        assert_eq!(plain, [1, 3, 4]);
    }

    fn open_quote(text: &str) -> Option<u64> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(b';')
            .from_reader(track(text.as_bytes(), b';'));
        for record in reader.records() {
            record.unwrap();
        }
        reader.get_ref().unclosed_quote()
    }

    #[test]
    fn a_quote_left_open_is_found_at_its_line() {
        assert_eq!(open_quote("a;b\nx;\"never closed\ny;z\n"), Some(2));
        assert_eq!(open_quote("a;b\nx;\"closed \"\"here\"\"\"\ny;z\n"), None);
        assert_eq!(open_quote("a;b\nx;\"two\nlines\";y\n"), None);
        assert_eq!(open_quote("a;b\nx;5\" screen\ny;z\n"), None);
        assert_eq!(open_quote("a;\"b\""), None);
        assert_eq!(
            swallowed_row("never closed\nTT1.10;VHXH;02/07/2026;4;x\n", b';'),
            Some(1)
        );
        assert_eq!(
            swallowed_row("một ghi chú\nhai dòng; có chấm phẩy", b';'),
            None
        );
    }

    #[test]
    fn quotes_fed_in_pieces_stand_as_fed_byte_by_byte() {
        let text = b"a;b\nx;\"one\n\"\"two\"\"\";y\r\nz;\"open\nstill;open;\n";
        for size in 1..text.len() {
            for delimiter in [b';', b','] {
                let mut bytewise = Quotes::new(delimiter);
                let mut piecewise = Quotes::new(delimiter);
                for piece in text.chunks(size) {
                    piece.iter().for_each(|b| bytewise.feed(*b));
                    piecewise.feed_all(piece);
                    assert_eq!(format!("{piecewise:?}"), format!("{bytewise:?}"), "{size}");
                }
            }
        }
    }

    #[test]
    fn a_scan_tells_the_encoding_and_where_utf8_breaks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        std::fs::write(&path, "Mã;Giá trị\nTT1;2\n").unwrap();
        let found = scan(&path).unwrap();
        assert_eq!(found.encoding, Encoding::Utf8);
        assert_eq!(
            found.sha256,
            super::super::decode::sha256_hex("Mã;Giá trị\nTT1;2\n".as_bytes())
        );
        std::fs::write(&path, b"a;b\nM\xE3;1\n").unwrap();
        let found = scan(&path).unwrap();
        assert_eq!(found.encoding, Encoding::Windows1258);
        assert_eq!(found.evidence.first_invalid, Some((5, 2)));
        assert_eq!(found.evidence.places, [(2, 2, 0xE3)]);
    }
}
